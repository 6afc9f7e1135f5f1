#!/usr/bin/env python3
"""Rebuild specs/contactflow.yaml (OpenAPI 3.0.3) for Contactflow API 2.49.0.

Inputs:
  * the rendered-text reference (seed) - operations, parameters, request bodies, samples
  * operations.yaml (hand mapping: method, path, evidence, operationId, statuses, schema names)
  * schemas.yaml   (hand schemas that the seed cannot provide: response-only / collapsed objects)

Deterministic: same inputs -> byte-identical output. Run:
  python3 build.py [--check] [--seed PATH] [--reference PATH]
The seed and the 1.0.1 reference are read from ../shared beside the repository root unless given.
"""
import copy
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
SEED = os.path.join(SHARED, "seeds", "004_c8815d08adbb04b7.txt")
REFERENCE = os.path.join(SHARED, "reference", "contactflow-1.0.1.swagger.yaml")
OUT = os.path.join(ROOT, "specs", "contactflow.yaml")

SECTION_PARAM = {"path Parameters": "path", "query Parameters": "query", "header Parameters": "header"}
TYPE_RE = re.compile(
    r"^(string|integer|number|boolean|object|Array of (strings|integers|numbers|booleans|objects))"
    r"(?: <([\w-]+)>)?(?: \((\w+)\))?$"
)
IDENT_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
ARRAY_ITEM = {"strings": "string", "integers": "integer", "numbers": "number", "booleans": "boolean", "objects": "object"}
REASON = {200: "OK", 201: "Created", 204: "No Content"}
ERRORS = {
    400: "The request was malformed or some attributes were missing",
    401: "Unauthorized (Missing or invalid authorization token)",
    403: "Forbidden",
    404: "The requested resource does not exist",
    409: "A resource with the same identifier already exists",
    422: "The requested operation is not allowed while the resource is in the current status",
    500: "Internal server error",
}


def fail(msg):
    raise SystemExit("build.py: " + msg)


# --------------------------------------------------------------------------- seed parsing
def nonblank(lines, i):
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def parse_sample(lines, i):
    """lines[i] == 'Request samples' | 'Response samples'. Returns (sample, next_index)."""
    i = nonblank(lines, i + 1)
    if lines[i].strip() != "Content type":
        fail("expected 'Content type' at line %d" % (i + 1))
    i = nonblank(lines, i + 1)
    mime = lines[i].strip()
    i = nonblank(lines, i + 1)
    if lines[i].strip() == "Example":
        i = nonblank(lines, i + 1)
    first = lines[i].rstrip()
    sample = {"mime": mime, "kind": None, "keys": [], "values": {}}
    if first in ("{ }", "[ ]"):
        sample["kind"] = "object" if first == "{ }" else "array"
        return sample, i + 1
    if first not in ("{", "["):
        fail("unexpected sample start %r at line %d" % (first, i + 1))
    sample["kind"] = "object" if first == "{" else "array"
    close = "}" if first == "{" else "]"
    i += 1
    while i < len(lines) and lines[i].rstrip() != close:
        m = re.match(r'^  • "([^"]+)": ?(.*)$', lines[i])
        if sample["kind"] == "object" and m:
            sample["keys"].append(m.group(1))
            sample["values"][m.group(1)] = m.group(2).rstrip(",")
        elif sample["kind"] == "array" and lines[i].startswith("  • "):
            sample["keys"].append(lines[i][4:].rstrip(","))
        i += 1
    return sample, i + 1  # EOF tolerated (the seed's last sample lacks its closing brace)


def parse_default(raw):
    raw = raw.strip()
    if raw in ("true", "false"):
        return raw == "true"
    if re.fullmatch(r"-?\d+", raw):
        return int(raw)
    if re.fullmatch(r"-?\d+\.\d+", raw):
        return float(raw)
    if raw.startswith('"') and raw.endswith('"'):
        return raw[1:-1]
    return raw


