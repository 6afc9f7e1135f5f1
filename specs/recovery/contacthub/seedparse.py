"""Deterministic parser for the Redoc-style rendered text of the Contacthub API
reference (seed 003_83976acff8d9d97f.txt).

Output: dict(info=..., tags=[{name, description}], operations=[...]) where each
operation has: index, tag, title, description, auth (bool), params
(list of dicts: name, in, required, type, format, nullable, enum, default,
description, example, schema_name, min/max), body (mime, required,
description, fields, sample), response (content_type, sample).
"""
import json
import re

SECTION_PARAM = {
    "path Parameters": "path",
    "query Parameters": "query",
    "header Parameters": "header",
}
TYPE_RE = re.compile(
    r"^(\((object|Extended|string|integer|number|boolean)|(string|integer|number|boolean|object|any)\b"
    r"|Array of (strings|integers|numbers|objects|booleans|arrays)\b)")
NAME_RE = re.compile(r"^[A-Za-z_$][\w.\-$]*\*?$")
KEYWORD_LINES = ("Enum:", "Default:", "Example:", "Value:", "Items Enum:")
OP_START = ("Authorizations:", "path Parameters", "query Parameters",
            "header Parameters", "Request Body schema:", "Responses")


def _lines(text):
    # non-empty lines, right-stripped; keep leading blanks for JSON samples
    return [l.rstrip() for l in text.splitlines() if l.strip()]


def _is_type_line(s):
    return bool(TYPE_RE.match(s.strip()))


def _is_tag_desc(s):
    return bool(re.search(r"\bendpoints?\.$", s.strip()))


def parse_type(s):
    """'string or null <date-time>' -> dict(type, format, nullable, ...)"""
    s = s.strip()
    out = {"raw": s}
    m = re.search(r"\(([A-Za-z]+)\)\s*(<[^>]*>)?\s*$", s)
    if m:
        out["schema_name"] = m.group(1)
    nullable = " or null" in s
    base = s
    fm = re.search(r"<\s*([\w\-]+)\s*>", s)
    if fm:
        out["format"] = fm.group(1)
    if s.startswith("Array of"):
        out["type"] = "array"
        im = re.match(r"Array of (\w+)", s)
        item = im.group(1) if im else "object"
        item = {"strings": "string", "integers": "integer", "numbers": "number",
                "objects": "object", "booleans": "boolean"}.get(item, "object")
        out["items"] = item
    else:
        tm = re.match(r"(string|integer|number|boolean|object)", base)
        out["type"] = tm.group(1) if tm else "object"
    rng = re.search(r"\[\s*(-?\d+)\s*\.\.\s*(-?\d+)\s*\]", s)
    if rng and out["type"] in ("integer", "number"):
        out["minimum"] = int(rng.group(1))
        out["maximum"] = int(rng.group(2))
    ge = re.search(r">=\s*(-?\d+)", s)
    if ge:
        out["minimum"] = int(ge.group(1))
    if "non-empty" in s and out["type"] == "array":
        out["minItems"] = 1
    if nullable:
        out["nullable"] = True
    return out


def parse_enum(s, typ):
    vals = re.findall(r'"([^"]*)"', s)
    if not vals:
        vals = s.split(":", 1)[1].split()
    if typ in ("integer", "number"):
        vals = [int(v) if re.fullmatch(r"-?\d+", v) else v for v in vals]
    return vals


def parse_default(s, typ):
    v = s.split(":", 1)[1].strip()
    if v.startswith('"') and v.endswith('"'):
        return v[1:-1]
    if typ == "boolean":
        return v == "true"
    if typ in ("integer", "number") and re.fullmatch(r"-?\d+", v):
        return int(v)
    try:
        return json.loads(v)
    except Exception:
        return v


