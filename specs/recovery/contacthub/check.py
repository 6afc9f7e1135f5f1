#!/usr/bin/env python3
"""Own consistency checks for specs/contacthub.yaml (+ openapi-spec-validator if installed)."""
import collections
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(HERE, "..", "..", "contacthub.yaml"))
doc = yaml.safe_load(open(SPEC, encoding="utf-8"))
errors = []
METHODS = {"get", "put", "post", "patch", "delete", "head", "options", "trace"}

ops = []
for path, item in doc["paths"].items():
    for m, op in item.items():
        if m in METHODS:
            ops.append((m, path, op))

if len(ops) != 125:
    errors.append("expected 125 operations, got %d" % len(ops))
ids = collections.Counter(op["operationId"] for _, _, op in ops)
errors += ["duplicate operationId %s" % k for k, v in ids.items() if v > 1]
for k in ids:
    if not re.fullmatch(r"[a-z][A-Za-z0-9]*", k):
        errors.append("operationId not camelCase: %s" % k)
seen = set()
ev = collections.Counter()
for m, path, op in ops:
    key = (m, re.sub(r"\{[^}]+\}", "{}", path))
    if key in seen:
        errors.append("duplicate method+path shape %s %s" % (m, path))
    seen.add(key)
    e = op.get("x-path-evidence")
    if e not in ("reference", "documented", "inferred"):
        errors.append("%s %s: bad x-path-evidence %r" % (m, path, e))
    if e in ("documented", "inferred") and not op.get("x-path-evidence-note"):
        errors.append("%s %s: missing note" % (m, path))
    ev[e] += 1
    tmpl = re.findall(r"\{([^}]+)\}", path)
    pp = [p for p in op.get("parameters", []) if p["in"] == "path"]
    if sorted(tmpl) != sorted(p["name"] for p in pp):
        errors.append("%s %s: path params mismatch" % (m, path))
    for p in pp:
        if p.get("required") is not True:
            errors.append("%s %s: path param %s not required" % (m, path, p["name"]))
    for p in op.get("parameters", []):
        if p["in"] == "header" and p["name"].lower() == "authorization":
            errors.append("%s %s: Authorization header modelled as parameter" % (m, path))
    if not op.get("tags") or len(op["tags"]) != 1:
        errors.append("%s %s: tags" % (m, path))
    if "x-pagination" in op:
        it = op["x-pagination"]["itemType"]
        if it not in doc["components"]["schemas"]:
            errors.append("%s %s: itemType %s unknown" % (m, path, it))
    for code, r in op["responses"].items():
        if "$ref" in r:
            continue
        for ct, c in r.get("content", {}).items():
            s = c.get("schema", {})
            if s.get("type") == "object":
                errors.append("%s %s: inline object response schema" % (m, path))
    rb = op.get("requestBody")
    if rb:
        for ct, c in rb["content"].items():
            if "$ref" not in c["schema"]:
                errors.append("%s %s: inline request schema" % (m, path))

tagnames = [t["name"] for t in doc["tags"]]
for m, path, op in ops:
    if op["tags"][0] not in tagnames:
        errors.append("unknown tag %s" % op["tags"][0])


# every $ref resolves
def walk(x, trail=""):
    if isinstance(x, dict):
        for k, v in x.items():
            if k == "$ref":
                parts = v.lstrip("#/").split("/")
                cur = doc
                try:
                    for p in parts:
                        cur = cur[p]
                except (KeyError, TypeError):
                    errors.append("unresolved $ref %s at %s" % (v, trail))
            else:
                walk(v, trail + "/" + str(k))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            walk(v, trail + "/%d" % i)


walk(doc)
# unused schemas
used = set(re.findall(r"#/components/schemas/(\w+)", yaml.safe_dump(doc)))
unused = sorted(set(doc["components"]["schemas"]) - used)

try:
    from openapi_spec_validator import validate
    validate(doc)
    print("openapi-spec-validator: OK")
except ImportError:
    print("openapi-spec-validator not installed")
except Exception as exc:  # noqa
    errors.append("openapi-spec-validator: %s" % str(exc)[:500])

print("operations:", len(ops), "tags:", len(tagnames), "schemas:", len(doc["components"]["schemas"]))
print("evidence:", dict(ev))
print("paged:", collections.Counter(op["x-pagination"]["style"] for _, _, op in ops if "x-pagination" in op))
print("public:", [op["operationId"] for _, _, op in ops if op.get("security") == []])
if unused:
    print("unused schemas:", unused)
if errors:
    print("ERRORS:\n  " + "\n  ".join(errors))
    sys.exit(1)
print("all checks passed")