def parse_fields(block):
    """block: list of lines of one parameter/body-field listing. Returns (leading_text, fields)."""
    lines = [l.strip() for l in block]
    idx = [k for k, l in enumerate(lines) if l]
    fields, lead, cur = [], [], None

    def nxt(pos):
        later = [k for k in idx if k > pos]
        return lines[later[0]] if later else None

    for k in idx:
        line = lines[k]
        m = TYPE_RE.match(line)
        if m:
            if cur is not None and cur.get("type") is None:
                cur["type"] = m.groups()
            else:  # unnamed field (Redoc drops names of expandable nested fields)
                cur = {"name": None, "required": False, "type": m.groups(), "desc": []}
                fields.append(cur)
            continue
        if line == "required" and cur is not None and cur.get("type") is None:
            cur["required"] = True
            continue
        em = re.match(r"^(Items )?(Enum|Value): (.*)$", line)
        if em and cur is not None:
            cur["items_enum" if em.group(1) else "enum"] = re.findall(r'"([^"]*)"', em.group(3))
            continue
        if line.startswith("Default: ") and cur is not None:
            cur["default"] = parse_default(line[len("Default: "):])
            continue
        n = nxt(k)
        if IDENT_RE.match(line) and (cur is None or cur.get("type") is not None) and n is not None and (
            n == "required" or TYPE_RE.match(n)
        ):
            cur = {"name": line, "required": False, "type": None, "desc": []}
            fields.append(cur)
            continue
        (cur["desc"] if cur is not None else lead).append(line)
    for f in fields:
        if f["type"] is None:
            fail("field %r without a type" % f["name"])
        f["desc"] = "\n\n".join(f["desc"])
    return "\n\n".join(lead), fields


def parse_seed(path):
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    auth = [i for i, l in enumerate(lines) if l.strip() == "Authorizations:"]
    if len(auth) != 42:
        fail("expected 42 operations in the seed, found %d" % len(auth))
    info, ops, prev_end, tag = {}, [], 0, None
    for n, a in enumerate(auth):
        pre = [l.strip() for l in lines[prev_end:a] if l.strip()]
        if n == 0:
            m = re.match(r"^(.*) \((\d+\.\d+\.\d+)\)$", pre[1])
            dl = [k for k, l in enumerate(pre) if l.startswith("Download OpenAPI specification")][0]
            info = {"title": m.group(1), "version": m.group(2), "description": "\n\n".join(pre[dl + 1:-3])}
            pre = pre[-3:]
        if len(pre) == 3:
            tag = pre[0]
            pre = pre[1:]
        if len(pre) != 2:
            fail("op %d: cannot split prelude %r" % (n + 1, pre))
        title, desc = pre
        deprecated = title.endswith(" Deprecated")
        if deprecated:
            title = title[: -len(" Deprecated")]
        op = {"index": n + 1, "tag": tag, "title": title, "deprecated": deprecated, "description": desc,
              "auth": [], "params": {"path": [], "query": [], "header": []}, "body": None,
              "request_sample": None, "response_sample": None}
        # sections
        i = a + 1
        section, buf = "auth", []

        def flush(section, buf):
            if section == "auth":
                op["auth"] = [l.strip() for l in buf if l.strip()]
            elif section in ("path", "query", "header"):
                lead, fields = parse_fields(buf)
                if lead:
                    fail("op %d: stray text in %s params: %r" % (n + 1, section, lead))
                op["params"][section] = fields
            elif section == "body":
                mime = buf[0]
                rest = buf[1:]
                req = False
                k = nonblank(rest, 0)
                if k < len(rest) and rest[k].strip() == "required":
                    req = True
                    rest = rest[k + 1:]
                lead, fields = parse_fields(rest)
                op["body"] = {"mime": mime, "required": req, "description": lead, "fields": fields}

        while True:
            line = lines[i].strip() if i < len(lines) else None
            if line in SECTION_PARAM or line == "Responses" or (line or "").startswith("Request Body schema:"):
                flush(section, buf)
                if line == "Responses":
                    break
                if line.startswith("Request Body schema:"):
                    section, buf = "body", [line.split(":", 1)[1].strip()]
                else:
                    section, buf = SECTION_PARAM[line], []
                i += 1
                continue
            if line is None:
                fail("op %d: no Responses section" % (n + 1))
            buf.append(lines[i])
            i += 1
        i += 1
        while True:
            j = nonblank(lines, i)
            if j < len(lines) and lines[j].strip() in ("Request samples", "Response samples"):
                kind = lines[j].strip()
                sample, i = parse_sample(lines, j)
                op["request_sample" if kind == "Request samples" else "response_sample"] = sample
            else:
                break
        prev_end = i
        ops.append(op)
    return info, ops