def parse_entries(lines):
    """Parse a parameter/field listing into entries.
    An entry begins with [name] [required] <type line>. Unnamed entries
    (nested objects rendered without their name) get name=None."""
    entries = []
    i = 0
    n = len(lines)
    cur = None
    while i < n:
        s = lines[i].strip()
        nxt = lines[i + 1].strip() if i + 1 < n else ""
        nxt2 = lines[i + 2].strip() if i + 2 < n else ""
        start = None
        if NAME_RE.match(s) and not _is_type_line(s) and s not in ("required", "One of", "Array", "EXAMPLE") and (
                _is_type_line(nxt) or (nxt == "required" and _is_type_line(nxt2))):
            start = (s, nxt == "required", nxt2 if nxt == "required" else nxt,
                     3 if nxt == "required" else 2)
        elif s == "required" and _is_type_line(nxt):
            start = (None, True, nxt, 2)
        elif _is_type_line(s):
            start = (None, False, s, 1)
        if start:
            name, req, tline, step = start
            cur = {"name": name.rstrip("*") if name else None, "required": req}
            cur.update(parse_type(tline))
            cur["_desc"] = []
            entries.append(cur)
            i += step
            continue
        if cur is None:
            i += 1
            continue
        if s.startswith("Enum:") or s.startswith("Items Enum:"):
            cur["enum"] = parse_enum(s, cur.get("items") if cur["type"] == "array" else cur["type"])
        elif s.startswith("Value:"):
            cur["enum"] = parse_enum(s, cur["type"])
        elif s.startswith("Default:"):
            cur["default"] = parse_default(s, cur["type"])
        elif s.startswith("Example:"):
            cur["example"] = s.split(":", 1)[1].strip()
        elif s in ("One of", "Array", "additional property", "property name*"):
            cur.setdefault("_markers", []).append(s)
            cur["_closed"] = True
        else:
            cur["_desc"].append(lines[i].strip())
        i += 1
    for e in entries:
        e["description"] = "\n".join(e.pop("_desc")).strip()
        e.pop("_closed", None)
    return entries


def parse_sample(block):
    """Convert a collapsed Redoc sample to JSON (nested values are empty)."""
    txt = "\n".join(block)
    txt = txt.replace("\u2022 ", "").replace("\u2022", "")
    try:
        return json.loads(txt)
    except Exception:
        return {"_raw": txt}


def split_samples(lines):
    """lines after 'Responses' -> {'request': (ctype, sample), 'response': ...}"""
    out = {}
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if s in ("Request samples", "Response samples"):
            kind = "request" if s.startswith("Request") else "response"
            i += 1
            assert lines[i].strip() == "Content type", lines[i]
            i += 1
            ctype = None
            if lines[i].strip() not in ("{", "[", "{ }", "[ ]"):
                ctype = lines[i].strip()
                i += 1
            block = []
            if lines[i].strip() in ("{ }", "[ ]"):
                block = [lines[i]]
                i += 1
            elif lines[i].strip() in ("{", "["):
                close = "}" if lines[i].strip() == "{" else "]"
                while True:
                    block.append(lines[i])
                    i += 1
                    if lines[i - 1] == close:
                        break
            else:
                while i < len(lines) and lines[i].strip() not in ("Request samples", "Response samples"):
                    block.append(lines[i])
                    i += 1
                out[kind] = (ctype, {"_raw": "\n".join(block)})
                continue
            out[kind] = (ctype, parse_sample(block))
            continue
        i += 1
    return out


