#!/usr/bin/env python3
"""Regenerates the README's data tables (matrix and status) from the CLI, so that the test
`readme_tables_match_the_data` passes after a data change.

Usage: python3 scripts/update-readme.py   (runs `cargo run --quiet -- ...`)
"""
import pathlib, re, subprocess

root = pathlib.Path(__file__).resolve().parent.parent
def run(*args):
    return subprocess.run(["cargo", "run", "--quiet", "--", *args], cwd=root, check=True,
                          capture_output=True, text=True).stdout

report = run("report").splitlines(keepends=True)
# The worked cooperation example: the command's Markdown, its title dropped and its headings
# nested under the README's section.
cooperation = run("cooperation", "SG", "VN").splitlines(keepends=True)[2:]
cooperation = "".join("##" + line if line.startswith("## ") else line for line in cooperation)
sections = {"matrix": "".join(report[4:17]), "status": run("status"),
            "cooperation": cooperation.strip("\n") + "\n"}
readme = (root / "README.md").read_text()
for name, body in sections.items():
    readme = re.sub(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)",
                    lambda m: m.group(1) + body + m.group(2), readme, flags=re.S)
(root / "README.md").write_text(readme)
