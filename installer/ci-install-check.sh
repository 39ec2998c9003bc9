#!/usr/bin/env bash
# CI, as root on a throw-away machine: installs the built package with dpkg -i (maintainer
# scripts included), runs the installed opaline as the service account, then purges it.
# Usage: installer/ci-install-check.sh [installer/target/opaline_*.deb]
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "à lancer en root (dpkg -i)" >&2; exit 2; }
deb="${1:-$(ls "$(dirname "$0")"/target/opaline_*.deb | head -n 1)}"
[ -f "$deb" ] || { echo "paquet introuvable : $deb" >&2; exit 2; }

export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends "$(readlink -f "$deb")" >/dev/null
trap 'dpkg --purge opaline >/dev/null 2>&1 || true' EXIT

test -x /usr/bin/opaline
getent passwd opaline >/dev/null
[ "$(stat -c '%U:%G %a' /etc/opaline/opaline.properties)" = "root:opaline 640" ]
[ "$(stat -c '%U:%G' /var/lib/opaline)" = "opaline:opaline" ]
opaline --version
runuser -u opaline -- opaline --config /etc/opaline/opaline.properties --home /var/lib/opaline server --check
dpkg-query -W -f='${Package} ${Version} ${Status}\n' opaline

dpkg --purge opaline >/dev/null
trap - EXIT
test ! -e /usr/bin/opaline
test ! -e /etc/opaline/opaline.properties
test -d /var/lib/opaline   # patient data is never deleted by the package
echo "Installation dpkg vérifiée : opaline --version et server --check depuis la copie installée, purge propre."
