#!/usr/bin/env python3
"""Check specs/socialhub.yaml against the seed and specs/socialhub-departures.json.

1. Text rule: strip leading whitespace from every line of the YAML, drop the
   ADDED lines, undo the MODIFIED lines -> must equal seed lines
   yamlStartLine..yamlEndLine exactly (in order).
2. Structure: YAML parses; Swagger 2.0 validates (openapi-spec-validator, if
   installed); 241 paths / 296 operations; every operation has a unique
   operationId; properties values are schemas; parameters have name+in; body
   parameters have schema; $refs resolve; {path params} are declared.

Usage (repo root):  python3 specs/recovery/socialhub/check.py [SEED]
Exit code 0 = all checks passed.
"""
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
YAML_PATH = os.path.join(REPO, 'specs', 'socialhub.yaml')
DEP_PATH = os.path.join(REPO, 'specs', 'socialhub-departures.json')
METHODS = ('get', 'put', 'post', 'delete', 'options', 'head', 'patch')
SCHEMA_KEYS = {'$ref', 'format', 'title', 'description', 'default', 'multipleOf', 'maximum',
               'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength',
               'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxProperties', 'minProperties',
               'required', 'enum', 'type', 'items', 'allOf', 'properties', 'additionalProperties',
               'discriminator', 'readOnly', 'xml', 'externalDocs', 'example'}
PARAM_KEYS = {'$ref', 'name', 'in', 'description', 'required', 'schema', 'type', 'format',
              'allowEmptyValue', 'items', 'collectionFormat', 'default', 'maximum',
              'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength',
              'pattern', 'maxItems', 'minItems', 'uniqueItems', 'enum', 'multipleOf'}
OP_KEYS = {'tags', 'summary', 'description', 'externalDocs', 'operationId', 'consumes',
           'produces', 'parameters', 'responses', 'schemes', 'deprecated', 'security'}
RESP_KEYS = {'description', 'schema', 'headers', 'examples', '$ref'}

errors = []


def err(msg):
    errors.append(msg)


def check_text(seed_path, dep):
    seed = open(seed_path, encoding='utf-8').read().split('\n')
    expected = seed[dep['yamlStartLine'] - 1:dep['yamlEndLine']]
    got = open(YAML_PATH, encoding='utf-8').read().split('\n')
    if got and got[-1] == '':
        got.pop()
    stripped = [l.lstrip() for l in got]
    # remove added lines: walk the stripped text in step with the seed lines
    added = {}
    for a in dep['added']:
        added.setdefault(a['afterSeedLine'], []).append(a['line'])
    modified = {m['seedLine']: m for m in dep['modified']}
    i = 0
    for n, seed_line in enumerate(expected, dep['yamlStartLine']):
        if i >= len(stripped):
            err('text: output ends before seed line %d' % n)
            return
        line = stripped[i]
        if n in modified:
            m = modified[n]
            if m['original'] != seed_line:
                err('text: departures original for seed line %d differs from the seed' % n)
            if line != m['replacement']:
                err('text: seed line %d: expected replacement %r, got %r' % (n, m['replacement'], line))
        elif line != seed_line:
            err('text: seed line %d: expected %r, got %r' % (n, seed_line, line))
            return
        i += 1
        for extra in added.get(n, []):
            if i >= len(stripped) or stripped[i] != extra:
                err('text: expected added line %r after seed line %d' % (extra, n))
                return
            if not re.fullmatch(r'(operationId|x-[A-Za-z0-9-]+): \S.*', extra):
                err('text: added line %r is neither operationId nor x- extension' % extra)
            i += 1
    if i != len(stripped):
        err('text: %d extra output lines at the end' % (len(stripped) - i))
    # leading whitespace must be spaces only, 2-space steps
    for k, l in enumerate(got, 1):
        ind = len(l) - len(l.lstrip(' '))
        if l[:ind].strip(' ') or ind % 2:
            err('text: output line %d: bad indentation' % k)


