"""Runs protocol cases through the installed botocore (and the AWS CLI's timestamp rendering)
so the TypeScript protocols can be checked against the real thing.

stdin:  {"cases": [case, ...], "models": {service: model JSON text}}  (cases as in test/protocols/cases/*.json)
stdout: [{"serialized": {...}} | {"parsed": {...}} | {"error": {...}, "requestId": ...} | {"failure": "..."}]
"""
import base64
import json
import sys
from urllib.parse import parse_qsl, urlsplit

import os

from botocore import handlers, parsers, serialize
from botocore.model import ServiceModel
from botocore.awsrequest import HeadersDict, create_request_object, prepare_request_dict
from awscli.customizations.scalarparse import iso_format

MODELS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'models')
SHAPE_ONLY_KEYS = {'type', 'members', 'member', 'key', 'value', 'required', 'payload'}
S3_URL_ENCODED_OPS = {
    'ListObjects': handlers.decode_list_object,
    'ListObjectsV2': handlers.decode_list_object_v2,
    'ListObjectVersions': handlers.decode_list_object_versions,
}


MODEL_TEXTS = {}


def load_model(cli_name):
    """Our compact model (the same member order and shapes the TypeScript side uses) in the form
    botocore accepts: every inline shape gets a name, its member-level traits stay on the ref.
    The text comes with the cases (the shipped files are brotli-compressed); else models/."""
    if cli_name in MODEL_TEXTS:
        compact = json.loads(MODEL_TEXTS[cli_name])
    else:
        with open(os.path.join(MODELS_DIR, f'{cli_name}.json')) as f:
            compact = json.load(f)
    shapes = {}
    counter = [0]

    def name_ref(ref):
        if 'shape' in ref:
            return ref
        counter[0] += 1
        name = f'Inline{counter[0]}'
        shapes[name] = fix_shape(dict(ref, type=ref.get('type', 'string')))
        return {'shape': name, **{k: v for k, v in ref.items() if k not in SHAPE_ONLY_KEYS}}

    def fix_shape(shape):
        shape = dict(shape)
        if 'members' in shape:
            shape['members'] = {k: name_ref(v) for k, v in shape['members'].items()}
        for k in ('member', 'key', 'value'):
            if k in shape:
                shape[k] = name_ref(shape[k])
        return shape

    for name, shape in compact['shapes'].items():
        shapes[name] = fix_shape(shape)
    operations = {}
    for name, op in compact['operations'].items():
        op = dict(op, name=name)
        op.setdefault('http', {'method': 'POST', 'requestUri': '/'})
        op['http'].setdefault('method', 'POST')
        op['http'].setdefault('requestUri', '/')
        for k in ('input', 'output'):
            if k in op:
                op[k] = name_ref(op[k])
        operations[name] = op
    service_name = {'s3api': 's3'}.get(cli_name, cli_name)
    return ServiceModel({'metadata': compact['metadata'], 'operations': operations, 'shapes': shapes}, service_name)


def plain(value):
    """bytes -> {"$base64": ...}, so results travel as JSON."""
    if isinstance(value, (bytes, bytearray)):
        return {'$base64': base64.b64encode(value).decode()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def from_case_value(value):
    if isinstance(value, dict):
        if set(value) == {'$base64'}:
            return base64.b64decode(value['$base64'])
        return {k: from_case_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_case_value(v) for v in value]
    return value


def as_cli_floats(value, shape):
    """The CLI hands botocore Python floats for float/double members (JSON text loses 1.0 vs 1)."""
    if shape is None or value is None:
        return value
    if shape.type_name in ('float', 'double') and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if shape.type_name == 'structure' and isinstance(value, dict):
        return {k: as_cli_floats(v, shape.members.get(k)) for k, v in value.items()}
    if shape.type_name == 'list' and isinstance(value, list):
        return [as_cli_floats(v, shape.member) for v in value]
    if shape.type_name == 'map' and isinstance(value, dict):
        return {k: as_cli_floats(v, shape.value) for k, v in value.items()}
    return value


def serialize_case(model, op, case):
    params = as_cli_floats(from_case_value(case.get('params', {})), op.input_shape)
    context = {}
    if model.service_name == 's3' and op.name in S3_URL_ENCODED_OPS:
        handlers.set_list_objects_encoding_type_url(params, context)
    serializer = serialize.create_serializer(model.metadata['protocol'], include_validation=False)
    request = serializer.serialize_to_request(params, op)
    headers = dict(request['headers'])
    prepare_request_dict(request, endpoint_url='https://example.amazonaws.com')
    prepared = create_request_object(request).prepare()
    url = urlsplit(prepared.url)
    body = prepared.body
    if isinstance(body, bytes):
        try:
            body = body.decode('utf-8')
        except UnicodeDecodeError:
            body = {'$base64': base64.b64encode(body).decode()}
    out = {
        'method': prepared.method,
        'path': url.path,
        'query': [list(p) for p in parse_qsl(url.query, keep_blank_values=True)],
        'headers': headers,
        'body': body or '',
    }
    if 'host_prefix' in request:
        out['hostPrefix'] = request['host_prefix']
    return {'serialized': out}


def parse_case(model, op, case):
    res = case['response']
    body = base64.b64decode(res['bodyBase64']) if 'bodyBase64' in res else res.get('body', '').encode('utf-8')
    headers = HeadersDict({k.lower(): v for k, v in res.get('headers', {}).items()})
    response = {'status_code': res.get('status', 200), 'headers': headers, 'body': body}
    mode = case.get('timestampFormat', 'iso8601')
    factory = parsers.ResponseParserFactory()
    factory.set_parser_defaults(timestamp_parser=(lambda v: v) if mode == 'wire' else iso_format)
    parser = factory.create_parser(model.metadata['protocol'])
    parsed = parser.parse(response, op.output_shape)
    metadata = parsed.pop('ResponseMetadata', {})
    if response['status_code'] >= 300:
        out = {'error': plain(parsed.get('Error', {}))}
        if metadata.get('RequestId'):
            out['requestId'] = metadata['RequestId']
        if metadata.get('HostId'):
            out['hostId'] = metadata['HostId']
        return out
    # Streaming payloads are bodies as they came (botocore hands back a stream there).
    payload = op.output_shape.serialization.get('payload') if op.output_shape else None
    if payload and op.output_shape.members[payload].type_name == 'blob':
        parsed[payload] = body
    if model.service_name == 's3':
        context = {'encoding_type_auto_set': 'EncodingType' not in case.get('requestParams', {})}
        if op.name in S3_URL_ENCODED_OPS:
            S3_URL_ENCODED_OPS[op.name](parsed, context)
        if op.name == 'GetBucketLocation' and body:
            from xml.etree import ElementTree
            parsed['LocationConstraint'] = ElementTree.fromstring(body).text
    return {'parsed': plain(parsed)}


def run(case):
    model = load_model(case['service'])
    op = model.operation_model(case['operation'])
    return parse_case(model, op, case) if 'response' in case else serialize_case(model, op, case)


def main():
    results = []
    batch = json.load(sys.stdin)
    MODEL_TEXTS.update(batch.get('models', {}))
    for case in batch['cases']:
        try:
            results.append(run(case))
        except Exception as e:  # report per case; the test names the case
            results.append({'failure': f'{type(e).__name__}: {e}'})
    json.dump(results, sys.stdout)


if __name__ == '__main__':
    main()
