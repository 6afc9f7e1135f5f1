#!/usr/bin/env python3
"""Builds specs/targeting.json: seed 000 (epilot Targeting OpenAPI JSON, copied from a package page)
pretty-printed with its content unchanged, plus the one operation that epilot's own SDK docs (seed 001)
document and the JSON lacks: getTargetQueries (POST /v1/target/queries).

Usage: python3 specs/recovery/targeting/build.py [../shared/seeds]
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SEEDS = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "seeds"


def insert_after(mapping, after_key, key, value):
    """Returns a copy of mapping with key inserted right after after_key, keeping document order."""
    out = {}
    for k, v in mapping.items():
        out[k] = v
        if k == after_key:
            out[key] = value
    return out


raw = (SEEDS / "000_ef58749f29c724e7.txt").read_text(encoding="utf-8")
spec = json.loads(raw[raw.index('{ "openapi"'):])  # 9 lines of page chrome precede the JSON

# Seed 001: "getTargetQueries - Get target queries - POST /v1/target/queries", listed under Target,
# request `GetTargetQueriesParams = { target_ids: string // uuid[] }`, response
# `{ results: [ { target_id, query, error } ] }` with `TargetQueryResult = { target_id: uuid,
# query: string, error?: string }`. Error responses follow its sibling matchTargets.
operation = {
    "operationId": "getTargetQueries",
    "summary": "Get target queries",
    "tags": ["Target"],
    "security": [{"EpilotAuth": []}],
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GetTargetQueriesParams"}}},
    },
    "responses": {
        "200": {"$ref": "#/components/responses/TargetQueriesResponse"},
        "400": {"$ref": "#/components/responses/ClientErrorResponse"},
        "500": {"$ref": "#/components/responses/ServerErrorResponse"},
    },
}
spec["paths"] = insert_after(spec["paths"], "/v1/target:match", "/v1/target/queries", {"post": operation})

schemas = spec["components"]["schemas"]
schemas = insert_after(schemas, "MatchTargetParams", "GetTargetQueriesParams", {
    "type": "object",
    "properties": {
        "target_ids": {"type": "array", "items": {"$ref": "#/components/schemas/BaseUUID"}},
    },
    "required": ["target_ids"],
})
schemas = insert_after(schemas, "GetTargetQueriesParams", "TargetQueryResult", {
    "type": "object",
    "properties": {
        "target_id": {"$ref": "#/components/schemas/BaseUUID"},
        "query": {"type": "string"},
        "error": {"type": "string"},
    },
    "required": ["target_id", "query"],
})
spec["components"]["schemas"] = schemas

spec["components"]["responses"] = insert_after(spec["components"]["responses"], "MatchTargetsResponse",
    "TargetQueriesResponse", {
        "description": "Queries of the requested targets.",
        "content": {"application/json": {"schema": {
            "type": "object",
            "properties": {
                "results": {"type": "array", "items": {"$ref": "#/components/schemas/TargetQueryResult"}},
            },
        }}},
    })

out = ROOT / "specs" / "targeting.json"
out.write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
ops = sum(1 for p in spec["paths"].values() for m in p if m in ("get", "put", "post", "delete", "patch"))
print(f"wrote {out.relative_to(ROOT)}: {len(spec['paths'])} paths, {ops} operations")
