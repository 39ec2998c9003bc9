#!/bin/sh
# Rebuilds the commune referential shipped in the ins module from the npm package
# @etalab/decoupage-administratif (built by Etalab from the INSEE COG, licence ouverte).
# Run it by hand when a new version is published (needs npm and python3, and the network);
# the build itself never fetches anything: it uses the committed resource.
#   packaging/communes/build-communes.sh [VERSION]
set -eu
VERSION="${1:-6.0.0}"
PACKAGE="@etalab/decoupage-administratif"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/ins/src/main/resources/fr/opaline/ins/cog"
mkdir -p "$OUT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "$PACKAGE@$VERSION" > tarball.txt
TARBALL="$(cat tarball.txt)"
INTEGRITY="$(npm view "$PACKAGE@$VERSION" dist.integrity)"
tar xzf "$TARBALL" package/data/communes.json package/LICENSE
python3 - "$OUT" "$PACKAGE" "$VERSION" "$INTEGRITY" <<'PY'
import gzip, json, sys, datetime
out, package, version, integrity = sys.argv[1:]
communes = json.load(open("package/data/communes.json", encoding="utf-8"))
# Only what the referential reads (EtalabCommunesImporter): code, name, kind, chef-lieu, former codes.
keep = ("code", "nom", "type", "zone", "chefLieu", "commune", "departement", "anciensCodes")
compact = [{k: c[k] for k in keep if k in c} for c in communes]
data = json.dumps(compact, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
with open(out + "/etalab-communes.json.gz", "wb") as f:
    f.write(gzip.compress(data, 9, mtime=0))
kinds = {}
for c in communes:
    kinds[c["type"]] = kinds.get(c["type"], 0) + 1
former = sum(len(c.get("anciensCodes", [])) for c in communes)
with open(out + "/etalab-communes.properties", "w", encoding="utf-8") as f:
    f.write("# Provenance of etalab-communes.json.gz (packaging/communes/build-communes.sh)\n")
    f.write("package=%s\nversion=%s\nintegrity=%s\nbuilt=%s\n" % (package, version, integrity,
            datetime.date.today().isoformat()))
    f.write("entries=%d\nformerCodes=%d\n" % (len(communes), former))
    for k in sorted(kinds):
        f.write("type.%s=%d\n" % (k, kinds[k]))
print("communes : %d entrées, %d anciens codes, %s" % (len(communes), former, kinds))
PY
