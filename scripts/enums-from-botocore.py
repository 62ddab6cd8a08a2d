"""Regenerates scripts/enums-botocore.json: the enum values of every operation parameter (a
top-level input member that is an enum, or a list of one) in botocore's models, for the services
and operations our models have. The aws-sdk package's minified models carry no enums; completion
offers these values. Run by a developer when updating models (needs python3 with botocore); the
build itself never needs Python."""
import json, os
import botocore.session

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APIS = os.path.join(ROOT, 'node_modules', 'aws-sdk', 'apis')
RENAMES = {'s3': 's3api', 'config': 'configservice', 'codedeploy': 'deploy'}

session = botocore.session.get_session()
loader = session.get_component('data_loader')
index = json.load(open(os.path.join(ROOT, 'models', 'index.json')))
out = {}
for name in session.get_available_services():
    cli = RENAMES.get(name, name)
    if cli not in index:
        continue
    ours = json.load(open(os.path.join(APIS, index[cli]['source'] + '.min.json')))['operations']
    model = loader.load_service_model(name, 'service-2')
    shapes = model['shapes']
    enums, params = {}, {}
    for op_name, op in model['operations'].items():
        if op_name not in ours or 'input' not in op:
            continue
        for member, ref in shapes[op['input']['shape']].get('members', {}).items():
            target = ref['shape']
            shape = shapes[target]
            if shape.get('type') == 'list':
                target = shape['member']['shape']
                shape = shapes[target]
            if 'enum' in shape:
                enums[target] = shape['enum']
                params.setdefault(op_name, {})[member] = target
    if params:
        out[cli] = {'enums': enums, 'params': params}
json.dump(out, open(os.path.join(ROOT, 'scripts', 'enums-botocore.json'), 'w'), separators=(',', ':'), sort_keys=True)
print(sum(len(v['params']) for v in out.values()), 'operations with enum parameters in', len(out), 'services')
