#!/usr/bin/env python3
"""Rebuild specs/contacthub.yaml (OpenAPI 3.0.3) for Contacthub API 1.299.1.

Inputs (read-only; by default from ../shared beside the repository root):
  seed       ../shared/seeds/003_83976acff8d9d97f.txt   (rendered reference text)
  reference  ../shared/reference/contacthub-1.51.0.swagger.yaml (only used to
             verify `ref:` claims and to read the OAuth2 securityDefinition)
Hand-maintained (this directory):
  operations.yaml  method/path/evidence/operationId/status/schema names per op
  schemas.yaml     named schemas that cannot be derived from the seed samples

Deterministic: same inputs -> byte-identical output.
Usage: python3 build.py [--seed PATH] [--reference PATH] [--out PATH]
"""
import argparse
import copy
import os
import re
import sys
from collections import OrderedDict

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import seedparse  # noqa: E402

SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared"))
DEFAULT_SEED = os.path.join(SHARED, "seeds", "003_83976acff8d9d97f.txt")
DEFAULT_REF = os.path.join(SHARED, "reference", "contacthub-1.51.0.swagger.yaml")
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "..", "contacthub.yaml"))

STATUS_TEXT = {200: "OK", 201: "Created", 202: "Accepted", 204: "No Content",
               400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
               404: "Not Found", 409: "Conflict", 423: "Locked (reindexing in progress)"}
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
NAMED_ENUMS = {"EventType", "EventContext", "BulkJobStatus", "BulkJobEntity",
               "BulkJobOperation", "PlanModel", "ConsentEventType",
               "ProductAwareEventType", "WorkspaceStatus", "Timezone",
               "CustomerOperationMode"}


# ----------------------------------------------------------------- yaml io
class _Dumper(yaml.SafeDumper):
    pass


def _repr_odict(d, data):
    return d.represent_mapping("tag:yaml.org,2002:map", data.items())


def _repr_str(d, data):
    if "\n" in data:
        return d.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return d.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(OrderedDict, _repr_odict)
_Dumper.add_representer(str, _repr_str)
_Dumper.ignore_aliases = lambda self, data: True


def od(*pairs, **kw):
    if len(pairs) == 1 and isinstance(pairs[0], list):
        pairs = pairs[0]
    o = OrderedDict(pairs)
    o.update(kw)
    return o


def clean_desc(s):
    s = (s or "").strip()
    # Redoc bullet glyphs -> markdown bullets
    s = re.sub(r"^\s*\u2022\s*", "- ", s, flags=re.M)
    # trailing whitespace on every line (YAML block scalars choke on it)
    s = "\n".join(l.rstrip() for l in s.splitlines())
    return s


# ------------------------------------------------------ schema derivation
def enum_schema_from(entry):
    typ = entry["items"] if entry["type"] == "array" else entry["type"]
    return od(type=typ, enum=list(entry["enum"]))


def field_to_schema(f, named_enums_found):
    """seed entry (param or body field) -> OpenAPI schema dict"""
    sn = f.get("schema_name")
    if f["type"] == "array":
        item = od(type=f.get("items", "object"))
        if f.get("format") and f.get("items") == "string":
            item["format"] = f["format"]
        if f.get("enum"):
            if sn in NAMED_ENUMS:
                named_enums_found.setdefault(sn, enum_schema_from(f))
                item = od([("$ref", "#/components/schemas/" + sn)])
            else:
                item["enum"] = list(f["enum"])
        if item.get("type") == "object" and "$ref" not in item:
            item["additionalProperties"] = True
        s = od(type="array", items=item)
        if f.get("minItems"):
            s["minItems"] = f["minItems"]
    elif sn in NAMED_ENUMS and f.get("enum"):
        named_enums_found.setdefault(sn, enum_schema_from(f))
        return od([("$ref", "#/components/schemas/" + sn)])
    elif sn and f["type"] == "object":
        return od([("$ref", "#/components/schemas/" + sn)])
    else:
        s = od(type=f["type"])
        if f.get("format") and f["type"] == "string":
            s["format"] = f["format"]
        if f.get("enum"):
            s["enum"] = list(f["enum"])
        if f["type"] == "object":
            s["additionalProperties"] = True
    if "default" in f:
        s["default"] = f["default"]
    for k in ("minimum", "maximum"):
        if k in f:
            s[k] = f[k]
    if f.get("nullable"):
        s["nullable"] = True
    return s


