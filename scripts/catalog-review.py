#!/usr/bin/env python3
"""What each evidence rule of the built-in catalogs catches on real repositories.

Usage: scripts/catalog-review.py ROLES_BINARY CATALOG_DIR NAME=REPO [NAME=REPO ...]

For every catalog, one roster is written with, per hat, one optional hat holding the hat's
whole evidence (`HAT-by-all`) and one per rule key (`HAT-by-paths`, `HAT-by-message`, ...;
an `exclude_message` stays with each), plus `HAT-by-without-exclude` when the hat has
exclusions. `roles audit --format json` runs once per catalog and repository (default
window: the year before HEAD) and each line printed is tab-separated:
catalog, rule, repository, evidence items, people credited, the three who did most.
The numbers in README.md ("What the built-in rules catch") come from this script.
"""
import json
import os
import subprocess
import sys
import tempfile

import yaml

KEYS = ["paths", "message", "trailers", "credit_trailers", "tags", "activity"]


def rule_hats(catalog):
    hats = {}
    for hat_id, hat in (catalog.get("hats") or {}).items():
        evidence = hat.get("evidence") or {}
        if not any(key in evidence for key in KEYS):
            continue
        hats[f"{hat_id}-by-all"] = {"title": f"{hat_id} all", "required": False, "evidence": evidence}
        for key in KEYS:
            # `activity` beside other rules names who gets credit, not what matches.
            if key not in evidence or (key == "activity" and any(k in evidence for k in ("paths", "message", "trailers"))):
                continue
            rule = {key: evidence[key]}
            if "exclude_message" in evidence:
                rule["exclude_message"] = evidence["exclude_message"]
            hats[f"{hat_id}-by-{key.replace('_', '-')}"] = {"title": f"{hat_id} {key}", "required": False,
                                                            "evidence": rule}
        if "exclude_message" in evidence:
            plain = {k: v for k, v in evidence.items() if k != "exclude_message"}
            hats[f"{hat_id}-by-without-exclude"] = {"title": f"{hat_id} no exclusions", "required": False,
                                                    "evidence": plain}
    return hats


def main():
    binary, catalog_dir = sys.argv[1:3]
    repos = dict(arg.split("=", 1) for arg in sys.argv[3:])
    with tempfile.TemporaryDirectory() as work:
        for name in sorted(os.listdir(catalog_dir)):
            if not name.endswith(".yaml"):
                continue
            with open(os.path.join(catalog_dir, name)) as f:
                hats = rule_hats(yaml.safe_load(f))
            if not hats:
                continue
            roster = os.path.join(work, name)
            with open(roster, "w") as f:
                yaml.safe_dump({"project": "review", "catalogs": [], "hats": hats}, f, sort_keys=False)
            for repo, path in repos.items():
                run = subprocess.run([binary, "audit", path, "--roster", roster, "--format", "json"],
                                     capture_output=True, text=True)
                if run.returncode not in (0, 1):
                    sys.exit(run.stderr)
                for hat in json.loads(run.stdout)["hats"]:
                    top = ", ".join(f"{c['person']} {c['evidence']}" for c in hat["contributors"][:3])
                    print("\t".join([name[:-5], hat["id"], repo, str(hat["evidence"]["items"]),
                                     str(len(hat["contributors"])), top]))


if __name__ == "__main__":
    main()
