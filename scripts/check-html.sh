#!/usr/bin/env bash
# Renders the ASEAN report as HTML, opens it in headless Chromium, checks the heatmap is there
# (11 States x 11 categories, no unescaped markup) and saves a screenshot to docs/report.png.
# Needs Debian's chromium (apt-get install chromium). Not run by CI (the browser is large).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
cargo run --quiet --release -- report --format html -o "$out/report.html"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$out/profile")
chromium "${flags[@]}" --dump-dom "file://$out/report.html" > "$out/dom.html" 2>/dev/null
rows=$(( $(grep -o "<tr><th class=\"state\">" "$out/dom.html" | wc -l) - 1 ))  # minus the header row
cells=$(grep -o '<td class="\(full\|partial\|gap\|unknown\)">' "$out/dom.html" | wc -l)
[ "$rows" -eq 11 ] || { echo "expected 11 State rows, found $rows"; exit 1; }
[ "$cells" -eq 121 ] || { echo "expected 121 heatmap cells, found $cells"; exit 1; }
if grep -q '<script' "$out/dom.html"; then echo "unexpected script element"; exit 1; fi
chromium "${flags[@]}" --window-size=1400,1000 --screenshot="docs/report.png" \
  "file://$out/report.html" 2>/dev/null
echo "heatmap OK: $rows rows, $cells cells; screenshot in docs/report.png"