def sample_to_schema(v):
    if isinstance(v, bool):
        return od(type="boolean")
    if isinstance(v, int):
        return od(type="integer")
    if isinstance(v, float):
        return od(type="number")
    if isinstance(v, str):
        s = od(type="string")
        if UUID_RE.match(v):
            s["format"] = "uuid"
        elif DT_RE.match(v):
            s["format"] = "date-time"
        elif v.startswith("http://") or v.startswith("https://"):
            s["format"] = "uri"
        elif v.endswith("@example.com"):
            s["format"] = "email"
        return s
    if isinstance(v, dict):
        return od(type="object", additionalProperties=True)
    if isinstance(v, list):
        return od(type="array", items=od(type="object", additionalProperties=True))
    return od(nullable=True)  # null sample: type unknown


def align_fields(fields, sample_keys):
    """Map body-field entries to top-level property names using the request
    sample's key order (Redoc drops the names of nested-object fields)."""
    named = {f["name"] for f in fields if f["name"] in sample_keys}
    unnamed_keys = [k for k in sample_keys if k not in named]
    out = OrderedDict()
    nested = False  # named fields right after an unnamed container are its children
    for f in fields:
        if f["name"] is None:
            if unnamed_keys:
                out[unnamed_keys.pop(0)] = f
            nested = f["type"] in ("object", "array")
        elif f["name"] in sample_keys:
            out.setdefault(f["name"], f)
            nested = False
        elif not nested:
            # top-level field that the (abridged) sample omits, e.g. `logo`
            out.setdefault(f["name"], f)
    return out


def derive_object(fields_by_name, sample, named_enums_found):
    props = OrderedDict()
    required = []
    keys = list(sample.keys()) if isinstance(sample, dict) else []
    for k in list(fields_by_name.keys()) + [k for k in keys if k not in fields_by_name]:
        pass
    order = keys + [k for k in fields_by_name if k not in keys]
    for k in order:
        f = fields_by_name.get(k)
        if f is not None:
            s = field_to_schema(f, named_enums_found)
            d = clean_desc(f.get("description"))
            if d:
                if "$ref" in s:
                    pass  # siblings of $ref are ignored in 3.0
                else:
                    s["description"] = d
            if f.get("required"):
                required.append(k)
        else:
            s = sample_to_schema(sample[k])
            s["_sample"] = True
        props[k] = s
    return props, required


def merge_props(target, props, required):
    for k, v in props.items():
        if k not in target["properties"]:
            target["properties"][k] = v
        else:
            cur = target["properties"][k]
            # prefer field-derived definitions over sample-derived guesses
            if cur.get("_sample") and not v.get("_sample"):
                target["properties"][k] = v
    # required = intersection over request-body derivations (a field required
    # by PUT but absent from POST must not become required for both)
    if required is not None:
        if target.get("_required") is None:
            target["_required"] = list(required)
        else:
            target["_required"] = [r for r in target["_required"] if r in required]


