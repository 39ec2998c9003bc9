#!/usr/bin/env bash
# Renders opaline.svg to the PNG sizes of the Linux package and the ICO of the Windows .msi.
# The results are committed (the package build does not need ImageMagick); run again after
# changing the SVG. PNG date/time chunks are left out so the files are reproducible.
set -euo pipefail
cd "$(dirname "$0")"
for size in 48 128 256; do
  convert -background none -density 384 opaline.svg -resize "${size}x${size}" \
    -define png:exclude-chunks=date,time -strip "opaline-${size}.png"
done
convert opaline-256.png opaline-128.png opaline-48.png -define icon:auto-resize=256,128,48,32,16 opaline.ico