def resolve(spec, ref):
    if not ref.startswith('#/'):
        return None
    node = spec
    for part in ref[2:].split('/'):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def walk_refs(node, spec, where):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == '$ref' and isinstance(v, str):
                if resolve(spec, v) is None:
                    err('unresolved $ref %s at %s' % (v, where))
            else:
                walk_refs(v, spec, where + '/' + str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk_refs(v, spec, '%s/%d' % (where, i))


def check_schema(s, where):
    if not isinstance(s, dict):
        err('schema is not a mapping at %s: %r' % (where, s))
        return
    for k in s:
        if k not in SCHEMA_KEYS and not str(k).startswith('x-'):
            err('keyword %r not allowed in a schema at %s' % (k, where))
    if 'required' in s and not isinstance(s['required'], list):
        err('schema required is not a list at %s' % where)
    props = s.get('properties')
    if props is not None:
        if not isinstance(props, dict):
            err('properties is not a mapping at %s' % where)
        else:
            for name, sub in props.items():
                if not isinstance(sub, dict) or not sub:
                    err('property %r is not a schema object at %s' % (name, where))
                else:
                    check_schema(sub, '%s/properties/%s' % (where, name))
    if 'items' in s:
        check_schema(s['items'], where + '/items')
    if isinstance(s.get('additionalProperties'), dict):
        check_schema(s['additionalProperties'], where + '/additionalProperties')
    for i, sub in enumerate(s.get('allOf', []) or []):
        check_schema(sub, '%s/allOf/%d' % (where, i))


def check_param(p, spec, where):
    if '$ref' in p:
        if resolve(spec, p['$ref']) is None:
            err('unresolved parameter $ref at %s' % where)
        return resolve(spec, p['$ref']) or {}
    for k in p:
        if k not in PARAM_KEYS and not str(k).startswith('x-'):
            err('keyword %r not allowed in a parameter at %s' % (k, where))
    if 'name' not in p or 'in' not in p:
        err('parameter without name/in at %s' % where)
    if p.get('in') == 'body':
        if 'schema' not in p:
            err('body parameter without schema at %s' % where)
        else:
            check_schema(p['schema'], where + '/schema')
    elif p.get('in') in ('query', 'path', 'header', 'formData'):
        if 'type' not in p:
            err('non-body parameter without type at %s' % where)
    else:
        err('parameter with invalid in=%r at %s' % (p.get('in'), where))
    return p


def check_structure(dep):
    spec = yaml.safe_load(open(YAML_PATH, encoding='utf-8'))
    if spec.get('swagger') != '2.0':
        err('not a swagger 2.0 document')
    paths = spec.get('paths') or {}
    n_ops, op_ids = 0, {}
    for path, item in paths.items():
        path_params = set()
        for p in item.get('parameters', []) or []:
            p = check_param(p, spec, path + '/parameters')
            if p.get('in') == 'path':
                path_params.add(p.get('name'))
        for m, op in item.items():
            if m == 'parameters' or str(m).startswith('x-'):
                continue
            if m not in METHODS:
                err('unexpected key %r in path item %s' % (m, path))
                continue
            n_ops += 1
            where = '%s %s' % (m.upper(), path)
            for k in op:
                if k not in OP_KEYS and not str(k).startswith('x-'):
                    err('keyword %r not allowed in operation %s' % (k, where))
            oid = op.get('operationId')
            if not oid:
                err('missing operationId: %s' % where)
            elif oid in op_ids:
                err('duplicate operationId %s: %s and %s' % (oid, op_ids[oid], where))
            else:
                op_ids[oid] = where
            declared = set(path_params)
            for i, p in enumerate(op.get('parameters', []) or []):
                p = check_param(p, spec, '%s/parameters/%d' % (where, i))
                if p.get('in') == 'path':
                    declared.add(p.get('name'))
            for name in re.findall(r'\{([^}]+)\}', path):
                if name not in declared:
                    err('path parameter {%s} not declared: %s' % (name, where))
            responses = op.get('responses')
            if not isinstance(responses, dict) or not responses:
                err('operation without responses: %s' % where)
                continue
            for code, r in responses.items():
                if not isinstance(r, dict):
                    err('response %s is not an object: %s' % (code, where))
                    continue
                for k in r:
                    if k not in RESP_KEYS and not str(k).startswith('x-'):
                        err('keyword %r not allowed in response %s of %s' % (k, code, where))
                if '$ref' not in r and 'description' not in r:
                    err('response %s without description: %s' % (code, where))
                if 'schema' in r:
                    check_schema(r['schema'], '%s/responses/%s/schema' % (where, code))
    for name, s in (spec.get('definitions') or {}).items():
        check_schema(s, 'definitions/' + name)
    for name, p in (spec.get('parameters') or {}).items():
        check_param(p, spec, 'parameters/' + name)
    for name, r in (spec.get('responses') or {}).items():
        if 'schema' in r:
            check_schema(r['schema'], 'responses/%s/schema' % name)
    walk_refs(spec, spec, '#')
    if len(paths) != 241:
        err('expected 241 paths, found %d' % len(paths))
    if n_ops != 296:
        err('expected 296 operations, found %d' % n_ops)
    # x-pagination values are one of the documented styles
    for path, item in paths.items():
        for m, op in item.items():
            if isinstance(op, dict) and 'x-pagination' in op and op['x-pagination'] not in (
                    'offset', 'offset-envelope', 'offset-body', 'cursor', 'start-count'):
                err('unknown x-pagination %r at %s %s' % (op['x-pagination'], m, path))
    print('paths=%d operations=%d operationIds=%d' % (len(paths), n_ops, len(op_ids)))
    return spec


def check_validator():
    try:
        from openapi_spec_validator import validate
        from openapi_spec_validator.readers import read_from_filename
    except ImportError:
        print('openapi-spec-validator not installed: skipping Swagger 2.0 schema validation')
        return
    spec_dict, _ = read_from_filename(YAML_PATH)
    try:
        validate(spec_dict)
    except Exception as e:  # noqa: BLE001 - report any validation error
        err('openapi-spec-validator: %s' % str(e).split('\n')[0])


def main():
    dep = json.load(open(DEP_PATH, encoding='utf-8'))
    seed = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, '..', 'shared', 'seeds', dep['seedFile'])
    check_text(seed, dep)
    check_structure(dep)
    check_validator()
    for e in errors[:200]:
        print('ERROR', e)
    print('%d error(s)' % len(errors))
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