# ------------------------------------------------------------------ main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", default=DEFAULT_SEED)
    ap.add_argument("--reference", default=DEFAULT_REF)
    ap.add_argument("--out", default=DEFAULT_OUT)
    a = ap.parse_args()

    seed = seedparse.parse(open(a.seed, encoding="utf-8").read())
    ref = yaml.safe_load(open(a.reference, encoding="utf-8"))
    mapping = yaml.safe_load(open(os.path.join(HERE, "operations.yaml"), encoding="utf-8"))
    manual = yaml.safe_load(open(os.path.join(HERE, "schemas.yaml"), encoding="utf-8"))

    ops = seed["operations"]
    maps = mapping["operations"]
    assert len(ops) == 125, len(ops)
    assert sum(o["auth"] for o in ops) == 123
    assert len(maps) == len(ops), (len(maps), len(ops))
    default_err = mapping["defaults"]["errors_secured"]

    named_enums = OrderedDict()
    derived = OrderedDict()   # name -> {"properties": OD, "_required_votes": [], "_uses": n}
    paths = OrderedDict()
    problems = []

    def derived_for(name):
        return derived.setdefault(name, {"properties": OrderedDict(), "_required": None, "_uses": 0})

    for o, m in zip(ops, maps):
        assert o["index"] == m["n"] and o["title"] == m["title"], (o["index"], o["title"], m["n"], m["title"])
        method = m["m"].lower()
        path = m["path"]
        # ---- verify reference claim
        if m["ev"] == "reference":
            rm, rp = m["ref"].split(" ", 1)
            if rp not in ref["paths"] or rm.lower() not in ref["paths"][rp]:
                problems.append("op %d: reference %s not found" % (m["n"], m["ref"]))
            if rm.lower() != method:
                problems.append("op %d: method differs from reference" % m["n"])
            norm = lambda p: re.sub(r"\{[^}]+\}", "{}", p)
            if norm(rp) != norm(path):
                problems.append("op %d: path shape differs from reference %s" % (m["n"], rp))
        else:
            if not m.get("note"):
                problems.append("op %d: %s without note" % (m["n"], m["ev"]))

        op = OrderedDict()
        op["tags"] = [o["tag"]]
        op["summary"] = o["title"]
        desc = clean_desc(o["description"])
        if desc:
            op["description"] = desc
        op["operationId"] = m["id"]
        if m.get("deprecated") or re.search(r"\bdeprecated\b", o["description"], re.I):
            op["deprecated"] = True
        # ---- parameters
        params = []
        for p in o["params"]:
            if p["in"] == "header" and p["name"].lower() == "authorization":
                continue  # modelled by the OAuth2 security scheme
            ps = od(name=p["name"], **{"in": p["in"]})
            d = clean_desc(p.get("description"))
            if d:
                ps["description"] = d
            if p["required"] or p["in"] == "path":
                ps["required"] = True
            ps["schema"] = field_to_schema(p, named_enums)
            pov = (m.get("params") or {}).get(p["name"])
            if pov is not None:
                # hand correction of a seed parameter type (operations.yaml says why)
                if not pov.get("why"):
                    problems.append("op %d: params.%s without why" % (m["n"], p["name"]))
                ps["schema"] = od(*pov["schema"].items())
            if p.get("example") is not None:
                ex = p["example"]
                if ex.startswith(p["name"] + "="):
                    ex = ex[len(p["name"]) + 1:]
                ps["example"] = ex
            params.append(ps)
        if params:
            op["parameters"] = params
        # ---- request body
        body = o["body"]
        req = m.get("req")
        if body and not req:
            problems.append("op %d: seed has a request body but mapping has no req" % m["n"])
        if req and not body:
            problems.append("op %d: mapping has req but seed has no body" % m["n"])
        if body and req:
            rs = o["samples"].get("request", (None, {}))[1]
            if isinstance(req, dict) and "multipart" in req:
                name = req["multipart"]
                fields = OrderedDict((f["name"], f) for f in body["fields"] if f["name"])
                props, required = derive_object(fields, {}, named_enums)
                for k, f in fields.items():
                    if f.get("format") == "binary":
                        props[k] = od(type="string", format="binary", description=clean_desc(f["description"]))
                dd = derived_for(name)
                merge_props(dd, props, required)
                dd["_uses"] += 1
                dd["_req_only"] = True
                op["requestBody"] = od(required=True, content=od((
                    "multipart/form-data", od(schema=od([("$ref", "#/components/schemas/" + name)])))))
            else:
                name = req
                if isinstance(rs, dict) and "_raw" not in rs and name not in manual.get("replace", {}):
                    fields = align_fields(body["fields"], list(rs.keys()))
                    props, required = derive_object(fields, rs, named_enums)
                    dd = derived_for(name)
                    merge_props(dd, props, required)
                    dd["_uses"] += 1
                rb = od()
                if body.get("description"):
                    rb["description"] = clean_desc(body["description"])
                rb["required"] = bool(body["required"])
                rb["content"] = od((body["mime"], od(schema=od([("$ref", "#/components/schemas/" + name)]))))
                op["requestBody"] = rb
        # ---- responses
        ok = m.get("ok", 200)
        responses = OrderedDict()
        res = m.get("res", "__missing__")
        page = m.get("page")
        rsample = o["samples"].get("response")
        if page:
            res = page["schema"]
            derived_for(res)["_page_item"] = page["item"]
            op["x-pagination"] = od(style=page["style"], itemType=page["item"])
        if m.get("cursor"):
            op["x-pagination"] = od(style="offset-cursor", itemType=m["cursor"]["item"],
                                    cursorParam="offset", nextCursorField="nextOffset",
                                    itemsField="updates", sizeParam="size")
        if res == "__missing__":
            problems.append("op %d: no res in mapping" % m["n"])
            res = None
        if rsample is None and res not in (None,) and not (isinstance(res, dict) and "binary" in res):
            problems.append("op %d: res %s but seed has no response sample" % (m["n"], res))
        if rsample is not None and res is None:
            problems.append("op %d: seed has a response sample but res is null" % m["n"])
        if res is None:
            responses[str(ok)] = od(description=STATUS_TEXT[ok])
        elif isinstance(res, dict) and "binary" in res:
            responses[str(ok)] = od(description=STATUS_TEXT[ok], content=od(
                (res["binary"], od(schema=od(type="string", format="binary")))))
        elif isinstance(res, dict) and "array" in res:
            arr = od(type="array", items=od([("$ref", "#/components/schemas/" + res["array"])]))
            responses[str(ok)] = od(description=STATUS_TEXT[ok], content=od(
                ("application/json", od(schema=arr))))
        else:
            ctype = (rsample[0] if rsample else None) or "application/json"
            responses[str(ok)] = od(description=STATUS_TEXT[ok], content=od(
                (ctype, od(schema=od([("$ref", "#/components/schemas/" + res)])))))
            smp = rsample[1] if rsample else None
            if isinstance(smp, dict) and "_raw" not in smp and not page and res not in manual.get("replace", {}):
                fields = {}
                if body and isinstance(o["samples"].get("request", (None, None))[1], dict):
                    fields = align_fields(body["fields"], list(o["samples"]["request"][1].keys()))
                fields = {k: v for k, v in fields.items() if k in smp}
                props, _ = derive_object(fields, smp, named_enums)
                dd = derived_for(res)
                merge_props(dd, props, None)
                dd["_uses"] += 1
        errs = [] if m.get("public") else list(default_err)
        errs = sorted(set(errs + list(m.get("err", []))))
        for e in errs:
            responses[str(e)] = od([("$ref", "#/components/responses/E%d" % e)])
        op["responses"] = responses
        if m.get("public"):
            if o["auth"]:
                problems.append("op %d marked public but seed lists Authorizations" % m["n"])
            op["security"] = []
        elif not o["auth"]:
            problems.append("op %d has no Authorizations in seed but is not public" % m["n"])
        op["x-path-evidence"] = m["ev"]
        note = m.get("note")
        if m["ev"] == "reference":
            rn = "Present in Contacthub 1.51.0 as %s" % m["ref"]
            rid = ref["paths"].get(m["ref"].split(" ", 1)[1], {}).get(m["ref"].split(" ")[0].lower(), {}).get("operationId")
            if rid and rid != m["id"]:
                rn += " (operationId %s)" % rid
            rn += "."
            note = rn + (" " + note if note else "")
        if note:
            op["x-path-evidence-note"] = note
        # ---- path param consistency
        tmpl = re.findall(r"\{([^}]+)\}", path)
        declared = [p["name"] for p in o["params"] if p["in"] == "path"]
        if sorted(tmpl) != sorted(declared):
            problems.append("op %d: path params %s vs seed %s" % (m["n"], tmpl, declared))
        item = paths.setdefault(path, OrderedDict())
        if method in item:
            problems.append("op %d: duplicate %s %s" % (m["n"], method, path))
        item[method] = op

    # ---------------------------------------------------- components.schemas
    schemas = OrderedDict()
    for k, v in (manual.get("replace") or {}).items():
        schemas[k] = v
    for name, dd in derived.items():
        if name in schemas:
            continue
        if "_page_item" in dd:
            schemas[name] = od(type="object", properties=od(
                ("elements", od(type="array", items=od([("$ref", "#/components/schemas/" + dd["_page_item"])]))),
                ("page", od([("$ref", "#/components/schemas/Page")]))))
            continue
        s = od(type="object")
        req = dd.get("_required") or []
        if req:
            s["required"] = req
        for pv in dd["properties"].values():
            pv.pop("_sample", None)
        s["properties"] = dd["properties"]
        schemas[name] = s
    # property overrides / additions
    for name, ov in (manual.get("patch") or {}).items():
        if name not in schemas:
            problems.append("patch for unknown schema %s" % name)
            continue
        s = schemas[name]
        for k, v in ov.items():
            if k == "properties":
                for pk, pv in v.items():
                    s.setdefault("properties", OrderedDict())[pk] = pv
            elif k == "drop_properties":
                for pk in v:
                    s["properties"].pop(pk, None)
            else:
                s[k] = v
    for k, v in named_enums.items():
        if k not in schemas:
            schemas[k] = v
    # server-set fields are readOnly: every property the seed itself calls "system generated",
    # plus the hand list `read_only` in schemas.yaml (ids and timestamps the server assigns)
    for name, s in schemas.items():
        for pv in (s.get("properties") or {}).values():
            if "system generated" in str(pv.get("description", "")).lower():
                pv["readOnly"] = True
    for name, props in (manual.get("read_only") or {}).items():
        for pk in props:
            pv = schemas.get(name, {}).get("properties", {}).get(pk)
            if pv is None:
                problems.append("read_only: %s.%s is not a property" % (name, pk))
            elif "$ref" in pv:
                problems.append("read_only: %s.%s is a $ref (3.0 ignores its siblings)" % (name, pk))
            else:
                pv["readOnly"] = True
    # sort: deterministic alphabetical order
    schemas = OrderedDict(sorted(schemas.items()))

    # -------------------------------------------------------------- document
    sd = ref["securityDefinitions"]["OAuth2"]
    doc = OrderedDict()
    doc["openapi"] = "3.0.3"
    doc["info"] = od(title=seed["info"]["title"], version=seed["info"]["version"],
                     description=clean_desc(seed["info"]["description"]))
    doc["servers"] = [od(url="https://api.contactlab.it/hub/v1")]
    doc["security"] = [od(OAuth2=[])]
    doc["tags"] = [od(name=t["name"], description=t["description"]) for t in seed["tags"]]
    doc["paths"] = paths
    errs_resp = OrderedDict()
    for e in (400, 403, 404, 409, 423):
        errs_resp["E%d" % e] = od(description=STATUS_TEXT[e], content=od(
            ("application/json", od(schema=od([("$ref", "#/components/schemas/ApiError")])))))
    doc["components"] = od(
        securitySchemes=od(OAuth2=od(
            type="oauth2", description=clean_desc(sd.get("description")),
            flows=od(implicit=od(authorizationUrl=sd["authorizationUrl"],
                                 scopes=od(*sd["scopes"].items()))))),
        responses=errs_resp,
        schemas=schemas)

    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    with open(a.out, "w", encoding="utf-8") as fh:
        fh.write("# Contacthub API 1.299.1 - reconstructed; see specs/recovery/contacthub/NOTES.md\n")
        yaml.dump(doc, fh, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    print("wrote %s: %d operations, %d schemas" % (a.out, sum(len(v) for v in paths.values()), len(schemas)))


if __name__ == "__main__":
    main()
