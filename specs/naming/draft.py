#!/usr/bin/env python3
"""Drafts specs/naming/<spec>.tsv (operationId, group, method, METHOD /path) from each operation's method,
path, operationId and tag. The drafts were then reviewed and edited by hand: rerun only for a new spec,
with --out to a scratch file, and merge by hand (the committed tables are the reviewed ones).

Rules: group = the tag as a plural lowerCamel resource noun; method = the operationId's verb mapped to a
resource verb (GET item -> retrieve, GET collection -> list, POST collection -> create, PATCH -> update,
PUT -> update, or replace when the path also has PATCH, DELETE -> delete; other verbs kept), followed by
what is left of its noun phrase once the vendor suffix and the group's own noun are removed."""
import json, re, sys, yaml

SUFFIXES = ["Workspaces"]
PLURAL = {"Campaign": "campaigns", "Campaign Recipient": "campaignRecipients", "Campaign Delivery": "campaignDeliveries",
          "Target": "targets", "User": "users", "Model": "models", "Data-protection": "dataProtection",
          "Configuration": "configuration", "Analytics": "analytics", "Health": "health", "general": "general",
          "public": "public", "Node Settings": "nodeSettings", "KPIs": "kpis", "Definitions": "definitions",
          "External Contents": "externalContents", "link shortening": "shortlinks", "inbox alerts": "alerts",
          "medialibrary": "mediaLibrary", "Customer Tokens": "customerTokens", "Send Subscriptions": "sendSubscriptions",
          "Send-sources": "sendSources", "Bulk-jobs": "bulkJobs"}
VERBS = {"get", "list", "post", "put", "patch", "delete", "create", "update", "add", "search", "remove"}


def words(s):
    return re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", s)


def lower_camel(ws):
    return ws[0].lower() + "".join(w[:1].upper() + w[1:] for w in ws[1:]) if ws else ""


def group_of(tag):
    if tag in PLURAL:
        return PLURAL[tag]
    ws = re.split(r"[\s\-_]+", tag)
    return lower_camel([w[:1].upper() + w[1:] for w in ws])


def singular(w):
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def draft(spec):
    d = json.load(open(spec)) if spec.endswith(".json") else yaml.safe_load(open(spec))
    rows = []
    for path, item in d["paths"].items():
        methods = {m for m in item if m in ("get", "put", "post", "delete", "patch")}
        for m, op in item.items():
            if m not in methods:
                continue
            oid = op["operationId"]
            tag = (op.get("tags") or ["general"])[0]
            group = group_of(tag)
            name = oid
            for suffix in SUFFIXES:
                if name.endswith(suffix) and name != suffix:
                    name = name[: -len(suffix)]
            ws = words(name)
            verb, noun = ws[0].lower(), ws[1:]
            gnoun = {w.lower() for w in words(group[:1].upper() + group[1:])}
            gnoun |= {singular(w) for w in gnoun}
            tagword = {w.lower() for w in words(tag.replace("-", " ").title().replace(" ", ""))}
            noun = [w for w in noun if w.lower() not in gnoun and singular(w.lower()) not in gnoun
                    and w.lower() not in tagword]
            item_path = path.rstrip("/").endswith("}")
            if verb == "get":
                plural = noun and noun[-1].endswith("s") and not item_path
                verb = "list" if (plural or (not noun and not item_path and op.get("x-pagination"))) else "retrieve"
                if verb == "list" and noun:
                    pass
            elif verb == "post":
                verb = "create"
            elif verb == "patch":
                verb = "update"
            elif verb == "put":
                verb = "replace" if "patch" in methods else "update"
            method = lower_camel([verb] + noun)
            rows.append((oid, group, method, m.upper() + " " + path))
    return rows


if __name__ == "__main__":
    for row in draft(sys.argv[1]):
        print("\t".join(row))