# --------------------------------------------------------------------------- schema building
def ref(name):
    return {"$ref": "#/components/schemas/" + name}


class Builder:
    def __init__(self, mapping, hand):
        self.mapping = mapping
        self.hand = hand
        self.generated = {}  # name -> schema (from the seed)
        self.overrides = mapping.get("fieldOverrides") or {}

    def register(self, name, schema, origin):
        if name in self.hand:
            fail("%s: schema %s generated from the seed is also hand-defined" % (origin, name))
        old = self.generated.get(name)
        if old is not None and old != schema:
            fail("%s: schema %s differs from an earlier definition:\n%s\n%s" % (origin, name, old, schema))
        self.generated[name] = schema

    def field_schema(self, f, owner, origin):
        base, arr, fmt, named = f["type"]
        ov = self.overrides.get("%s.%s" % (owner, f["name"])) if owner else None
        if ov and "arrayOfRef" in ov:
            return {"type": "array", "items": ref(ov["arrayOfRef"])}
        if ov and ov.get("freeForm"):
            s = {"type": "object", "additionalProperties": True}
            if f["desc"]:
                s["description"] = f["desc"]
            return s
        if ov and "enumName" in ov:
            if "enum" not in f:
                fail("%s: enumName override on non-enum field %s" % (origin, f["name"]))
            named = ov["enumName"]
        if arr:
            item = {"type": ARRAY_ITEM[arr]}
            if named:
                item = ref(named)
            elif ARRAY_ITEM[arr] == "object":
                item["additionalProperties"] = True
            if "items_enum" in f:
                item["enum"] = f["items_enum"]
            s = {"type": "array", "items": item}
        elif named:
            if base == "string" or "enum" in f:
                enum_schema = {"type": base}
                if "enum" in f:
                    enum_schema["enum"] = f["enum"]
                self.register(named, enum_schema, origin)
            return ref(named)  # $ref siblings are ignored in OAS 3.0: keep it bare
        else:
            s = {"type": base}
            if fmt:
                s["format"] = fmt
            if base == "object":
                s["additionalProperties"] = True
            if "enum" in f:
                s["enum"] = f["enum"]
        if "default" in f:
            s["default"] = f["default"]
        if f["desc"]:
            s["description"] = f["desc"]
        return s

    def body_schema(self, op, name):
        body = op["body"]
        fields = body["fields"]
        sample = op["request_sample"]
        keys = sample["keys"] if sample else []
        if len(keys) != len(fields):
            fail("op %d: %d body fields vs %d request-sample keys" % (op["index"], len(fields), len(keys)))
        props, required = {}, []
        for f, key in zip(fields, keys):
            if f["name"] is None:
                f["name"] = key  # name recovered from the request sample
            elif f["name"] != key:
                fail("op %d: body field %s vs sample key %s" % (op["index"], f["name"], key))
            props[f["name"]] = self.field_schema(f, name, "op %d" % op["index"])
            if f["required"]:
                required.append(f["name"])
        schema = {"type": "object"}
        if required:
            schema["required"] = required
        schema["properties"] = props
        self.register(name, schema, "op %d" % op["index"])


def param_schema(f, builder, origin):
    return builder.field_schema(dict(f, desc=""), None, origin)


def error_response(code):
    return {"description": ERRORS[code], "content": {"application/json": {"schema": ref("ApiError")}}}


