#!/usr/bin/env bash
# Exports the embedded mappings as SSSOM TSV and checks that the reference Python tool
# (`sssom validate`, from PyPI) accepts it. Run by .ci/run. Installs sssom into a virtual
# environment under target/ the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/sssom-venv
if [ ! -x "$venv/bin/sssom" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "sssom==0.4.21"
fi
out=$(mktemp -d)
cargo run --quiet -- sssom -o "$out/asean.sssom.tsv"
cargo run --quiet -- sssom --jurisdiction SG --no-gaps -o "$out/sg.sssom.tsv"
# A user jurisdiction researched only to the month (`as_of: 2026-11`): `mapping_date` must stay
# a valid xsd:date, or the reference tool silently drops every row.
mkdir -p "$out/partial"
sed 's/"as_of": "[0-9-]*"/"as_of": "2026-11"/' examples/data/gb.json > "$out/partial/gb.json"
cargo run --quiet -- sssom --data "$out/partial" --jurisdiction GB -o "$out/partial-date.sssom.tsv"
# A reviewed non-match (predicate_modifier: Not): valid SSSOM, never imported as coverage.
cat > "$out/negated.sssom.tsv" <<'TSV'
# curie_map:
#   skos: http://www.w3.org/2004/02/skos/core#
#   semapv: https://w3id.org/semapv/vocab/
#   un2024: https://w3id.org/cybercrime-taxonomy/un2024/
#   sg: https://w3id.org/cybercrime-taxonomy/law/sg/
#   jurisdiction: https://w3id.org/cybercrime-taxonomy/jurisdiction/
# mapping_set_id: https://example.org/negated.sssom.tsv
# license: https://creativecommons.org/licenses/by/4.0/
# mapping_date: 2026-12-01
subject_id	predicate_id	predicate_modifier	object_id	mapping_justification	subject_source
sg:cma1993/s3	skos:exactMatch		un2024:art7	semapv:ManualMappingCuration	jurisdiction:SG
sg:cma1993/s3	skos:exactMatch	Not	un2024:art16	semapv:ManualMappingCuration	jurisdiction:SG
TSV
if ! cargo run --quiet -- validate "$out/negated.sssom.tsv" | grep -q "negated mapping"; then
  echo "validate did not report the negated mapping"
  exit 1
fi
for f in "$out"/*.sssom.tsv; do
  if ! "$venv/bin/sssom" validate "$f" > "$out/log" 2>&1 || grep -q "validation errors" "$out/log"; then
    cat "$out/log"
    echo "sssom validate rejected $f"
    exit 1
  fi
  # The reference tool must keep every row (it drops rows it cannot read and still exits 0).
  "$venv/bin/sssom" parse "$f" -o "$out/parsed.tsv" > "$out/log" 2>&1
  if [ "$(grep -vc '^#' "$f")" != "$(grep -vc '^#' "$out/parsed.tsv")" ]; then
    cat "$out/log"
    echo "sssom parse dropped rows of $f"
    exit 1
  fi
  # And our own importer reads back what we wrote, with no finding (a user jurisdiction that
  # exists only in SSSOM gets a warning that SSSOM cannot hold its name and treaties).
  case "$f" in
    *partial-date*|*negated*) cargo run --quiet -- validate "$f" > /dev/null ;;
    *) cargo run --quiet -- validate --strict "$f" > /dev/null ;;
  esac
  echo "sssom validate: $(basename "$f") OK ($(grep -vc '^#' "$f") lines)"
done
