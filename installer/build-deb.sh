#!/usr/bin/env bash
# Builds the Debian package of Opaline from app/target (opaline.jar + lib/):
#   1. jlink: a Java runtime with only the modules Opaline needs (jdeps + the ones loaded as services);
#   2. jpackage --type app-image: the native "opaline" launcher over that runtime and the jars;
#   3. the package tree (/opt/opaline, /usr/bin/opaline, /etc/opaline, systemd unit, desktop entry,
#      icons) and dpkg-deb.
# Reproducible: every file gets the same mtime (SOURCE_DATE_EPOCH, default: the last commit),
# fixed modes, root ownership, and dpkg-deb writes its members in a stable order.
# Usage: build-deb.sh --version 0.1.0-SNAPSHOT --app DIR --packaging DIR --out DIR
set -euo pipefail

version="" app="" packaging="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --app) app="$2"; shift 2 ;;
    --packaging) packaging="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "option inconnue : $1" >&2; exit 2 ;;
  esac
done
[ -n "$version" ] && [ -n "$app" ] && [ -n "$packaging" ] && [ -n "$out" ] || {
  echo "usage : build-deb.sh --version V --app DIR --packaging DIR --out DIR" >&2; exit 2; }
[ -f "$app/opaline.jar" ] && [ -d "$app/lib" ] || {
  echo "app/target/opaline.jar ou app/target/lib manquant : construisez d'abord le module app" >&2; exit 2; }

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
for tool in jdeps jlink jpackage; do
  [ -x "$java_home/bin/$tool" ] || { echo "$tool introuvable dans $java_home (JDK 17 complet requis)" >&2; exit 2; }
done
command -v dpkg-deb >/dev/null || { echo "dpkg-deb introuvable (paquet dpkg)" >&2; exit 2; }
command -v objdump >/dev/null || { echo "objdump introuvable (paquet binutils)" >&2; exit 2; }

export LC_ALL=C TZ=UTC
umask 022
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH="$(git -C "$packaging" log -1 --format=%ct 2>/dev/null || echo 1767225600)"
fi
export SOURCE_DATE_EPOCH

arch="$(dpkg --print-architecture)"
# Debian orders 0.1.0~SNAPSHOT before 0.1.0; jpackage wants a plain numeric version.
deb_version="${version/-SNAPSHOT/~snapshot}"
app_version="${version%%-*}"