def build(check_only=False, seed=SEED, reference_path=REFERENCE):
    info, ops = parse_seed(seed)
    mapping = yaml.safe_load(open(os.path.join(HERE, "operations.yaml"), encoding="utf-8"))
    hand = yaml.safe_load(open(os.path.join(HERE, "schemas.yaml"), encoding="utf-8"))
    reference = yaml.safe_load(open(reference_path, encoding="utf-8"))
    mops = mapping["operations"]
    if len(mops) != len(ops):
        fail("mapping has %d operations, seed has %d" % (len(mops), len(ops)))
    seed_tags = []
    for op in ops:
        if op["tag"] not in seed_tags:
            seed_tags.append(op["tag"])
    if seed_tags != mapping["tags"]:
        fail("tag mismatch: seed %r vs mapping %r" % (seed_tags, mapping["tags"]))

    b = Builder(mapping, hand)
    sec = reference["securityDefinitions"]["OAuth2"]
    doc = {
        "openapi": "3.0.3",
        "info": {"title": info["title"], "description": info["description"], "version": info["version"]},
        "servers": [{"url": "%s://%s%s" % (reference["schemes"][0], reference["host"], reference["basePath"])}],
        "tags": [{"name": t} for t in seed_tags],
        "security": [{"OAuth2": []}],
        "paths": {},
        "components": {},
    }
    node_header = None
    page_wrappers = {}
    stats = {"evidence": {}, "paged": [], "node": 0}
    for op, m in zip(ops, mops):
        where = "op %d (%s)" % (op["index"], op["title"])
        if m["title"] != op["title"]:
            fail("%s: mapping title %r" % (where, m["title"]))
        if bool(m.get("deprecatedInSeed")) != op["deprecated"]:
            fail("%s: deprecated flag mismatch" % where)
        if op["auth"] != ["OAuth2"]:
            fail("%s: unexpected authorizations %r" % (where, op["auth"]))
        o = {"tags": [op["tag"]], "summary": op["title"], "description": op["description"],
             "operationId": m["operationId"]}
        if op["deprecated"]:
            o["deprecated"] = True
        params = []
        # path params must be exactly the seed's
        tmpl = re.findall(r"\{(\w+)\}", m["path"])
        seed_path = [f["name"] for f in op["params"]["path"]]
        if sorted(tmpl) != sorted(seed_path):
            fail("%s: path %s params %r vs seed %r" % (where, m["path"], tmpl, seed_path))
        for loc in ("path", "query"):
            for f in op["params"][loc]:
                p = {"name": f["name"], "in": loc}
                if f["desc"]:
                    p["description"] = f["desc"]
                p["required"] = True if loc == "path" else bool(f["required"])
                pov = (m.get("params") or {}).get(f["name"])
                if pov is not None:
                    # hand correction of a seed parameter (operations.yaml `note` says why)
                    if not m.get("note"):
                        fail("%s: params override without a note" % where)
                    p["required"] = bool(pov.get("required", p["required"]))
                if loc == "path" and not f["required"]:
                    fail("%s: path param %s not required in seed" % (where, f["name"]))
                p["schema"] = param_schema(f, b, where)
                if p["schema"].get("type") == "array":
                    p["style"], p["explode"] = "form", True
                params.append(p)
        headers = {f["name"]: f for f in op["params"]["header"]}
        auth = headers.pop("Authorization", None)
        if auth is None or not auth["required"]:
            fail("%s: Authorization header missing/optional" % where)
        node = headers.pop("Node", None)
        if headers:
            fail("%s: unexpected headers %r" % (where, list(headers)))
        if node is not None:
            nh = {"name": "Node", "in": "header", "description": node["desc"], "required": bool(node["required"]),
                  "schema": param_schema(node, b, where)}
            if node_header is None:
                node_header = nh
            elif node_header != nh:
                fail("%s: Node header differs between operations (%r vs %r)" % (where, nh, node_header))
            params.append({"$ref": "#/components/parameters/NodeHeader"})
            stats["node"] += 1
        if params:
            o["parameters"] = params
        # request body
        if op["body"]:
            if "request" not in m:
                fail("%s: seed has a request body but mapping has none" % where)
            name = m["request"]["schema"]
            b.body_schema(op, name)
            rb = {}
            if op["body"]["description"]:
                rb["description"] = op["body"]["description"]
            rb["required"] = op["body"]["required"]
            rb["content"] = {op["body"]["mime"]: {"schema": ref(name)}}
            o["requestBody"] = rb
        elif "request" in m:
            fail("%s: mapping has a request body but the seed has none" % where)
        # responses
        s = m["success"]
        code = s["status"]
        resp = {"description": s.get("description", REASON.get(code, "OK"))}
        if "schema" in s:
            resp["content"] = {"application/json": {"schema": ref(s["schema"])}}
        elif "page" in s:
            item, wname = s["page"], s["name"]
            page_wrappers[wname] = {"type": "object", "properties": {
                "page": ref("Page"), "elements": {"type": "array", "items": ref(item)}}}
            resp["content"] = {"application/json": {"schema": ref(wname)}}
            o["x-pagination"] = {"style": m.get("pagination", "page"), "itemType": item}
            stats["paged"].append((m["operationId"], o["x-pagination"]["style"]))
        elif "arrayOf" in s:
            resp["content"] = {"application/json": {"schema": {"type": "array", "items": ref(s["arrayOf"])}}}
        elif "arrayOfString" in s:
            resp["content"] = {"application/json": {"schema": {
                "type": "array", "items": {"type": "string", "description": s["arrayOfString"]}}}}
        elif "binary" in s:
            resp["content"] = {s["binary"]: {"schema": {"type": "string", "format": "binary"}}}
        responses = {str(code): resp}
        for e in m["errors"]:
            responses[str(e)] = error_response(e)
        o["responses"] = responses
        o["x-path-evidence"] = m["evidence"]
        if m["evidence"] not in ("reference", "documented", "inferred"):
            fail("%s: bad evidence %r" % (where, m["evidence"]))
        if m.get("note"):
            o["x-path-evidence-note"] = m["note"].strip()
        elif m["evidence"] == "inferred":
            fail("%s: inferred without a note" % where)
        if m["evidence"] == "reference":
            rp = reference["paths"].get(m["path"])
            if not rp or m["method"] not in rp:
                fail("%s: %s %s not in the reference spec" % (where, m["method"].upper(), m["path"]))
            ref_ok = [c for c in rp[m["method"]]["responses"] if str(c).startswith("2")]
            if [str(code)] != [str(c) for c in ref_ok]:
                fail("%s: success %s vs reference %r" % (where, code, ref_ok))
        stats["evidence"][m["evidence"]] = stats["evidence"].get(m["evidence"], 0) + 1
        op["_schema_resp"] = (s, op["response_sample"])
        doc["paths"].setdefault(m["path"], {})
        if m["method"] in doc["paths"][m["path"]]:
            fail("%s: duplicate %s %s" % (where, m["method"], m["path"]))
        doc["paths"][m["path"]][m["method"]] = o

    schemas = {}
    for name, sch in list(b.generated.items()) + list(hand.items()) + list(page_wrappers.items()):
        if name in schemas:
            fail("duplicate schema %s" % name)
        schemas[name] = sch
    doc["components"] = {
        "securitySchemes": {"OAuth2": {
            "type": "oauth2", "description": sec["description"],
            "flows": {"implicit": {"authorizationUrl": sec["authorizationUrl"], "scopes": sec["scopes"]}}}},
        "parameters": {"NodeHeader": node_header},
        "schemas": dict(sorted(schemas.items())),
    }
    check(doc, ops, mops)
    return doc, stats