def parse(text):
    L = _lines(text)
    # locate operation bodies: a body starts at the first OP_START line after
    # a preamble and ends after its samples.  We find "Responses" lines and
    # walk backwards to the preamble.
    resp_idx = [i for i, l in enumerate(L) if l.strip() == "Responses"]
    ops = []
    tags = []
    info = {}
    prev_end = 0
    cur_tag = None
    for k, ri in enumerate(resp_idx):
        # body start: first OP_START line after prev_end
        j = prev_end
        while not any(L[j].strip().startswith(p) for p in OP_START):
            j += 1
        pre = [l.strip() for l in L[prev_end:j]]
        if k == 0:
            # document header
            t = next(l for l in pre if re.search(r"\(\d+\.\d+\.\d+\)$", l))
            m = re.match(r"(.*) \((\d+\.\d+\.\d+)\)$", t)
            info = {"title": m.group(1), "version": m.group(2)}
            # description: lines between the download line and the first tag
            d0 = pre.index(next(l for l in pre if l.startswith("Download OpenAPI"))) + 1
            tdi = next(x for x in range(len(pre)) if _is_tag_desc(pre[x]))
            info["description"] = "\n".join(pre[d0:tdi - 1])
            pre = pre[tdi - 1:]
        if len(pre) >= 3 and _is_tag_desc(pre[1]):
            cur_tag = pre[0]
            tags.append({"name": pre[0], "description": pre[1]})
            pre = pre[2:]
        title = pre[0]
        desc = "\n".join(pre[1:])
        # body until the next op's preamble: end = next Responses' preamble
        body_end = resp_idx[k + 1] if k + 1 < len(resp_idx) else len(L)
        # samples region: from ri+1 until the first line that is not part of samples
        tail = L[ri + 1:body_end]
        # find where samples stop: the samples section ends after the last
        # closing of a sample; compute by consuming
        consumed = 0
        samples = {}
        t = 0
        while t < len(tail) and tail[t].strip() in ("Request samples", "Response samples"):
            sub = split_samples(tail[t:])
            # figure out how many lines were consumed: re-run incremental
            # simpler: consume one sample block at a time
            kind_line = tail[t].strip()
            t += 2  # kind + Content type
            if tail[t].strip() not in ("{", "[", "{ }", "[ ]"):
                t += 1
            if tail[t].strip() in ("{ }", "[ ]"):
                t += 1
            elif tail[t].strip() in ("{", "["):
                close = "}" if tail[t].strip() == "{" else "]"
                while tail[t] != close:
                    t += 1
                t += 1
            else:
                while tail[t].strip() not in ("Request samples", "Response samples"):
                    t += 1
            samples.update(split_samples(tail[:t]))
        prev_end = ri + 1 + t
        body = [l for l in L[j:ri]]
        op = {"index": len(ops) + 1, "tag": cur_tag, "title": title,
              "description": desc, "auth": False, "params": [], "body": None,
              "samples": samples}
        # split body into sections
        sec = None
        buf = []

        def flush():
            if sec is None:
                return
            if sec == "auth":
                op["auth"] = any(b.strip() == "OAuth2" for b in buf)
            elif sec in ("path", "query", "header"):
                for e in parse_entries(buf):
                    e["in"] = sec
                    op["params"].append(e)
            elif sec.startswith("body:"):
                bl = [b.strip() for b in buf]
                req = False
                if bl and bl[0] == "required":
                    req = True
                    bl = bl[1:]
                # description: lines until first field entry
                ents_start = 0
                for x in range(len(bl)):
                    s = bl[x]
                    nx = bl[x + 1] if x + 1 < len(bl) else ""
                    nx2 = bl[x + 2] if x + 2 < len(bl) else ""
                    if s in ("One of", "additional property", "property name*", "required") or _is_type_line(s) or (
                            NAME_RE.match(s) and (_is_type_line(nx) or (nx == "required" and _is_type_line(nx2)))):
                        ents_start = x
                        break
                else:
                    ents_start = len(bl)
                op["body"] = {"mime": sec[5:], "required": req,
                              "description": "\n".join(bl[:ents_start]),
                              "raw": bl[ents_start:],
                              "fields": parse_entries(bl[ents_start:])}

        for l in body:
            s = l.strip()
            if s == "Authorizations:":
                flush(); sec = "auth"; buf = []
            elif s in SECTION_PARAM:
                flush(); sec = SECTION_PARAM[s]; buf = []
            elif s.startswith("Request Body schema:"):
                flush(); sec = "body:" + s.split(":", 1)[1].strip(); buf = []
            else:
                buf.append(l)
        flush()
        ops.append(op)
    return {"info": info, "tags": tags, "operations": ops}


if __name__ == "__main__":
    import sys
    d = parse(open(sys.argv[1], encoding="utf-8").read())
    print(len(d["operations"]), sum(o["auth"] for o in d["operations"]), len(d["tags"]))
    for o in d["operations"]:
        pp = " ".join(("*" if p["required"] else "") + p["name"] + ":" + p["in"][0] for p in o["params"] if p["name"])
        rs = o["samples"].get("response")
        rk = ""
        if rs:
            smp = rs[1]
            rk = (rs[0] or "?") + " " + (",".join(smp.keys()) if isinstance(smp, dict) else "[list]")
        b = o["body"]
        bk = ""
        if b:
            bs = o["samples"].get("request")
            bk = b["mime"] + " " + ",".join(f["name"] or "?" for f in b["fields"])
        print(f'{o["index"]:3} [{o["tag"]}] {o["title"]} | {pp} | B:{bk} | R:{rk}' + ("" if o["auth"] else " | PUBLIC"))