work="$out/deb-work"
rm -rf "$work"
mkdir -p "$work/input/lib" "$out"
cp "$app/opaline.jar" "$work/input/"
cp "$app"/lib/*.jar "$work/input/lib/"

# --- 1. jlink runtime ------------------------------------------------------------------------
# jdeps sees the modules the code links to; these are reached through services, reflection or
# locale/charset lookups and must be listed: TLS (EC, PKCS#11), French locale data, extra
# charsets (DICOM/HL7 ISO-8859-x), zip file system, DNS for JNDI, Kerberos/SASL for PostgreSQL,
# JFR-free management, the HTTP client, sun.misc.Unsafe for libraries that use it.
services="jdk.crypto.ec,jdk.crypto.cryptoki,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.naming.dns,java.security.jgss,java.security.sasl,jdk.security.auth,jdk.net,java.net.http,jdk.management,jdk.unsupported,jdk.httpserver,java.naming,java.sql,java.xml.crypto"
linked="$("$java_home/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "$work/input/lib/*" "$work/input/opaline.jar" 2>/dev/null | tail -n 1)"
modules="$(printf '%s,%s' "$linked" "$services" | tr ',' '\n' | grep -v '^$' | sort -u | paste -sd, -)"
echo "Modules du runtime : $modules" >&2
"$java_home/bin/jlink" --add-modules "$modules" --output "$work/runtime" \
  --strip-debug --no-header-files --no-man-pages --include-locales=fr,en --compress=1

# --- 2. jpackage app-image -------------------------------------------------------------------
"$java_home/bin/jpackage" --type app-image --dest "$work/image" --name opaline \
  --app-version "$app_version" --vendor "Opaline" --copyright "Opaline" \
  --description "Opaline RIS - système d'information de radiologie" \
  --input "$work/input" --main-jar opaline.jar --main-class fr.opaline.app.Main \
  --runtime-image "$work/runtime" --icon "$packaging/icons/opaline-256.png" \
  --java-options "-Dfile.encoding=UTF-8" --java-options "-Dopaline.packaged=true" \
  --java-options "-XX:+ExitOnOutOfMemoryError"

# --- 3. package tree -------------------------------------------------------------------------
root="$work/root"
mkdir -p "$root/opt" "$root/usr/bin" "$root/etc/opaline" "$root/lib/systemd/system" \
  "$root/usr/share/applications" "$root/usr/share/doc/opaline" "$root/DEBIAN"
cp -a "$work/image/opaline" "$root/opt/opaline"
ln -s /opt/opaline/bin/opaline "$root/usr/bin/opaline"
cp "$packaging/linux/opaline.properties" "$root/etc/opaline/opaline.properties"
cp "$packaging/linux/opaline-server.service" "$root/lib/systemd/system/opaline-server.service"
cp "$packaging/linux/opaline.desktop" "$root/usr/share/applications/opaline.desktop"
for size in 48 128 256; do
  mkdir -p "$root/usr/share/icons/hicolor/${size}x${size}/apps"
  cp "$packaging/icons/opaline-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/opaline.png"
done
mkdir -p "$root/usr/share/icons/hicolor/scalable/apps"
cp "$packaging/icons/opaline.svg" "$root/usr/share/icons/hicolor/scalable/apps/opaline.svg"
cp "$packaging/linux/debian/copyright" "$root/usr/share/doc/opaline/copyright"
if [ -f "$packaging/../README.md" ]; then
  cp "$packaging/../README.md" "$root/usr/share/doc/opaline/README.md"
fi

# Modes: directories and executables 0755, everything else 0644.
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -exec chmod 0644 {} +
chmod 0755 "$root/opt/opaline/bin/opaline"
find "$root/opt/opaline/lib/runtime/bin" -type f -exec chmod 0755 {} +
find "$root/opt/opaline/lib" -type f \( -name '*.so' -o -name 'jspawnhelper' -o -name 'jexec' \) -exec chmod 0755 {} +

# Depends: the packages that provide the shared libraries the native files need (as jpackage does).
needed="$(find "$root/opt/opaline" -type f \( -name '*.so' -o -perm -u+x \) -exec sh -c \
  'objdump -p "$1" 2>/dev/null | awk "/NEEDED/ {print \$2}"' _ {} \; | sort -u)"
provided="$(find "$root/opt/opaline" -name '*.so' -printf '%f\n' | sort -u | tr '\n' ' ')"
owner_of() { # the package that installed a file, trying the names usrmerge gives it
  local path="$1" real candidate
  real="$(readlink -f "$path")"
  for candidate in "$path" "$(dirname "$path")/$(basename "$real")" "$real" "${real#/usr}"; do
    dpkg -S "$candidate" 2>/dev/null | awk -F: 'NR == 1 {print $1}' | grep . && return 0
  done
  return 1
}
depends=""
for soname in $needed; do
  case " $provided " in *" $soname "*) continue ;; esac
  # (no early exit in these pipelines: under pipefail, a writer cut short fails the build)
  path="$(ldconfig -p | awk -v s="$soname" '$1 == s && !found {print $NF; found = 1}')"
  [ -n "$path" ] || { echo "Bibliothèque introuvable : $soname" >&2; exit 1; }
  pkg="$(owner_of "$path")" || { echo "Paquet introuvable pour $path" >&2; exit 1; }
  depends="$depends $pkg"
done
depends="$(printf '%s\n' $depends | sort -u | paste -sd, - | sed 's/,/, /g')"

# Installed-Size from the file sizes (KiB), independent of the build file system.
installed_kib="$(find "$root" -path "$root/DEBIAN" -prune -o \( -type f -o -type l \) -printf '%s\n' \
  | awk '{s += $1} END {printf "%d", (s + 1023) / 1024}')"
sed -e "s/@VERSION@/$deb_version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$installed_kib/" \
  -e "s/@DEPENDS@/$depends/" "$packaging/linux/debian/control.in" > "$root/DEBIAN/control"
printf '/etc/opaline/opaline.properties\n' > "$root/DEBIAN/conffiles"
for script in postinst prerm postrm; do
  install -m 0755 "$packaging/linux/debian/$script" "$root/DEBIAN/$script"
done
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\n' | sort | xargs -d '\n' md5sum) \
  > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"

find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
deb="$out/opaline_${deb_version}_${arch}.deb"
rm -f "$out"/opaline_*.deb
dpkg-deb --root-owner-group -Zzstd --build "$root" "$deb" >&2
echo "$deb"
