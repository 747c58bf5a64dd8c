#!/usr/bin/env python3
"""json-schema.py SCHEMA [FILE]: check the JSON of FILE (or standard input)
against the JSON Schema SCHEMA, with the keywords Kezek's schemas use (type,
const, enum, required, properties, additionalProperties, items, minItems,
minimum, maximum, minLength, pattern); any other keyword is an error, so a
schema never says more than is checked.  Prints each fault; exit 1 if any."""
import json
import re
import sys

KNOWN = {"$schema", "$id", "title", "description", "type", "const", "enum", "required",
         "properties", "additionalProperties", "items", "minItems", "minimum", "maximum",
         "minLength", "pattern"}


def is_type(v, t):
    return {
        "object": lambda: isinstance(v, dict),
        "array": lambda: isinstance(v, list),
        "string": lambda: isinstance(v, str),
        "integer": lambda: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda: isinstance(v, (int, float)) and not isinstance(v, bool),
        "boolean": lambda: isinstance(v, bool),
        "null": lambda: v is None,
    }[t]()


def check(s, v, where, faults):
    unknown = set(s) - KNOWN
    if unknown:
        faults.append("%s: the schema uses %s, which this checker does not know" % (where, sorted(unknown)))
    types = s.get("type")
    if types is not None:
        types = types if isinstance(types, list) else [types]
        if not any(is_type(v, t) for t in types):
            faults.append("%s: %r is not %s" % (where, v, " or ".join(types)))
            return
    if "const" in s and v != s["const"]:
        faults.append("%s: %r is not %r" % (where, v, s["const"]))
    if "enum" in s and v not in s["enum"]:
        faults.append("%s: %r is not one of %r" % (where, v, s["enum"]))
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if "minimum" in s and v < s["minimum"]:
            faults.append("%s: %r is under %r" % (where, v, s["minimum"]))
        if "maximum" in s and v > s["maximum"]:
            faults.append("%s: %r is over %r" % (where, v, s["maximum"]))
    if isinstance(v, str):
        if "minLength" in s and len(v) < s["minLength"]:
            faults.append("%s: %r is shorter than %d" % (where, v, s["minLength"]))
        if "pattern" in s and not re.search(s["pattern"], v):
            faults.append("%s: %r does not match %s" % (where, v, s["pattern"]))
    if isinstance(v, dict):
        for k in s.get("required", []):
            if k not in v:
                faults.append("%s: %s is missing" % (where, k))
        props = s.get("properties", {})
        for k, x in v.items():
            if k in props:
                check(props[k], x, where + "." + k, faults)
            elif s.get("additionalProperties", True) is False:
                faults.append("%s: %s is not in the schema" % (where, k))
    if isinstance(v, list):
        if "minItems" in s and len(v) < s["minItems"]:
            faults.append("%s: fewer than %d items" % (where, s["minItems"]))
        if "items" in s:
            for i, x in enumerate(v):
                check(s["items"], x, "%s[%d]" % (where, i), faults)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    src = open(sys.argv[2], encoding="utf-8") if len(sys.argv) > 2 else sys.stdin
    value = json.load(src)
    faults = []
    check(schema, value, "$", faults)
    for f in faults:
        print(f)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
