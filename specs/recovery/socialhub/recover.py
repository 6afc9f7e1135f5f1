#!/usr/bin/env python3
"""Recover the indentation of the SocialHub API2 Swagger 2.0 YAML seed.

The seed (a web copy of the spec) lost ALL leading whitespace.  This script
re-creates the nesting with a stack-based parser driven by the Swagger 2.0
object model (which keys are legal in which object), resolves the remaining
ambiguities with a few documented heuristics (plus a small override table),
adds `operationId` / `x-pagination` lines and applies the minimal defect fixes
listed in ``specs/socialhub-departures.json``.

Usage (from the repository root):
    python3 specs/recovery/socialhub/recover.py [SEED] [--out specs/socialhub.yaml]
        [--departures specs/socialhub-departures.json]

The script is deterministic.  It writes both the YAML and the departures file
(the departures file is fully regenerated from the tables in this script).
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
SEED_NAME = '002_b0fb56202b069b1f.txt'
DEFAULT_SEED = os.path.join(REPO, '..', 'shared', 'seeds', SEED_NAME)
YAML_START_MARKER = '# API information'

METHODS = ('get', 'put', 'post', 'delete', 'options', 'head', 'patch')
ARRAY_KEYWORDS = ('minItems', 'maxItems', 'uniqueItems')

# --------------------------------------------------------------------------
# Swagger 2.0 object model.  value None = scalar (or flow) value only;
# otherwise the kind of the nested node opened by an empty value.
# Kinds ending in "list" are block sequences, "*map" kinds accept any key.
# --------------------------------------------------------------------------
S = None
ANY = 'any'          # any YAML value (example/default): scalar, flow, block
NUMERIC = ['multipleOf', 'maximum', 'exclusiveMaximum', 'minimum',
           'exclusiveMinimum', 'maxLength', 'minLength', 'pattern',
           'maxItems', 'minItems', 'uniqueItems']

SCHEMA = {k: S for k in ['$ref', 'format', 'title', 'description', 'type',
                         'maxProperties', 'minProperties', 'discriminator',
                         'readOnly'] + NUMERIC}
SCHEMA.update({'items': 'schema', 'properties': 'propmap',
               'additionalProperties': 'schema', 'allOf': 'schemalist',
               'xml': 'xml', 'externalDocs': 'extdocs', 'enum': 'anylist',
               'required': 'strlist', 'default': ANY, 'example': ANY})

ITEMS = {k: S for k in ['type', 'format', 'collectionFormat'] + NUMERIC}
ITEMS.update({'items': 'paramitems', 'enum': 'anylist', 'default': ANY})

HEADER = dict(ITEMS, description=S)

PARAM = {k: S for k in ['$ref', 'name', 'in', 'description', 'required',
                        'type', 'format', 'allowEmptyValue',
                        'collectionFormat'] + NUMERIC}
PARAM.update({'schema': 'schema', 'items': 'paramitems', 'enum': 'anylist',
              'default': ANY})

OPERATION = {k: S for k in ['summary', 'description', 'operationId',
                            'deprecated']}
OPERATION.update({'tags': 'strlist', 'externalDocs': 'extdocs',
                  'consumes': 'strlist', 'produces': 'strlist',
                  'parameters': 'paramlist', 'responses': 'responses',
                  'schemes': 'strlist', 'security': 'secreqlist'})

PATHITEM = {'$ref': S, 'parameters': 'paramlist'}
PATHITEM.update({m: 'operation' for m in METHODS})

GRAMMAR = {
    'root': {'swagger': S, 'info': 'info', 'host': S, 'basePath': S,
             'schemes': 'strlist', 'consumes': 'strlist',
             'produces': 'strlist', 'paths': 'paths',
             'definitions': 'defs', 'parameters': 'paramdefs',
             'responses': 'respdefs', 'securityDefinitions': 'secdefs',
             'security': 'secreqlist', 'tags': 'taglist',
             'externalDocs': 'extdocs'},
    'info': {'title': S, 'description': S, 'termsOfService': S,
             'version': S, 'contact': 'contact', 'license': 'license'},
    'contact': {'name': S, 'url': S, 'email': S},
    'license': {'name': S, 'url': S},
    'extdocs': {'description': S, 'url': S},
    'xml': {'name': S, 'namespace': S, 'prefix': S, 'attribute': S,
            'wrapped': S},
    'pathitem': PATHITEM,
    'operation': OPERATION,
    'param': PARAM,
    'paramitems': ITEMS,
    'header': HEADER,
    'response': {'description': S, 'schema': 'schema', 'headers': 'headers',
                 'examples': 'anymap', '$ref': S},
    'schema': SCHEMA,
    'secscheme': {'type': S, 'description': S, 'name': S, 'in': S, 'flow': S,
                  'authorizationUrl': S, 'tokenUrl': S, 'scopes': 'strmap'},
    'tag': {'name': S, 'description': S, 'externalDocs': 'extdocs'},
}
# maps whose keys are names; value = kind of each entry (None = scalar)
NAMEMAPS = {'paths': 'pathitem', 'propmap': 'schema', 'defs': 'schema',
            'paramdefs': 'param', 'respdefs': 'response',
            'secdefs': 'secscheme', 'responses': 'response',
            'headers': 'header', 'secreq': S, 'strmap': S, 'anymap': ANY}
SEQS = {'strlist': S, 'anylist': S, 'paramlist': 'param',
        'schemalist': 'schema', 'taglist': 'tag', 'secreqlist': 'secreq'}
EXTENSIBLE = {'root', 'info', 'pathitem', 'operation', 'param', 'paramitems',
              'header', 'response', 'schema', 'secscheme', 'tag', 'extdocs',
              'xml', 'paths', 'responses', 'contact', 'license'}

KEY_RE = re.compile(r"^(?P<key>'[^']*'|\"[^\"]*\"|[^\s'\"#][^:]*?):(?: (?P<val>.*))?$")


def unquote(k):
    if len(k) >= 2 and k[0] == k[-1] and k[0] in '\'"':
        return k[1:-1]
    return k


def clean_val(v):
    """Value text of a `key: value` line; None for an empty value (a
    trailing comment such as `BadRequestError: # 400` counts as empty)."""
    if v is None:
        return None
    v = v.strip()
    if not v or v.startswith('#'):
        return None
    return v


def bracket_delta(s):
    """Net [ / { depth change of a flow fragment (quotes respected)."""
    d, q = 0, None
    for ch in s:
        if q:
            if ch == q:
                q = None
        elif ch in '\'"':
            q = ch
        elif ch in '[{':
            d += 1
        elif ch in ']}':
            d -= 1
    return d


def parse_flow_list(v):
    v = v.strip()
    if not (v.startswith('[') and v.endswith(']')):
        return None
    return [unquote(x.strip()) for x in v[1:-1].split(',') if x.strip()]


def scalar_type(v):
    """Rough YAML type of a scalar/flow value."""
    v = v.strip()
    if v.startswith('['):
        return 'array'
    if v.startswith('{'):
        return 'object'
    if v[0] in '\'"':
        return 'string'
    if v in ('true', 'false'):
        return 'boolean'
    if re.fullmatch(r'-?\d+', v):
        return 'integer'
    if re.fullmatch(r'-?\d*\.\d+', v):
        return 'number'
    return 'string'


class Frame:
    __slots__ = ('kind', 'indent', 'opener', 'name', 'seq', 'keys',
                 'children', 'items', 'parent', 'values')
    registry = None

    def __init__(self, kind, indent, opener, name, seq=False, parent=None):
        self.kind, self.indent, self.opener, self.name = kind, indent, opener, name
        self.seq = seq
        self.keys = {}       # key -> (seed line, raw value or None)
        self.children = {}   # key -> Frame
        self.items = 0
        self.parent = parent
        self.values = []     # scalar items of a sequence
        if Frame.registry is not None and parent is not None:
            Frame.registry.append(self)

    def empty(self):
        return not self.keys and not self.items

    def stype(self):
        v = self.keys.get('type')
        return unquote(v[1]) if v and v[1] else None

    def label(self):
        return '%s@%d(%s)' % (self.kind, self.opener, self.name)

    def path(self):
        parts, f = [], self
        while f is not None and f.parent is not None:
            parts.append(str(f.name))
            f = f.parent
        return '/'.join(reversed(parts))


class Recovery:
    def prop_maps(self):
        return {f.opener: set(unquote(k) for k in f.keys)
                for f in self.frames if f.kind == 'propmap'}

    def required_map(self):
        r = {}
        for f in self.frames:
            if f.kind == 'schema' and 'required' in f.keys:
                v = f.keys['required'][1]
                names = parse_flow_list(v) if v else f.children['required'].values
                r[f.opener] = names
        return r

    def __init__(self, lines, start, overrides, prev_required=None, prev_maps=None):
        self.lines = lines          # full seed (list, 0-based)
        self.start = start          # 1-based first yaml line
        self.overrides = overrides  # seed line -> opener line of target frame
        self.prev_required = prev_required or {}  # schema opener -> required names (previous pass)
        self.frames = Frame.registry = []
        self.prev_maps = prev_maps            # opener -> property names (previous pass)
        self.name_index = {}
        self.exclude = set()
        if prev_maps:
            for o, names in prev_maps.items():
                for n in names:
                    self.name_index.setdefault(n, set()).add(o)
        self.seed_notes = []
        self.out = {}               # seed line -> indent
        self.decisions = []
        self.errors = []
        root = Frame('root', 0, 0, 'root')
        self.stack = [root]
        self.root = root

    # ---- helpers --------------------------------------------------------
    def err(self, ln, msg):
        self.errors.append('seed line %d: %s: %r' % (ln, msg, self.lines[ln - 1]))

    def next_content(self, ln, end):
        """1-based line number of the next non-comment line after ln."""
        j = ln + 1
        while j <= end and self.lines[j - 1].startswith('#'):
            j += 1
        return j if j <= end else None

    def accepts(self, f, key, val, ln=None, end=None):
        """Can mapping frame f take `key: val` (val None = empty value)?
        For an empty value the next content line (seed line after ln) must
        fit into the nested node the key would open."""
        if f.seq or key in f.keys:
            return False
        if not self.accepts_here(f, key, val):
            return False
        if val is None and ln is not None:
            ck = self.child_kind(f, key)
            if ck is S:
                return False
            nxt = self.next_content(ln, end)
            if nxt is None:
                return False
            nl = self.lines[nxt - 1]
            nxt_seq = nl.startswith('- ')
            if ck == ANY:
                return True
            if (ck in SEQS) != nxt_seq:
                return False
            if nxt_seq:
                m = KEY_RE.match(nl[2:])
                return (SEQS[ck] is not S) == bool(m)
            m = KEY_RE.match(nl)
            if not m:
                return False
            probe = Frame(ck, 0, ln, key)
            nv = clean_val(m.group('val'))
            return self.accepts(probe, m.group('key'), nv, nxt, end)
        return True

    def accepts_here(self, f, key, val):
        k = unquote(key)
        if f.kind in NAMEMAPS:
            child = NAMEMAPS[f.kind]
            if f.kind == 'paths' and not (k.startswith('/') or k.startswith('x-')):
                return False
            if f.kind != 'paths' and k.startswith('/'):
                return False        # a path template is only a key of `paths`
            if f.kind not in ('responses', 'anymap') and re.fullmatch(r'\d{3}', k):
                return False        # an HTTP status code is only a key of `responses`
            if f.kind == 'responses' and not (re.fullmatch(r'\d{3}', k) or k == 'default' or k.startswith('x-')):
                return False
            if child is S:
                return val is not None
            if child == ANY:
                return True
            # entries are objects: need a block mapping or a flow mapping
            return val is None or val.startswith('{')
        g = GRAMMAR[f.kind]
        if k.startswith('x-') and f.kind in EXTENSIBLE:
            return True
        if k not in g:
            return False
        if val is None and g[k] is S:
            return False            # a scalar keyword cannot be empty
        if k == 'required' and f.kind == 'schema' and val is not None and not val.startswith('['):
            return False            # schema `required` is a list of names, never a boolean
        if val is not None and g[k] is not S and g[k] != ANY and g[k] not in ('anylist', 'strlist') \
                and not val.startswith(('{', '[')) and not (k == 'additionalProperties'):
            return False            # structured keyword needs a structure
        return True

    def child_kind(self, f, key):
        if f.kind in NAMEMAPS:
            return NAMEMAPS[f.kind]
        k = unquote(key)
        return GRAMMAR.get(f.kind, {}).get(k, ANY)

    def decide(self, ln, kind, cands, chosen, why):
        self.decisions.append({
            'seedLine': ln, 'line': self.lines[ln - 1],
            'decision': 'attached to %s (%s)' % (chosen.path() or 'root', chosen.kind),
            'attachedTo': chosen.opener,
            'alternatives': [c.opener for c in cands if c is not chosen],
            'rule': kind, 'why': why,
            'ctx': [(c.parent.name if c.parent else None, list(map(unquote, c.keys))) for c in cands]})

    # ---- ambiguity resolution -------------------------------------------
    def resolve_key(self, ln, key, val, cands, prev_frame, end):
        """cands: frames (deepest first) that can legally take the key."""
        k = unquote(key)
        if ln in self.overrides:
            want, why = self.overrides[ln]
            for c in cands:
                if c.opener == want:
                    self.decide(ln, 'override', cands, c, why)
                    return c
            self.err(ln, 'override target %s not a candidate %s' % (want, [c.opener for c in cands]))
        if len(cands) == 1:
            return cands[0]
        c0 = cands[0]
        if k == 'required' and c0.kind == 'schema':
            return self.resolve_required(ln, val, cands, end, prev_frame)
        if k in ('example', 'default', 'enum') and c0.kind == 'schema' and val is not None:
            return self.resolve_typed(ln, k, val, cands)
        if val is None and any(c.kind in ('propmap', 'defs') for c in cands):
            return self.resolve_name(ln, k, cands, prev_frame)
        if k in ARRAY_KEYWORDS and c0.kind == 'schema' and c0.stype() != 'array':
            arrays = [c for c in cands if c.kind == 'schema' and c.stype() == 'array']
            if arrays:
                self.decide(ln, 'array-keyword', cands, arrays[0],
                            '`%s` only constrains an array; the innermost open schema (type %s) is '
                            'not one, so it goes to the innermost open array schema'
                            % (k, c0.stype() or 'unset, a $ref'))
                return arrays[0]
        if c0 is prev_frame:
            # natural continuation of the mapping holding the previous key
            self.decide(ln, 'continuation', cands, c0,
                        'continues the mapping holding the previous key (the innermost open node '
                        'lacking `%s`)' % k)
            return c0
        self.decide(ln, 'deepest-after-close', cands, c0,
                    'key follows a closed nested block; innermost open %s that '
                    'lacks `%s` takes it' % (c0.kind, k))
        return c0

    def owner_required(self, m):
        """required names of the schema owning name map m (this pass or the
        previous pass, keyed by the opener line of the owning schema)."""
        owner = m.parent
        if owner is None or owner.kind != 'schema':
            return None
        r = owner.keys.get('required')
        if r and r[1]:
            return parse_flow_list(r[1])
        return self.prev_required.get(owner.opener)

    def resolve_name(self, ln, k, cands, prev_frame):
        """A key with a nested value that several open maps could take: a
        new definition, a property of one of the open `properties:` maps, or
        a structural schema keyword (items/properties/...)."""
        maps = [c for c in cands if c.kind in ('propmap', 'defs')]
        kw = [c for c in cands if c.kind == 'schema']
        if kw and k in ('items', 'properties', 'additionalProperties', 'allOf'):
            # keyword of the innermost schema whose type admits it, unless a
            # properties map comes first (then it is a property named `k`)
            fits = {'items': ('array', None), 'properties': ('object', None),
                    'additionalProperties': ('object', None), 'allOf': (None, 'object')}[k]
            for c in cands:
                if c.kind == 'schema' and c.stype() in fits:
                    self.decide(ln, 'schema-keyword', cands, c,
                                '`%s` is a schema keyword of the innermost schema of type %s lacking it'
                                % (k, c.stype()))
                    return c
                if c.kind == 'schema':
                    continue   # e.g. a string schema cannot take `items`
                if c.kind == 'propmap':
                    self.decide(ln, 'property-named-like-keyword', cands, c,
                                'no open schema of a fitting type lacks `%s`, so it is a property '
                                'literally named `%s` of the innermost properties map' % (k, k))
                    return c
        defs = [c for c in maps if c.kind == 'defs']
        if defs and re.match(r'^[A-Z]', k):
            self.decide(ln, 'definition-name', cands, defs[0],
                        'capitalised name: every definition in this spec is capitalised '
                        'and no property is')
            return defs[0]
        props = [c for c in maps if c.kind == 'propmap']
        if len(props) == 1 and not kw:
            self.decide(ln, 'only-properties-map', cands, props[0],
                        'a nested value under a name: the only open `properties:` map takes it')
            return props[0]
        for c in props:
            req = self.owner_required(c)
            if req and k in req:
                if c is not props[0]:
                    self.decide(ln, 'required-membership', cands, c,
                                '`%s` is listed in `required` of the schema owning this properties map' % k)
                else:
                    self.note(ln, 'required-membership', cands, c)
                return c
        c = self.score_props(ln, k, props, cands)
        return c

    def assoc(self, k, m):
        """Evidence that name k belongs next to the properties already in map
        m: for each sibling q, the share of OTHER objects of the previous
        pass that contain q and also contain k."""
        sib = [unquote(q) for q in m.keys]
        if not sib or self.prev_maps is None:
            return 0.0, 0
        tot, hits = 0.0, 0
        for q in sib:
            objs = self.name_index.get(q, set()) - self.exclude
            if not objs:
                continue
            with_k = sum(1 for o in objs if k in self.prev_maps[o])
            tot += with_k / len(objs)
            hits += 1
        return (tot / len(sib)), hits

    def score_props(self, ln, k, props, cands):
        c0 = props[0]
        # the maps involved in this decision do not vote for themselves
        self.exclude = set(c.opener for c in props)
        scores = [(self.assoc(k, c), c) for c in props]
        self.exclude = set()
        best_s, best = scores[0]
        if best_s[0] == 0 and best_s[1] >= 2:
            # the innermost map's properties never appear next to `k`
            # anywhere else; take the innermost outer map where they do
            for (s, c) in scores[1:]:
                if s[0] >= MIN_EVIDENCE:
                    best_s, best = s, c
                    break
        info = ', '.join('%s=%.2f' % (c.parent.name if c.parent else '?', s[0]) for s, c in scores)
        # required completeness: the innermost object already holds exactly
        # its required names and k is not one of them -> the object is done
        req = self.owner_required(c0)
        if best is c0 and req and set(unquote(x) for x in c0.keys) == set(req) and k not in req \
                and len(props) > 1 and scores[0][0][0] == 0:
            best = props[1]
            why = ('`%s` holds exactly its required names %s and `%s` is not one of them and '
                   'never occurs next to them elsewhere; the object is complete' % (c0.parent.name, req, k))
        elif best is c0:
            why = 'innermost open properties map (sibling evidence: %s)' % info
        else:
            why = 'sibling evidence from other objects of the spec: %s' % info
        self.decide(ln, 'property-sibling' if best is not c0 else 'property-deepest', cands, best, why)
        return best

    def decide_comment(self, c, prev):
        self.decisions.append({
            'seedLine': c, 'line': self.lines[c - 1], 'rule': 'comment',
            'decision': 'indented like the list items above it (seed line %d)' % prev,
            'attachedTo': prev, 'alternatives': [],
            'why': 'the comment annotates the block list it follows, not the next key', 'ctx': []})

    def note(self, ln, rule, cands, chosen):
        """Record a decision where the innermost candidate won by a rule."""
        self.decide(ln, rule, cands, chosen,
                    'the innermost candidate; the rule confirms it')

    def props_of(self, f):
        p = f.children.get('properties')
        return set(unquote(x) for x in p.keys) if p else set()

    def resolve_required(self, ln, val, cands, end, prev_frame):
        if val is None:
            names, j = [], ln + 1
            while j <= end and (self.lines[j - 1].startswith('- ') or self.lines[j - 1].startswith('#')):
                if self.lines[j - 1].startswith('- '):
                    names.append(unquote(self.lines[j - 1][2:].strip()))
                j += 1
            nxt = j
        else:
            names = parse_flow_list(val) or []
            nxt = self.next_content(ln, end)
        best, why = None, None
        for c in cands:
            if c.kind != 'schema':
                continue
            ps = self.props_of(c)
            if names and ps and all(n in ps for n in names):
                best, why = c, 'innermost schema whose properties contain all of %s' % names
                break
            if 'properties' not in c.children and c is prev_frame and c.stype() == 'object':
                best, why = c, ('object schema whose `properties:` follow; `required` '
                                'precedes them in the same schema')
                break
        if best is None and prev_frame in cands:
            best, why = prev_frame, ('no open schema declares all of %s; it sits among the own '
                                     'keywords of the current schema, so it stays there '
                                     '(seed defect: required on a non-object schema)' % names)
            self.seed_notes.append((ln, why))
        if best is None:
            best, why = cands[0], 'no schema declares %s; kept innermost' % names
            self.err(ln, 'required names not found in any candidate')
        self.decide(ln, 'required-names', cands, best, why)
        return best

    def resolve_typed(self, ln, k, val, cands):
        if k == 'enum':
            vals = parse_flow_list(val)
            vt = scalar_type(vals[0]) if vals else None
        else:
            vt = scalar_type(val)
        compat = {'string': {'string'}, 'integer': {'integer', 'number'},
                  'number': {'number'}, 'boolean': {'boolean'},
                  'array': {'array'}, 'object': {'object'}}
        for c in cands:
            if c.kind != 'schema':
                continue
            st = c.stype()
            if st is None or vt is None or st in compat.get(vt, {vt}):
                if c is not cands[0] or len([x for x in cands if x.kind == 'schema']) > 1:
                    self.decide(ln, 'value-type', cands, c,
                                '`%s` value is %s; innermost schema of compatible type (%s)'
                                % (k, vt, st))
                return c
        self.err(ln, 'no type-compatible schema for %s' % k)
        return cands[0]

    # ---- main loop ------------------------------------------------------
    def run(self, end):
        ln = self.start
        pending = []
        prev_frame = None
        while ln <= end:
            line = self.lines[ln - 1]
            if line.startswith('#'):
                pending.append(ln)
                ln += 1
                continue
            if line.startswith('- ') or line == '-':
                indent, f, val = self.item(ln, line[2:], end)
            else:
                m = KEY_RE.match(line)
                if not m:
                    self.err(ln, 'unparseable line')
                    indent, f, val = 0, self.stack[-1], None
                else:
                    indent, f, val = self.key(ln, m.group('key'), m.group('val'), end, prev_frame)
            for c in pending:
                # a comment directly after list items and before a key of the
                # list's owner stays with the list (e.g. "# Add other
                # supported timezones here" after an enum list)
                prev = c - 1
                if self.lines[prev - 1].startswith('- ') and prev in self.out and self.out[prev] > indent:
                    self.out[c] = self.out[prev]
                    self.decide_comment(c, prev)
                else:
                    self.out[c] = indent
            pending = []
            self.out[ln] = indent
            prev_frame = f
            # multi-line flow value: continuation lines go 2 deeper
            if val is not None and val[:1] in '[{' and bracket_delta(val) > 0:
                depth = bracket_delta(val)
                while depth > 0:
                    ln += 1
                    self.out[ln] = indent + 2
                    depth += bracket_delta(self.lines[ln - 1])
            ln += 1
        for c in pending:
            self.out[c] = 0

    def pop_to(self, f):
        while self.stack[-1] is not f:
            self.stack.pop()

    def open_child(self, f, key, val, ln, end):
        if val is not None:
            return
        kind = self.child_kind(f, key)
        nxt = self.next_content(ln, end)
        is_seq = nxt is not None and self.lines[nxt - 1].startswith('- ')
        if kind in SEQS or kind == ANY and is_seq:
            if not is_seq:
                self.err(ln, 'expected a block sequence')
            kind = 'anylist' if kind == ANY else kind
            ch = Frame(kind, f.indent + 2, ln, unquote(key), seq=True, parent=f)
        elif kind is S:
            self.err(ln, 'scalar keyword with empty value')
            return
        else:
            if is_seq:
                self.err(ln, 'block sequence where %s expected' % kind)
            kind = 'anymap' if kind == ANY else kind
            ch = Frame(kind, f.indent + 2, ln, unquote(key), parent=f)
        f.children[key] = ch
        self.stack.append(ch)

    def key(self, ln, key, val, end, prev_frame):
        val = clean_val(val)
        cands = []
        for f in reversed(self.stack):
            if self.accepts(f, key, val, ln, end):
                cands.append(f)
            if f.empty():
                break
        if not cands:
            self.err(ln, 'no open object accepts key (stack %s)' % [f.label() for f in self.stack[-6:]])
            f = [x for x in self.stack if not x.seq][-1]
        else:
            n = len(self.decisions)
            f = self.resolve_key(ln, key, val, cands, prev_frame, end)
            if len(cands) > 1 and len(self.decisions) == n:
                # every place with more than one legal nesting is recorded
                self.decide(ln, 'value-type', cands, f,
                            'the only open schema among the candidates whose type fits the value')
        self.pop_to(f)
        f.keys[key] = (ln, val)
        self.open_child(f, key, val, ln, end)
        return f.indent, f, val

    def item(self, ln, rest, end):
        m = KEY_RE.match(rest)
        cands = []
        for f in reversed(self.stack):
            if f.seq and ((SEQS[f.kind] is not S) == bool(m)):
                cands.append(f)
            if f.empty():
                break
        if not cands:
            self.err(ln, 'no open sequence takes this item')
            return 0, self.stack[-1], None
        seq = cands[0]
        if len(cands) > 1:
            self.decide(ln, 'list-item', cands, seq, 'innermost open list of matching item type')
        self.pop_to(seq)
        seq.items += 1
        if not m:
            v = rest.strip()
            seq.values.append(unquote(v))
            return seq.indent, seq.parent, v
        it = Frame(SEQS[seq.kind], seq.indent + 2, ln, seq.items - 1, parent=seq)
        self.stack.append(it)
        key, val = m.group('key'), clean_val(m.group('val'))
        if not self.accepts(it, key, val, ln, end):
            self.err(ln, 'first key of list item not accepted by %s' % it.kind)
        it.keys[key] = (ln, val)
        self.open_child(it, key, val, ln, end)
        return seq.indent, it, val


def find_bounds(lines):
    start = lines.index(YAML_START_MARKER) + 1
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].startswith('Sign up for free')):
        end -= 1
    return start, end


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('seed', nargs='?', default=DEFAULT_SEED)
    ap.add_argument('--out', default=os.path.join(REPO, 'specs', 'socialhub.yaml'))
    ap.add_argument('--departures', default=os.path.join(REPO, 'specs', 'socialhub-departures.json'))
    ap.add_argument('--debug', action='store_true')
    a = ap.parse_args()
    lines = open(a.seed, encoding='utf-8').read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    start, end = find_bounds(lines)
    # the defect fixes are applied before the nesting is recovered: a fixed
    # line may change where it (or the next line) belongs
    plines = list(lines)
    for ln, (orig, repl, why) in MODIFICATIONS.items():
        assert lines[ln - 1] == orig, (ln, lines[ln - 1])
        plines[ln - 1] = repl
    # pass 1: innermost-first, collects sibling statistics and required lists
    base = Recovery(plines, start, OVERRIDES)
    base.run(end)
    maps, prev = base.prop_maps(), base.required_map()
    # further passes: use the pass-1 sibling statistics; iterate only for
    # required lists that appear after the properties they name
    for npass in range(2, 8):
        rec = Recovery(plines, start, OVERRIDES, prev, maps)
        rec.run(end)
        req = rec.required_map()
        if req == prev:
            break
        prev = req
    print('passes:', npass, file=sys.stderr)
    if rec.errors:
        print('\n'.join(rec.errors), file=sys.stderr)
        sys.exit(1)
    if a.debug:
        for d in rec.decisions:
            print(json.dumps(d))
    build_outputs(rec, lines, start, end, a)


def pagination_style(op, spec, path=None, method=None):
    """x-pagination value for a parsed operation, or None.  Styles:
    offset          query offset/count (shared pagingOffset/pagingCount), bare array response
    offset-envelope query offset/count, response object {count?, data: [...]}
    offset-body     offset/count inside the JSON body, response {count, data: [...]}
    cursor          Facebook Graph style before/after cursors, response {data, paging}
    start-count     LinkedIn style start/count query parameters
    """
    q, body = set(), set()
    for p in op.get('parameters', []):
        if '$ref' in p:
            p = spec['parameters'][p['$ref'].split('/')[-1]]
        if p.get('in') == 'query':
            q.add(p.get('name'))
        if p.get('in') == 'body':
            body |= set((p.get('schema') or {}).get('properties', {}) or {})
    rs = op.get('responses', {})
    resp = rs.get(200) or rs.get('200') or rs.get(201) or {}
    if '$ref' in resp:
        resp = spec['responses'][resp['$ref'].split('/')[-1]]
    sch = resp.get('schema', {}) or {}
    envelope = sch.get('type') == 'object' and 'data' in (sch.get('properties') or {})
    if {'offset', 'count'} <= q:
        if sch.get('type') == 'array' or (method, path) in OFFSET_LIST_DEFECTS:
            return 'offset'
        if envelope:
            return 'offset-envelope'
    if {'offset', 'count'} <= body and envelope:
        return 'offset-body'
    if 'after' in q or 'before' in q:
        return 'cursor'
    if {'start', 'count'} <= q:
        return 'start-count'
    return None


# list operations paging with pagingOffset/pagingCount whose 200 schema in the
# seed is not an array although the description says "List of ..." (left as is)
OFFSET_LIST_DEFECTS = set()


def render(rec, lines, start, end, added, modified):
    out = []
    for ln in range(start, end + 1):
        text = modified.get(ln, lines[ln - 1])
        out.append(' ' * rec.out[ln] + text)
        for extra in added.get(ln, []):
            out.append(' ' * rec.op_indent[ln] + extra)
    return '\n'.join(out) + '\n'


def build_outputs(rec, lines, start, end, a):
    import yaml
    sys.path.insert(0, HERE)
    from operation_ids import OPERATION_IDS
    ops = [f for f in rec.frames if f.kind == 'operation']
    rec.op_indent = {f.opener: f.indent for f in ops}
    modified = {}
    for ln, (orig, repl, why) in MODIFICATIONS.items():
        assert lines[ln - 1] == orig, (ln, lines[ln - 1])
        modified[ln] = repl
    added = {}
    for f in ops:
        key = '%s %s' % (f.name.upper(), unquote(f.parent.name))
        added[f.opener] = ['operationId: ' + OPERATION_IDS[key]]
    spec = yaml.safe_load(render(rec, lines, start, end, added, modified))
    styles = {}
    for f in ops:
        op = spec['paths'][unquote(f.parent.name)][f.name]
        st = pagination_style(op, spec, unquote(f.parent.name), f.name)
        if st:
            added[f.opener].append('x-pagination: ' + st)
            styles.setdefault(st, []).append('%s %s' % (f.name.upper(), unquote(f.parent.name)))
    with open(a.out, 'w', encoding='utf-8') as fh:
        fh.write(render(rec, lines, start, end, added, modified))
    dep = {
        'seedFile': SEED_NAME,
        'yamlStartLine': start,
        'yamlEndLine': end,
        'format': 'see specs/recovery/socialhub/README.md',
        'added': [{'afterSeedLine': ln, 'line': x}
                  for ln in sorted(added) for x in added[ln]],
        'modified': [{'seedLine': ln, 'original': MODIFICATIONS[ln][0],
                      'replacement': MODIFICATIONS[ln][1], 'why': MODIFICATIONS[ln][2]}
                     for ln in sorted(MODIFICATIONS)],
        'nestingDecisions': [{k: d[k] for k in ('seedLine', 'line', 'rule', 'decision', 'attachedTo',
                                                 'alternatives', 'why')}
                             for d in sorted(rec.decisions, key=lambda d: d['seedLine'])],
        'seedNotes': [{'seedLine': ln, 'note': n} for ln, n in rec.seed_notes],
        'pagination': styles,
    }
    with open(a.departures, 'w', encoding='utf-8') as fh:
        json.dump(dep, fh, indent=1, ensure_ascii=True)
        fh.write('\n')
    print('wrote %s and %s: %d added, %d modified, %d decisions' % (
        a.out, a.departures, len(dep['added']), len(dep['modified']),
        len(dep['nestingDecisions'])), file=sys.stderr)


MIN_EVIDENCE = 0.25

# ---------------------------------------------------------------------------
# Hand decisions.  seed line of a property name -> (seed line of the
# `properties:` line of the map it belongs to, reason).  Used where the
# innermost-first default would keep a property inside a nested object that,
# by Swagger semantics / the sibling schemas / the public SocialHub
# swagger.yaml (github.com/socialhubio/socialhub-dev: Manifest, Channel,
# Ticket), has already ended.
# ---------------------------------------------------------------------------
_R_MANIFEST = ('Manifest layout as in SocialHub public swagger (branding, webhook, inbox, '
               'callbacks are top-level; ticketActions item = type/id/label/config/attachments; '
               'config = approvalProcess/templates/timeout/forceTagging; rightSidebar under inbox)')
_R_FBPAGE = 'Facebook Graph object: picture.data is {height,width,is_silhouette,url}; page fields follow'
_R_FBPAGING = 'Facebook Graph list response is {data: [...], paging: {cursors: {before, after}, previous, next}}'
_R_RULE = ('Inbox Rule layout (same as definitions/Rule): conditions[].config = channelIds/keywordList/'
           'types/networks; actions is a top-level Rule property; actions[] = action/config')
_R_ACCOUNT = 'Account top-level settings objects (siblings of features), not nested in the previous object'
_R_POST = ('Post: channel/flags/content are sibling objects; images/videos/animations/children/links/'
           'location/retweet/firstComment/network settings belong to content; timestamps and '
           'warnings/storyWorkaround are Post fields')
_R_TICKET = ('Ticket layout as in SocialHub public swagger: followupTo={followupToId,...}; interaction holds '
             'networkItemId/pictures/videos/url/link/attachments/createdTime/interactor; followups is a '
             'Ticket-level list')
_R_ANALYTICS = 'analytics blocks reach/engagement/comparison are siblings, each a small metric object'
_R_TOP = 'property of the enclosing entity; the preceding nested object is complete'
_R_LINKEDIN = ('LinkedIn targeting = four sibling arrays industries/jobFunctions/geoLocations/interfaceLocales '
               '(the options route takes each as a separate `type`, and each item is a flat {id, name})')
_R_REPLY_BODY = ('a reply request field: the template object is {name, networkId, language, variables} '
                 '(its required list); the sibling reply bodies carry these fields at the top level, '
                 'and a DM/tagged/option reply needs no template')
_R_TAG_SUMMARY = ('tag summary = clicks/reach/engagement/compare siblings, compare = the same metrics '
                  'for the compare range (reach {paid, organic, total} and engagement {comments, likes, '
                  'shared, total} are separate metric objects)')
_R_FB_TARGETING = ('Facebook targeting options: one top-level array per requested `type` '
                   '(adlocale -> locales, adgeolocation -> countries/locations, audienceinterest -> interests)')
_R_ADSET = ('Facebook ad set fields (Marketing API AdSet.destination_type, AdSet.bid_amount), not '
            'targeting spec fields')
OVERRIDES = {
    # /channels/facebook body: store_location_descriptor is a page field
    1457: (1411, _R_FBPAGE),
    # PATCH /public/manifest body (inline Manifest)
    2312: (2294, _R_MANIFEST), 2326: (2294, _R_MANIFEST), 2349: (2334, _R_MANIFEST),
    2360: (2351, _R_MANIFEST), 2372: (2351, _R_MANIFEST), 2374: (2334, _R_MANIFEST),
    2399: (2385, _R_MANIFEST), 2403: (2328, _R_MANIFEST), 2421: (2408, _R_MANIFEST),
    2424: (2294, _R_MANIFEST),
    # public ticket bodies: interaction fields
    2607: (2600, _R_TICKET), 2675: (2600, _R_TICKET), 2781: (2726, _R_TICKET),
    # font body: mediaIds is a Font field (as in definitions/Font)
    5387: (5373, 'Font fields are fontFamily/identifier/styles/mediaIds (definitions/Font)'),
    # facebook pages / adaccounts / IG products lists
    6089: (6074, _R_FBPAGE), 6118: (6074, _R_FBPAGE), 6122: (6069, _R_FBPAGING),
    6132: (6124, _R_FBPAGING), 6750: (6728, _R_FBPAGING), 6764: (6753, _R_FBPAGING),
    6837: (6812, _R_FBPAGING),
    # pinterest boards
    7187: (7175, 'Pinterest board fields: name/id/description/owner{username}/privacy/sections'),
    # inbox rules
    8209: (8188, _R_RULE), 8385: (8367, _R_RULE), 8389: (8330, _R_RULE), 8408: (8394, _R_RULE),
    16662: (16644, _R_RULE), 16666: (16611, _R_RULE),
    # POST /accounts body
    9280: (9247, 'account expirationTime is an account field, not a product flag'),
    # definitions/Account
    14197: (14087, _R_ACCOUNT), 14244: (14087, _R_ACCOUNT), 14262: (14087, _R_ACCOUNT),
    14283: (14087, _R_ACCOUNT), 14291: (14285, 'products = {inbox, cp, ml} each {enabled}'),
    14296: (14285, 'products = {inbox, cp, ml} each {enabled}'), 14308: (14087, _R_ACCOUNT),
    14316: (14087, _R_ACCOUNT),
    # definitions/Post
    14544: (14527, _R_POST), 14564: (14527, _R_POST), 14601: (14580, _R_POST),
    14655: (14580, _R_POST), 14681: (14580, _R_POST), 14724: (14580, _R_POST),
    14739: (14580, _R_POST), 14760: (14580, _R_POST), 14773: (14580, _R_POST),
    14803: (14775, _R_POST + '; a second `mentions` cannot be in content (duplicate) -> retweet'),
    14812: (14580, _R_POST), 14833: (14580, _R_POST), 14838: (14580, _R_POST),
    14845: (14580, _R_POST), 14856: (14580, _R_POST), 14861: (14527, _R_POST),
    14887: (14527, _R_POST),
    # definitions/Ticket
    15773: (15723, _R_TICKET), 15780: (15723, _R_TICKET), 15819: (15797, _R_TICKET),
    15854: (15797, _R_TICKET), 15865: (15797, _R_TICKET), 15903: (15797, _R_TICKET),
    15914: (15797, _R_TICKET), 15916: (15723, _R_TICKET), 15970: (15920, _R_TICKET),
    15993: (15920, _R_TICKET), 16015: (15920, _R_TICKET),
    # definitions/Media thumbnails
    15213: (15199, 'thumbnail meta: image/video/animation are siblings'),
    15223: (15199, 'thumbnail meta: image/video/animation are siblings'),
    15233: (15158, 'external describes the media itself (its description says so)'),
    # definitions/ChannelAnalytics, PostAnalytics, PostAnalyticsRefactored
    15256: (15238, _R_ANALYTICS), 15265: (15238, _R_ANALYTICS), 15279: (15238, _R_ANALYTICS),
    15293: (15281, _R_ANALYTICS), 15307: (15238, _R_ANALYTICS),
    15350: (15342, _R_ANALYTICS), 15357: (15342, _R_ANALYTICS), 15364: (15316, _R_ANALYTICS),
    15371: (15316, _R_ANALYTICS), 15395: (15380, _R_ANALYTICS), 15404: (15380, _R_ANALYTICS),
    # definitions/Ad, FacebookAdSet, Font, InteractorList
    15521: (15471, _R_TOP), 15526: (15471, _R_TOP),
    15641: (15621, 'targeting = age/geo_locations/device_platforms/... (Facebook targeting spec)'),
    16749: (16734, 'Font fields are fontFamily/identifier/styles/mediaIds/createdTime/updatedTime'),
    16923: (16903, _R_TOP),
    # definitions/Manifest
    16461: (16443, _R_MANIFEST), 16469: (16443, _R_MANIFEST), 16494: (16485, _R_MANIFEST),
    16506: (16485, _R_MANIFEST), 16508: (16476, _R_MANIFEST), 16516: (16471, _R_MANIFEST),
    16528: (16443, _R_MANIFEST),
    # issue 13 (spec corrections), one letter per fix; specs/recovery/socialhub/README.md
    # lists each with its evidence
    # (d) LinkedIn targeting: four sibling arrays, not a chain
    7249: (7239, _R_LINKEDIN), 7258: (7239, _R_LINKEDIN), 7267: (7239, _R_LINKEDIN),
    15021: (15011, _R_LINKEDIN), 15030: (15011, _R_LINKEDIN), 15039: (15011, _R_LINKEDIN),
    # (e), (l) reply body: option/categoryIds/suggestedAiActions are body fields, not template fields
    11051: (11000, _R_REPLY_BODY), 11054: (11000, _R_REPLY_BODY), 11061: (11000, _R_REPLY_BODY),
    # (f) createTicketReplySuggestion body: sendAs/tag/channelId/excludedReplyIds/option
    11257: (11231, _R_REPLY_BODY), 11261: (11231, _R_REPLY_BODY), 11270: (11231, _R_REPLY_BODY),
    11274: (11231, _R_REPLY_BODY), 11279: (11231, _R_REPLY_BODY),
    # (h) Manifest: options belongs to the ticketActions[] item
    2380: (2334, _R_MANIFEST + '; options is a ticketActions[] item field (public swagger)'),
    # (i) tag analytics summary: clicks/reach/engagement/compare are siblings, also inside compare
    10087: (10073, _R_TAG_SUMMARY), 10099: (10073, _R_TAG_SUMMARY), 10116: (10102, _R_TAG_SUMMARY),
    # (j) Facebook targeting options: countries and interests are top-level arrays
    5895: (5885, _R_FB_TARGETING), 5908: (5885, _R_FB_TARGETING), 5931: (5885, _R_FB_TARGETING),
    # ... and the same chain in definitions/FacebookTargeting: interests is a targeting field,
    # not a field of each location
    15104: (15050, _R_FB_TARGETING + '; in definitions/FacebookTargeting interests sits beside locations'),
    # (k) FacebookAdSet: destination_type and bid_amount are ad set fields
    15693: (15565, _R_ADSET), 15695: (15565, _R_ADSET),
}


MODIFICATIONS = {
    # seed line: (original, replacement, why)
    17: ('email: [email\u00a0protected]', "email: '[email\u00a0protected]'",
         'web-page e-mail obfuscation; unquoted it parses as a flow sequence, contact.email must be a string'),
    1398: ("pattern: ^[0-9]+$'", 'pattern: ^[0-9]+$',
           'stray trailing quote makes the pattern unmatchable (siblings use ^[0-9]+$)'),
    10854: ('pattern: /^[a-zA-Z]+$/', 'pattern: ^[a-zA-Z]+$',
            'JavaScript regex-literal slashes: as an ECMA pattern it requires a literal "/" before "^" and can never match'),
    16032: ('pattern: /^[a-zA-Z]+$/', 'pattern: ^[a-zA-Z]+$',
            'JavaScript regex-literal slashes: as an ECMA pattern it requires a literal "/" before "^" and can never match'),
    # (g) GET /channels: the 200 body is the list of channels
    1170: ('schema:', "schema: {type: array, items: {$ref: '#/definitions/Channel'}}",
           'GET /channels "Lists the channels" (200: "List of channels of the account", offset/count '
           'paging) documents a single Channel; the body is an array of Channel'),
    1171: ("$ref: '#/definitions/Channel'", "# seed: $ref: '#/definitions/Channel' (now the item of the array above)",
           'the single-Channel $ref moved into the array of seed line 1170; kept as a comment'),
    # (d) typo in the LinkedinTargeting property name
    15012: ('insustries:', 'industries:',
            'typo ("s" for the adjacent "d"): the LinkedIn targeting options route and its `type` enum '
            'in the same spec spell `industries`'),
}
_MIN_FOR_MAX = ('seed typo minItems-for-maxItems: a minimum of 10000 ids would reject every real request; '
                'the sibling body of POST /cp/posts/aggregates/day has `maxItems: 10000` on the same id '
                'lists (channelIds, assignees, tags). The array-keyword rule puts it on the array')
for _ln in (4018, 4023, 4028, 4424, 4429, 4434):
    MODIFICATIONS[_ln] = ('minItems: 10000', 'maxItems: 10000', _MIN_FOR_MAX)
_ENUM = "enum: ['archive', 'category', 'delete', 'hide', 'like', 'reply']"
_SWAP = ('`uniqueItems` sits between the string items\' `type` and `enum`; it constrains the array, and '
         'in block YAML the array\'s key cannot come back between two keys of its items, so the two lines '
         'trade places (the enum stays on the items, uniqueItems goes to the array)')
for _ln in (11068, 11184, 11399):
    MODIFICATIONS[_ln] = ('uniqueItems: true', _ENUM, _SWAP)
    MODIFICATIONS[_ln + 1] = (_ENUM, 'uniqueItems: true', _SWAP)

def dump_objects(rec, lo=0, hi=10**9):
    """Debug: nested object schemas and their properties (seed lines)."""
    for f in rec.frames:
        if f.kind != 'propmap' or not (lo <= f.opener <= hi):
            continue
        owner = f.parent
        depth = 0
        g = owner
        while g is not None:
            if g.kind == 'propmap':
                depth += 1
            g = g.parent
        if depth == 0:
            continue
        print('%6d %s%s: %s' % (f.opener, '  ' * depth, owner.name,
                                ' '.join('%s@%d' % (unquote(k), v[0]) for k, v in f.keys.items())))


if __name__ == '__main__':
    main()
