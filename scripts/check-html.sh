#!/usr/bin/env bash
# Renders the ASEAN report and Viet Nam's brief as HTML and opens them in headless Chromium:
#  - the DOM Chromium builds has the 11 x 11 heatmap, one finding row per cell, no script
#    element, and only http(s) links;
#  - at 1400 px and at 390 px (a phone) the page itself does not scroll sideways, the heatmap
#    scrolls inside its frame, and the State column stays in view when it does;
#  - screenshots at both widths go to docs/heatmap-1400.png and docs/heatmap-390.png.
# Run by CI. Needs Debian's chromium (`apt-get install chromium`) and Python 3.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo run --quiet -- report --format html -o "$out/report.html"
cargo run --quiet -- brief VN --format html -o "$out/brief.html"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --hide-scrollbars
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$out/profile")

for page in report brief; do
  chromium "${flags[@]}" --dump-dom "file://$out/$page.html" > "$out/$page.dom.html" 2>/dev/null
done
python3 - "$out/report.dom.html" "$out/brief.dom.html" <<'PY'
import sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.details, self.scripts, self.bad_links = [], 0, 0, []
        self.in_heat = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("class") == "heat":
            self.tables.append({"rows": 0, "cells": 0}); self.in_heat = True
        elif tag == "tbody" and self.in_heat:
            pass
        elif tag == "tr" and self.in_heat:
            self.tables[-1]["rows"] += 1
        elif tag == "td" and self.in_heat and a.get("class") in ("full", "partial", "gap", "unknown"):
            self.tables[-1]["cells"] += 1
        elif tag == "details":
            self.details += 1
        elif tag == "script":
            self.scripts += 1
        elif tag == "a":
            h = a.get("href", "")
            if not (h.startswith("#") or h.startswith("https://") or h.startswith("http://")):
                self.bad_links.append(h)
    def handle_endtag(self, tag):
        if tag == "table":
            self.in_heat = False

def read(path):
    p = Page(); p.feed(open(path, encoding="utf-8").read()); return p

report, brief = read(sys.argv[1]), read(sys.argv[2])
errors = []
if not report.tables:
    errors.append("report: no heatmap")
else:
    heat = report.tables[0]
    if heat["rows"] != 12:  # the header row and 11 States
        errors.append(f"report: expected 11 State rows, found {heat['rows'] - 1}")
    if heat["cells"] != 121:
        errors.append(f"report: expected 121 heatmap cells, found {heat['cells']}")
    cells = sum(t["cells"] for t in report.tables)
    if report.details != cells:
        errors.append(f"report: {cells} cells but {report.details} finding rows")
if brief.details != 11:
    errors.append(f"brief: expected 11 article rows, found {brief.details}")
for name, p in (("report", report), ("brief", brief)):
    if p.scripts:
        errors.append(f"{name}: unexpected script element")
    if p.bad_links:
        errors.append(f"{name}: links that are not http(s) or fragments: {p.bad_links[:3]}")
if errors:
    sys.exit("\n".join(errors))
print(f"DOM OK: {report.tables[0]['cells']} heatmap cells, {report.details} finding rows; brief {brief.details} rows")
PY

# Layout, measured in the browser: a harness page (not the report, which has no script) loads
# the report in a frame of each width and writes what it measures into its own DOM.
for width in 1400 390; do
  cat > "$out/layout-$width.html" <<HTML
<!DOCTYPE html><html><body><pre id="out">no measurement</pre>
<iframe id="f" src="report.html" style="width:${width}px;height:900px;border:0"></iframe>
<script>
document.getElementById('f').addEventListener('load', function () {
  var d = this.contentDocument, w = this.contentWindow, r = [];
  r.push('page-scrolls-sideways=' + (d.documentElement.scrollWidth > w.innerWidth));
  var frame = d.querySelector('div.scroll');
  frame.scrollLeft = frame.scrollWidth;
  var th = d.querySelector('table.heat tbody th.state').getBoundingClientRect();
  r.push('state-column-visible=' + (th.left >= 0 && th.right <= w.innerWidth && th.width > 0));
  document.getElementById('out').textContent = r.join(' ');
});
</script></body></html>
HTML
  got=$(chromium "${flags[@]}" --allow-file-access-from-files --virtual-time-budget=5000 \
        --dump-dom "file://$out/layout-$width.html" 2>/dev/null \
        | sed -n 's/.*<pre id="out">\([^<]*\)<.*/\1/p')
  want="page-scrolls-sideways=false state-column-visible=true"
  if [ "$got" != "$want" ]; then
    echo "layout at ${width}px: expected '$want', measured '$got'"; exit 1
  fi
  echo "layout OK at ${width}px: $got"
done

chromium "${flags[@]}" --window-size=1400,1000 --screenshot="docs/heatmap-1400.png" \
  "file://$out/report.html" 2>/dev/null
chromium "${flags[@]}" --window-size=390,844 --screenshot="docs/heatmap-390.png" \
  "file://$out/report.html" 2>/dev/null
echo "screenshots in docs/heatmap-1400.png and docs/heatmap-390.png"
