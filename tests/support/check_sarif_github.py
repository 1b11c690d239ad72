#!/usr/bin/env python3
"""Checks a SARIF file against the official 2.1.0 schema and GitHub code scanning's upload rules.

  check_sarif_github.py SARIF_SCHEMA FILE...

SARIF_SCHEMA is the vendored OASIS schema (tests/data/sarif-schema-2.1.0.json, draft-04).
Beyond the schema, what GitHub documents for uploaded SARIF ("SARIF support for code
scanning" and "About code scanning limits on SARIF results", docs.github.com):
  - version "2.1.0"; at most 20 runs; each run names tool.driver.name;
  - at most 25,000 rules and 25,000 results per run, at most 20 tags per rule;
  - every rule has an id, and every result a ruleId matching one of them (and a
    ruleIndex, when given, pointing at that rule), and message.text;
  - every result has 1 to 1,000 locations, the first a physicalLocation with
    artifactLocation.uri and region.startLine >= 1; a relative uri uses uriBaseId %SRCROOT%
    (the repository root) so GitHub can place it in the repository;
  - partialFingerprints present on every result, and distinct results have distinct
    fingerprints (GitHub would merge them into one alert otherwise);
  - automationDetails.id, when given, ends with "/" or names a run id after the category.
Prints one line per problem ("FILE: problem") and exits 1 when there is any, 2 when a file
cannot be read, 0 otherwise; on success prints "FILE: valid (N results, M rules)".
"""
import json
import sys

from jsonschema.validators import validator_for


def github_problems(log):
    problems = []
    if log.get("version") != "2.1.0":
        problems.append('version is not "2.1.0"')
    runs = log.get("runs", [])
    if len(runs) > 20:
        problems.append(f"{len(runs)} runs (GitHub accepts at most 20)")
    for r, run in enumerate(runs):
        where = f"runs[{r}]"
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            problems.append(f"{where}: tool.driver.name missing")
        rules = driver.get("rules", [])
        results = run.get("results", [])
        if len(rules) > 25000:
            problems.append(f"{where}: {len(rules)} rules (at most 25,000)")
        if len(results) > 25000:
            problems.append(f"{where}: {len(results)} results (at most 25,000)")
        ids = [rule.get("id") for rule in rules]
        for i, rule in enumerate(rules):
            if not rule.get("id"):
                problems.append(f"{where}.rules[{i}]: no id")
            if len(rule.get("properties", {}).get("tags", [])) > 20:
                problems.append(f"{where}.rules[{i}]: more than 20 tags")
        details = run.get("automationDetails", {}).get("id")
        if details is not None and not details:
            problems.append(f"{where}: empty automationDetails.id")
        seen = {}
        for i, result in enumerate(results):
            problems += result_problems(f"{where}.results[{i}]", result, ids, seen)
    return problems


def result_problems(where, result, ids, seen):
    problems = []
    rule = result.get("ruleId")
    if rule not in ids:
        problems.append(f"{where}: ruleId {rule!r} is not a rule of the driver")
    index = result.get("ruleIndex")
    if index is not None and (index >= len(ids) or ids[index] != rule):
        problems.append(f"{where}: ruleIndex {index} does not point at rule {rule!r}")
    if not result.get("message", {}).get("text"):
        problems.append(f"{where}: message.text missing")
    locations = result.get("locations", [])
    if not 1 <= len(locations) <= 1000:
        problems.append(f"{where}: {len(locations)} locations (1 to 1,000)")
    else:
        physical = locations[0].get("physicalLocation", {})
        artifact = physical.get("artifactLocation", {})
        uri = artifact.get("uri", "")
        if not uri:
            problems.append(f"{where}: locations[0].physicalLocation.artifactLocation.uri missing")
        elif "://" not in uri and artifact.get("uriBaseId") not in ("%SRCROOT%", "ROLESCATALOGS"):
            problems.append(f"{where}: relative uri {uri!r} without uriBaseId %SRCROOT%")
        if physical.get("region", {}).get("startLine", 0) < 1:
            problems.append(f"{where}: region.startLine missing or < 1")
    fingerprints = result.get("partialFingerprints")
    if not fingerprints:
        problems.append(f"{where}: partialFingerprints missing")
    else:
        key = (rule, json.dumps(fingerprints, sort_keys=True))
        if key in seen:
            problems.append(f"{where}: same fingerprints as {seen[key]}")
        seen[key] = where
    return problems


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as handle:
            schema = json.load(handle)
        cls = validator_for(schema)
        cls.check_schema(schema)
    except (OSError, ValueError) as error:
        print(f"{argv[1]}: {error}")
        return 2
    validator = cls(schema)
    failed = False
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as handle:
                log = json.load(handle)
        except (OSError, ValueError) as error:
            print(f"{path}: {error}")
            return 2
        problems = []
        for error in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path)):
            pointer = "".join(f"/{part}" for part in error.absolute_path) or "/"
            problems.append(f"schema: {pointer}: {error.message}")
        problems += github_problems(log)
        for problem in problems:
            print(f"{path}: {problem}")
        if problems:
            failed = True
        else:
            runs = log.get("runs", [])
            results = sum(len(run.get("results", [])) for run in runs)
            rules = sum(len(run.get("tool", {}).get("driver", {}).get("rules", [])) for run in runs)
            print(f"{path}: valid ({results} results, {rules} rules)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
