"""Regenerates scripts/shape-enums-botocore.json: where botocore's models have an enum, the place
in the aws-sdk package's minified model that holds that value (a JSON path such as
["shapes", "S43", "members", "Status"] or ["operations", "PutX", "input", "members", "Mode"]),
with the enum's values. The minified models carry no enums; the build puts them back so that
--generate-cli-skeleton's input samples and yaml-input comments show them as the CLI does.
Run by a developer when updating models (needs python3 with botocore); the build never needs
Python."""
import json, os
import botocore.session

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APIS = os.path.join(ROOT, 'node_modules', 'aws-sdk', 'apis')
RENAMES = {'s3': 's3api', 'config': 'configservice', 'codedeploy': 'deploy'}


def enum_places(ours, theirs):
    """Walk each operation's input in both models side by side, member by member."""
    places, seen = {}, set()

    def walk(ref, path, shape_name):
        if 'shape' in ref:
            if ref['shape'] in seen:
                return
            seen.add(ref['shape'])
            path, ref = ['shapes', ref['shape']], ours['shapes'][ref['shape']]
        shape = theirs[shape_name]
        kind = ref.get('type', 'structure' if 'members' in ref else 'string')
        if 'enum' in shape and kind == 'string':
            places.setdefault(json.dumps(path), shape['enum'])
        if kind == 'structure':
            for member, member_ref in ref.get('members', {}).items():
                if member in shape.get('members', {}):
                    walk(member_ref, path + ['members', member], shape['members'][member]['shape'])
        elif kind == 'list' and 'member' in shape:
            walk(ref.get('member', {}), path + ['member'], shape['member']['shape'])
        elif kind == 'map' and 'key' in shape:
            walk(ref.get('key', {}), path + ['key'], shape['key']['shape'])
            walk(ref.get('value', {}), path + ['value'], shape['value']['shape'])

    return walk, places


session = botocore.session.get_session()
loader = session.get_component('data_loader')
index = json.load(open(os.path.join(ROOT, 'models', 'index.json')))
out = {}
for name in session.get_available_services():
    cli = RENAMES.get(name, name)
    if cli not in index:
        continue
    ours = json.load(open(os.path.join(APIS, index[cli]['source'] + '.min.json')))
    model = loader.load_service_model(name, 'service-2')
    walk, places = enum_places(ours, model['shapes'])
    for op_name, op in model['operations'].items():
        mine = ours['operations'].get(op_name)
        if mine and 'input' in op and 'input' in mine:
            walk(mine['input'], ['operations', op_name, 'input'], op['input']['shape'])
    if places:
        out[cli] = [[json.loads(path), values] for path, values in sorted(places.items())]
json.dump(out, open(os.path.join(ROOT, 'scripts', 'shape-enums-botocore.json'), 'w'), separators=(',', ':'), sort_keys=True)
print(sum(len(v) for v in out.values()), 'enum places in', len(out), 'services')
