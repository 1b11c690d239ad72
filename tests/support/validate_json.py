#!/usr/bin/env python3
"""Validates roles JSON documents against the published schemas (draft 2020-12).

  validate_json.py SCHEMA_DIR FILE...            the schema named by each document's "schema"
                                                 field: "roles.audit/1" -> roles.audit.1.schema.json
  validate_json.py --schema SCHEMA_FILE FILE...  that schema for every document

Prints one line per violation ("FILE: /json/pointer: message") and exits 1 when there is
any, 2 when a document or schema cannot be read, 0 when every document is valid.
Uses python3-jsonschema (Debian package python3-jsonschema), with the draft the schema's
"$schema" names: 2020-12 for ours, draft-04 for the vendored SARIF 2.1.0 schema
(tests/data/sarif-schema-2.1.0.json); a schema naming none is read as 2020-12.
"""
import json
import os
import sys

from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for


def schema_file(schema_dir, document):
    name = document.get("schema") if isinstance(document, dict) else None
    if not isinstance(name, str) or "/" not in name:
        raise ValueError('no "schema": "roles.NAME/VERSION" field')
    return os.path.join(schema_dir, name.replace("/", ".") + ".schema.json")


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    fixed = argv[1] == "--schema"
    failed = False
    for path in argv[3:] if fixed else argv[2:]:
        try:
            document = load(path)
            schema = load(argv[2] if fixed else schema_file(argv[1], document))
            cls = validator_for(schema, default=Draft202012Validator)
            cls.check_schema(schema)
        except (OSError, ValueError) as error:
            print(f"{path}: {error}")
            return 2
        validator = cls(schema)
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            pointer = "".join(f"/{part}" for part in error.absolute_path) or "/"
            print(f"{path}: {pointer}: {error.message}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
