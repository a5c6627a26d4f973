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
for f in "$out"/*.sssom.tsv; do
  if ! "$venv/bin/sssom" validate "$f" > "$out/log" 2>&1 || grep -q "validation errors" "$out/log"; then
    cat "$out/log"
    echo "sssom validate rejected $f"
    exit 1
  fi
  # And our own importer reads back what we wrote, with no finding.
  cargo run --quiet -- validate --strict "$f" > /dev/null
  echo "sssom validate: $(basename "$f") OK ($(grep -vc '^#' "$f") lines)"
done
