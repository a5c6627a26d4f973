#!/usr/bin/env python3
"""Quick pre-check of a jurisdiction file while the Rust validator is being written.

Usage: python3 scripts/precheck_jurisdiction.py data/jurisdictions/sg.json
The authoritative check is `cybercrime-taxonomy validate`; this only catches the common slips.
"""
import json, re, sys, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
tax = {}
for f in (root / "data/taxonomies").glob("*.json"):
    if f.name == "alignments.json":
        continue
    t = json.loads(f.read_text())
    for c in t["categories"]:
        tax[f'{t["id"]}:{c["id"]}'] = c

ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REL = {"exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch"}
CONF = {"high", "medium", "low"}
errors = []

def err(msg):
    errors.append(msg)

def check_source(s, where):
    if not isinstance(s, dict) or not s.get("title") or not s.get("checked"):
        err(f"{where}: source needs title and checked")
    elif not DATE.match(s["checked"]):
        err(f"{where}: bad checked date {s['checked']}")

for path in sys.argv[1:]:
    d = json.loads(pathlib.Path(path).read_text())
    cc = d["code"].lower()
    allowed = {"code", "name", "aliases", "as_of", "treaties", "instruments", "provisions", "gaps", "note"}
    for k in d:
        if k not in allowed:
            err(f"{path}: unknown top-level field {k}")
    inst = set()
    for i in d["instruments"]:
        if not i["id"].startswith(cc + ":") or not ID.match(i["id"].split(":", 1)[1]):
            err(f"{path}: bad instrument id {i['id']}")
        if i["id"] in inst:
            err(f"{path}: duplicate instrument {i['id']}")
        inst.add(i["id"])
        check_source(i.get("source"), i["id"])
    seen, verdict = set(), {}
    for p in d["provisions"]:
        pid = p["id"]
        m = re.match(r"^([a-z]{2}):([a-z0-9][a-z0-9._-]*)/([a-z0-9][a-z0-9._-]*)$", pid)
        if not m or m.group(1) != cc:
            err(f"{path}: bad provision id {pid}")
        elif f"{m.group(1)}:{m.group(2)}" != p["instrument"]:
            err(f"{pid}: id does not start with its instrument {p['instrument']}")
        if pid in seen:
            err(f"{path}: duplicate provision {pid}")
        seen.add(pid)
        if p["instrument"] not in inst:
            err(f"{pid}: unknown instrument {p['instrument']}")
        for k in ("number", "summary", "confidence"):
            if not p.get(k):
                err(f"{pid}: missing {k}")
        if p.get("confidence") not in CONF:
            err(f"{pid}: bad confidence")
        check_source(p.get("source"), pid)
        for mp in p.get("mappings", []):
            c = tax.get(mp["category"])
            if c is None:
                err(f"{pid}: unknown category {mp['category']}")
                continue
            if mp["relation"] not in REL:
                err(f"{pid}: bad relation {mp['relation']}")
            els = {e["id"] for e in c["elements"]}
            qs = {q["id"] for q in c["qualifications"]}
            for e in mp.get("covers", []):
                if e not in els:
                    err(f"{pid} -> {mp['category']}: unknown element {e} (have {sorted(els)})")
            for q in mp.get("qualifications", []):
                if q not in qs:
                    err(f"{pid} -> {mp['category']}: qualification {q} not permitted (have {sorted(qs)})")
            for x in mp.get("extra_conditions", []):
                if not ID.match(x.get("id", "")) or not x.get("description"):
                    err(f"{pid}: extra condition needs id and description")
            if mp.get("confidence") not in CONF:
                err(f"{pid} -> {mp['category']}: bad confidence")
            if mp["relation"] != "relatedMatch":
                verdict.setdefault(mp["category"], "mapped")
    for g in d.get("gaps", []):
        if g["category"] in verdict:
            err(f"{path}: {g['category']} is both mapped and a gap")
        if g.get("verdict") not in ("gap", "not-researched"):
            err(f"{path}: bad gap verdict for {g['category']}")
        if not g.get("checked"):
            err(f"{path}: gap {g['category']} needs 'checked'")
        verdict[g["category"]] = g.get("verdict")
    for n in range(7, 18):
        if f"un2024:art{n}" not in verdict:
            err(f"{path}: no verdict for un2024:art{n}")
    print(f"{path}: {len(d['instruments'])} instruments, {len(d['provisions'])} provisions, {len(d.get('gaps', []))} gap records")

for e in errors:
    print("error:", e)
sys.exit(1 if errors else 0)
