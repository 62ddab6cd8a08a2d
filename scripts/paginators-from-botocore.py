"""Regenerates scripts/paginators-botocore.json: botocore's paginator definitions (with its
sdk-extras merged) for operations whose aws-sdk v2 definition differs. Run by a developer when
updating models (needs python3 with botocore); the build itself never needs Python."""
import glob, json, os, re
import botocore, botocore.session

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APIS = os.path.join(ROOT, 'node_modules', 'aws-sdk', 'apis')
RENAMES = {'s3': 's3api', 'config': 'configservice', 'codedeploy': 'deploy'}

session = botocore.session.get_session()
loader = session.get_component('data_loader')
data_dir = os.path.join(os.path.dirname(botocore.__file__), 'data')
index = json.load(open(os.path.join(ROOT, 'models', 'index.json')))
out = {}
for name in session.get_available_services():
    cli = RENAMES.get(name, name)
    if cli not in index:
        continue
    uid = index[cli]['source']
    ops = json.load(open(os.path.join(APIS, f'{uid}.min.json')))['operations']
    sdk_file = os.path.join(APIS, f'{uid}.paginators.json')
    sdk = json.load(open(sdk_file)).get('pagination', {}) if os.path.exists(sdk_file) else {}
    try:
        theirs = dict(loader.load_service_model(name, 'paginators-1')['pagination'])
    except Exception:
        continue
    for extras in glob.glob(os.path.join(data_dir, name, '*', 'paginators-1.sdk-extras.json')):
        for op, extra in json.load(open(extras)).get('merge', {}).get('pagination', {}).items():
            if op in theirs:
                theirs[op] = dict(theirs[op], **extra)
    for op, cfg in theirs.items():
        if op in ops and sdk.get(op) != dict(cfg):
            out.setdefault(cli, {})[op] = dict(cfg)
json.dump(out, open(os.path.join(ROOT, 'scripts', 'paginators-botocore.json'), 'w'), indent=0, sort_keys=True)
print(sum(len(v) for v in out.values()), 'paginators differ from the aws-sdk package')
