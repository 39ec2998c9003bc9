#!/usr/bin/env bash
# Builds the Debian package twice from the same commit, from clean (jars included), and
# compares: identical .deb bytes, or the list of files whose content differs.
# Usage: installer/check-reproducible.sh [--keep-jars]   (--keep-jars: reuse app/target)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build() {
  if [ "${1:-}" != "--keep-jars" ]; then
    (cd "$root" && mvn -q -B -DskipTests -Dopaline.deb.skip -pl app -am clean package) >&2
  fi
  "$here/build-deb.sh" --version "$version" --app "$root/app/target" --packaging "$root/packaging" --out "$work/out" \
    2>/dev/null | tail -n 1
}

first="$(build "$@")"; mv "$first" "$work/first.deb"
second="$(build "$@")"; mv "$second" "$work/second.deb"
sha256sum "$work/first.deb" "$work/second.deb" | sed "s#$work/##"
if cmp -s "$work/first.deb" "$work/second.deb"; then
  echo "Reproductible : les deux paquets sont identiques octet pour octet."
  exit 0
fi
for n in first second; do
  mkdir -p "$work/$n"
  dpkg-deb -R "$work/$n.deb" "$work/$n"
  (cd "$work/$n" && find . -type f -exec sha256sum {} + | sort -k 2) > "$work/$n.sums"
done
echo "Différences de contenu :"
diff "$work/first.sums" "$work/second.sums" || true
exit 1
