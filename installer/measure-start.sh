#!/usr/bin/env bash
# Start-up figures of the packaged Opaline, from the .deb installed in a clean folder:
#   - installed size (Installed-Size and du of /opt/opaline);
#   - practice server: from launch to the first "UP" answer of /health (embedded H2), first run
#     on a new database (schema created) then runs on the existing one; with the CPU time used;
#   - with --desktop: the workstation, from launch to its first window under Xvfb (the login
#     screen), on a database seeded beforehand. Uses "opaline desktop" when the command exists,
#     else "opaline demo" (which opens the desktop once the ui module is wired in).
# Usage: installer/measure-start.sh [--deb FILE] [--runs N] [--desktop]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
deb="" runs=5 desktop=false
while [ $# -gt 0 ]; do
  case "$1" in
    --deb) deb="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --desktop) desktop=true; shift ;;
    *) echo "option inconnue : $1" >&2; exit 2 ;;
  esac
done
[ -n "$deb" ] || deb="$(ls "$here"/target/opaline_*.deb 2>/dev/null | head -n 1)"
[ -f "$deb" ] || { echo "paquet introuvable : construisez-le (mvn -B verify ou installer/build-deb.sh)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root"
opaline="$work/root/opt/opaline/bin/opaline"
now_ms() { date +%s%3N; }

echo "Paquet : $(basename "$deb") ($(du -h "$deb" | cut -f1))"
echo "Taille installée : $(dpkg-deb -f "$deb" Installed-Size) Kio (Installed-Size), /opt/opaline : $(du -sh "$work/root/opt/opaline" | cut -f1)"

echo "Serveur du cabinet, du lancement à /health UP (H2 embarquée) :"
home="$work/server-home"
for i in $(seq 1 "$runs"); do
  start="$(now_ms)"
  OPALINE_HEALTH_PORT=0 OPALINE_PSC_PROXY_PORT=0 OPALINE_PSC_PROXY_BIND=127.0.0.1 OPALINE_BACKUP_ENABLED=false "$opaline" --home "$home" server > "$work/server.out" 2>&1 &
  pid=$!
  url=""
  while [ -z "$url" ]; do
    url="$(sed -n 's/^Supervision : \(http[^ ]*\)$/\1/p' "$work/server.out")"
    kill -0 "$pid" 2>/dev/null || { cat "$work/server.out" >&2; exit 1; }
    sleep 0.02
  done
  until curl -sf "$url" 2>/dev/null | grep -q '"status" : "UP"'; do sleep 0.02; done
  end="$(now_ms)"
  # CPU time of the process so far (user + system), less sensitive than wall time to a busy machine.
  ticks="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
  cpu_ms=$((ticks * 1000 / $(getconf CLK_TCK)))
  own="$(sed -n 's/.*démarré en \([0-9]*\) ms.*/\1/p' "$work/server.out")"
  label="existante"; [ "$i" = 1 ] && label="nouvelle (schéma créé)"
  echo "  run $i, base $label : $((end - start)) ms (dont ouverture de la base et services : $own ms ; CPU $cpu_ms ms)"
  kill -TERM "$pid"; wait "$pid" || true
done

if [ "$desktop" = true ]; then
  command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null || { echo "xvfb-run et xwininfo requis (xvfb, x11-utils)" >&2; exit 2; }
  if "$opaline" --help 2>/dev/null | grep -qE '^ +desktop +'; then command=(desktop) data="$work/desk"; else command=(demo) data="$work/desk/demo"; fi
  "$opaline" --home "$data" seed --patients 500 --days 5 >/dev/null
  echo "Poste de travail (opaline ${command[*]}), du lancement à la première fenêtre (écran de connexion) :"
  for i in $(seq 1 "$runs"); do
    xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
      start=$(date +%s%3N)
      "$1" --home "$2" "${@:3}" > "$2/desktop.out" 2>&1 &
      pid=$!
      for _ in $(seq 1 3000); do
        if xwininfo -root -tree 2>/dev/null | grep -qi "\"[^\"]*opaline[^\"]*\""; then
          echo $(( $(date +%s%3N) - start )); kill -TERM $pid; wait $pid 2>/dev/null; exit 0
        fi
        kill -0 $pid 2>/dev/null || break
        sleep 0.02
      done
      echo "aucune fenêtre" >&2; kill -TERM $pid 2>/dev/null; tail -5 "$2/desktop.out" >&2; exit 1
    ' _ "$opaline" "$work/desk" "${command[@]}" | sed "s/^/  run $i : /; s/$/ ms/"
  done
fi