# --------------------------------------------------------------------------- checks
def resolve(doc, s):
    while "$ref" in s:
        s = doc["components"]["schemas"][s["$ref"].split("/")[-1]]
    return s


def props_of(doc, s):
    s = resolve(doc, s)
    props = dict(s.get("properties", {}))
    for part in s.get("allOf", []):
        props.update(props_of(doc, part))
    return props, s


def check(doc, ops, mops):
    text = json.dumps(doc)
    # every $ref resolves
    for r in set(re.findall(r'"\$ref": "([^"]+)"', text)):
        node = doc
        for part in r.lstrip("#/").split("/"):
            if part not in node:
                fail("unresolved $ref %s" % r)
            node = node[part]
    allops = [(p, mth, o) for p, item in doc["paths"].items() for mth, o in item.items()]
    if len(allops) != 42:
        fail("expected 42 operations, got %d" % len(allops))
    ids = [o["operationId"] for _, _, o in allops]
    if len(set(ids)) != len(ids):
        fail("duplicate operationIds")
    for p, mth, o in allops:
        if not re.fullmatch(r"[a-z][A-Za-z0-9]*", o["operationId"]):
            fail("operationId not camelCase: %s" % o["operationId"])
        if "x-path-evidence" not in o:
            fail("%s %s: no x-path-evidence" % (mth, p))
        declared = [x["name"] for x in o.get("parameters", []) if x.get("in") == "path"]
        for x in o.get("parameters", []):
            if x.get("in") == "path" and x.get("required") is not True:
                fail("%s %s: path param %s not required" % (mth, p, x["name"]))
        if sorted(declared) != sorted(re.findall(r"\{(\w+)\}", p)):
            fail("%s %s: declared path params %r" % (mth, p, declared))
        names = [(x.get("name"), x.get("in")) for x in o.get("parameters", []) if "name" in x]
        if len(set(names)) != len(names):
            fail("%s %s: duplicate parameters" % (mth, p))
    # samples vs schemas
    for op, m in zip(ops, mops):
        s, sample = op["_schema_resp"]
        where = "op %d (%s)" % (op["index"], op["title"])
        if op["request_sample"]:
            props, _ = props_of(doc, ref(m["request"]["schema"]))
            missing = [k for k in op["request_sample"]["keys"] if k not in props]
            if missing:
                fail("%s: request sample keys %r not in schema" % (where, missing))
        if not sample:
            continue
        if set(sample["keys"]) == {"message", "logref", "errors"} and s["status"] == 204:
            props, _ = props_of(doc, ref("ApiError"))
            target_keys = props
        elif "schema" in s or "page" in s:
            name = s.get("schema") or s.get("name")
            if sample["kind"] != "object":
                fail("%s: sample is %s but schema %s is an object" % (where, sample["kind"], name))
            target_keys, rs = props_of(doc, ref(name))
            if not target_keys and rs.get("additionalProperties"):
                continue
        elif "arrayOf" in s or "arrayOfString" in s:
            if sample["kind"] != "array":
                fail("%s: sample is %s but response is an array" % (where, sample["kind"]))
            continue
        else:
            fail("%s: response sample but no body in mapping" % where)
        missing = [k for k in sample["keys"] if k not in target_keys]
        if missing:
            fail("%s: response sample keys %r not in schema" % (where, missing))


class NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def main():
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="fail unless specs/contactflow.yaml is up to date")
    ap.add_argument("--seed", default=SEED)
    ap.add_argument("--reference", default=REFERENCE)
    a = ap.parse_args()
    doc, stats = build(seed=a.seed, reference_path=a.reference)
    out = "# Generated by specs/recovery/contactflow/build.py - do not edit by hand.\n" + yaml.dump(
        doc, Dumper=NoAliasDumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    if a.check:
        cur = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        if cur != out:
            fail("specs/contactflow.yaml is out of date")
        print("up to date")
        return
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(out)
    print("wrote %s" % os.path.relpath(OUT, ROOT))
    print("operations: %d" % sum(stats["evidence"].values()))
    print("evidence: %s" % json.dumps(stats["evidence"], sort_keys=True))
    print("schemas: %d" % len(doc["components"]["schemas"]))
    print("paged: %s" % stats["paged"])
    print("ops with Node header: %d" % stats["node"])


if __name__ == "__main__":
    main()
