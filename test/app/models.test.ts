import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { applyKeyOverrides, defaultActions, enabledActions, findAction } from '../../src/app/actions.js';
import { parseCommand } from '../../src/app/commands.js';
import { formReducer, startForm } from '../../src/app/form-model.js';
import { enterFullScreen } from '../../src/app/fullscreen.js';
import { formatTimeLeft, MfaRequiredError, stateFromError } from '../../src/app/identity-state.js';
import { KeyBus } from '../../src/app/key-bus.js';
import { createKeyFeeder } from '../../src/app/key-feeder.js';
import { keyPressesFromInk, type KeyPress } from '../../src/app/keys.js';
import { completeFrom, editLine, emptyLine, lineFrom, type LineBuffer } from '../../src/app/line-buffer.js';
import { moveCursor } from '../../src/app/list-cursor.js';
import { newProfileForm } from '../../src/app/profile-forms.js';
import { cellWidth, columnWidths, fitCell, formatRow, windowStart } from '../../src/app/table-layout.js';
import { themeFor } from '../../src/app/theme.js';
import { breadcrumb, viewStackReducer, type ViewEntry } from '../../src/app/view-stack.js';
import { viewById } from '../../services/index.js';

const k = (name: string): KeyPress => (name.length === 1 ? { name, text: name } : { name });
const noKey = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false };

describe('keys', () => {
  it('splits printable bursts and names special keys', () => {
    expect(keyPressesFromInk('jjj', noKey).map((x) => x.name)).toEqual(['j', 'j', 'j']);
    expect(keyPressesFromInk('', { ...noKey, return: true })).toEqual([{ name: 'enter' }]);
    expect(keyPressesFromInk('q', { ...noKey, ctrl: true })).toEqual([{ name: 'ctrl+q' }]);
    expect(keyPressesFromInk('', { ...noKey, delete: true })).toEqual([{ name: 'backspace' }]);
    expect(keyPressesFromInk('a\x7fb', noKey).map((x) => x.name)).toEqual(['a', 'backspace', 'b']);
  });

  it('feeds a burst one key per tick so a mode switch applies before the next key', () => {
    const ticks: Array<() => void> = [];
    const seen: string[] = [];
    const feed = createKeyFeeder((key) => seen.push(key.name), (run) => ticks.push(run));
    feed([k('/'), k('d'), k('b')]);
    expect(seen).toEqual(['/']);
    while (ticks.length) ticks.shift()!();
    expect(seen).toEqual(['/', 'd', 'b']);
  });
});

describe('key bus', () => {
  it('delivers modal > prompt > view > global and stops at the consumer', () => {
    const bus = new KeyBus();
    const log: string[] = [];
    bus.register('global', () => { log.push('global'); return true; });
    bus.register('view', (key) => { log.push('view'); return key.name === 'j'; });
    const closePrompt = bus.register('prompt', () => { log.push('prompt'); return true; });
    expect(bus.dispatch(k('x'))).toBe(true);
    expect(log).toEqual(['prompt']);
    closePrompt();
    log.length = 0;
    bus.dispatch(k('x'));
    expect(log).toEqual(['view', 'global']);
    const closeModal = bus.register('modal', () => { log.push('modal'); return true; });
    log.length = 0;
    bus.dispatch(k('j'));
    expect(log).toEqual(['modal']);
    closeModal();
    expect(bus.hasLayer('modal')).toBe(false);
  });

  it('latest registration wins within a layer (a nested modal over another)', () => {
    const bus = new KeyBus();
    const log: string[] = [];
    bus.register('modal', () => { log.push('outer'); return true; });
    bus.register('modal', () => { log.push('inner'); return true; });
    bus.dispatch(k('a'));
    expect(log).toEqual(['inner']);
  });
});

describe('action registry', () => {
  const ctx = { view: 'profiles', readOnly: false, canGoBack: false };
  it('finds actions by key and scope, honouring when and read-only', () => {
    expect(findAction(defaultActions, ['profiles', 'table', 'global'], k('q'), ctx)?.id).toBe('quit');
    expect(findAction(defaultActions, ['profiles', 'table', 'global'], k('q'), { ...ctx, canGoBack: true })).toBeUndefined();
    expect(findAction(defaultActions, ['profiles'], k('l'), { ...ctx, row: { kind: 'static' } })).toBeUndefined();
    expect(findAction(defaultActions, ['profiles'], k('l'), { ...ctx, row: { kind: 'sso' } })?.id).toBe('profiles.login');
    const readOnly = enabledActions(defaultActions, ['profiles'], { ...ctx, readOnly: true }).map((a) => a.id);
    expect(readOnly).not.toContain('profiles.delete');
    expect(readOnly).not.toContain('profiles.new');
    expect(readOnly).toContain('profiles.export');
  });

  it('applies overrides and reports unknown ids and clashes', () => {
    const { actions, warnings } = applyKeyOverrides(defaultActions, { quit: ['Q'], nope: 'x', 'profiles.new': 'd' });
    expect(actions.find((a) => a.id === 'quit')?.keys).toEqual(['Q']);
    expect(warnings.some((w) => w.includes('unknown action "nope"'))).toBe(true);
    expect(warnings.some((w) => w.includes('profiles.describe') && w.includes('profiles.new'))).toBe(true);
  });
});

describe('line buffer', () => {
  const type = (buffer: LineBuffer, keys: string[]) => keys.reduce((b, key) => editLine(b, k(key)).buffer, buffer);
  it('edits, moves, deletes words, submits and cancels', () => {
    let b = type(emptyLine, ['a', 'b', 'c']);
    expect(b).toEqual({ text: 'abc', cursor: 3 });
    b = type(b, ['left', 'X']);
    expect(b.text).toBe('abXc');
    expect(editLine(lineFrom('dev prod'), k('ctrl+w')).buffer.text).toBe('dev ');
    expect(editLine(b, k('enter')).outcome).toBe('submit');
    expect(editLine(emptyLine, k('backspace')).outcome).toBe('cancel');
  });
  it('completes to the common prefix', () => {
    const complete = completeFrom(['profile dev', 'profile devops', 'profiles']);
    expect(complete('profile d')).toBe('profile dev');
    expect(complete('profiles')).toBe('profiles ');
    expect(complete('zzz')).toBeUndefined();
  });
});

describe('table layout', () => {
  const columns = [{ id: 'a', title: 'NAME', min: 4, grow: 1 }, { id: 'b', title: 'STATE', min: 5, max: 10 }];
  it('fits widths to the screen and pads rows to the same width', () => {
    const widths = columnWidths(columns, [['a-very-long-profile-name', 'valid 7h59m']], 30);
    expect(widths[0] + widths[1] + 2).toBe(30);
    const row = formatRow(['a-very-long-profile-name', 'valid 7h59m'], columns, widths);
    expect(cellWidth(row)).toBe(30);
    expect(row).toContain('~');
  });
  it('counts wide characters as two cells', () => {
    expect(cellWidth('東京')).toBe(4);
    expect(cellWidth(fitCell('東京のサーバー', 7))).toBe(7);
  });
  it('moves the window only as far as needed', () => {
    expect(windowStart(0, 0, 10, 500)).toBe(0);
    expect(windowStart(10, 0, 10, 500)).toBe(1);
    expect(windowStart(5, 1, 10, 500)).toBe(1);
    expect(windowStart(499, 0, 10, 500)).toBe(490);
    expect(moveCursor(0, 'pageDown', 500, 10)).toBe(9);
    expect(moveCursor(3, 'up', 0, 10)).toBe(0);
  });
});

describe('small models', () => {
  it('view stack pushes, pops to the home, resets', () => {
    let s = viewStackReducer([{ id: 'profiles' }], { type: 'push', view: { id: 'why' } });
    s = viewStackReducer(s, { type: 'push', view: { id: 'why' } });
    expect(s).toHaveLength(2);
    s = viewStackReducer(viewStackReducer(s, { type: 'pop' }), { type: 'pop' });
    expect(s).toEqual([{ id: 'profiles' }]);
  });
  it('breadcrumb: profile › region › view › scopes, naming a child\'s region where it changes', () => {
    const buckets: ViewEntry = { id: 'resource', profile: 'dev', resource: { descriptor: viewById('s3.buckets')!, scope: {}, region: 'us-east-1', label: 'S3 buckets' } };
    const objects = (region: string, prefix: string, label: string): ViewEntry => ({ id: 'resource', profile: 'dev', resource: { descriptor: viewById('s3.objects')!, scope: { Bucket: 'bk', Prefix: prefix }, region, label } });
    expect(breadcrumb([{ id: 'profiles' }, buckets])).toEqual(['dev', 'global', 'S3 buckets']);
    expect(breadcrumb([{ id: 'profiles' }, buckets, objects('eu-west-1', '', 'bk'), objects('eu-west-1', 'a/', 'a/')]))
      .toEqual(['dev', 'global', 'S3 buckets', 'bk (eu-west-1)', 'a/']);
    const vpcs: ViewEntry = { id: 'resource', profile: 'dev', resource: { descriptor: viewById('ec2.vpcs')!, scope: {}, region: 'sa-east-1', label: 'VPCs' } };
    const subnets: ViewEntry = { id: 'resource', profile: 'dev', resource: { descriptor: viewById('ec2.subnets')!, scope: { VpcId: 'vpc-1' }, region: 'sa-east-1', label: 'vpc-1' } };
    expect(breadcrumb([{ id: 'profiles' }, vpcs, subnets, { id: 'detail', detail: { title: 'subnet-1', load: async () => ({}) } }]))
      .toEqual(['dev', 'sa-east-1', 'VPCs', 'vpc-1', 'subnet-1']);
  });
  it('NO_COLOR removes colour but keeps selection visible', () => {
    expect(themeFor({ NO_COLOR: '1' }).ok.color).toBeUndefined();
    expect(themeFor({ NO_COLOR: '1' }).selection.inverse).toBe(true);
    expect(themeFor({}).ok.color).toBe('green');
  });
  it('maps engine failures onto fixable states', () => {
    expect(stateFromError(new MfaRequiredError('arn:mfa')).status).toBe('needs-mfa');
    expect(stateFromError(Object.assign(new Error('x'), { name: 'SsoTokenLoadError' })).status).toBe('needs-login');
    expect(stateFromError(Object.assign(new Error('The security token included in the request is expired'), { code: 'ExpiredToken' })).status).toBe('expired');
    expect(stateFromError(new Error('boom'))).toEqual({ status: 'error', message: 'boom' });
    expect(formatTimeLeft(new Date(10_000 + 3_725_000), 10_000)).toBe('1h02m');
  });
  it('parses palette commands', () => {
    const known = { profiles: ['dev'], regions: ['eu-west-1'] };
    expect(parseCommand('profile dev', known)).toEqual({ type: 'profile', name: 'dev' });
    expect(parseCommand('region eu-west-1', known)).toEqual({ type: 'region', name: 'eu-west-1' });
    expect(parseCommand('bogus', known).type).toBe('invalid');
  });
  it('new-profile form asks for a session token only for ASIA keys', () => {
    const form = newProfileForm([]);
    const run = (inputs: string[]) => {
      let state = startForm(form.fields);
      let done: Record<string, string> | undefined;
      for (const input of inputs) {
        const keys = input === '\r' ? [k('enter')] : [...input].map(k);
        for (const key of keys) ({ state, done } = { ...formReducer(form.fields, state, key) });
      }
      return { state, done };
    };
    const akia = run(['\r', 'p1', '\r', 'AKIAAAAAAAAAAAAAAAAA', '\r', 's', '\r', '\r']);
    expect(akia.done && form.toChange(akia.done)).toEqual({ type: 'create', profile: 'p1', values: { aws_access_key_id: 'AKIAAAAAAAAAAAAAAAAA', aws_secret_access_key: 's' } });
    const asia = run(['\r', 'p1', '\r', 'ASIAAAAAAAAAAAAAAAAA', '\r', 's', '\r']);
    expect(form.fields[asia.state.index].id).toBe('aws_session_token');
  });
});

describe('full screen guard', () => {
  it('enters the alternate screen and restores it once, on exit or SIGTERM', () => {
    const out: string[] = [];
    const proc = Object.assign(new EventEmitter(), { exit: (code: number) => out.push(`exit ${code}`) }) as unknown as NodeJS.Process;
    const guard = enterFullScreen({ write: (s: string) => out.push(s) }, { proc });
    expect(out[0]).toContain('\x1b[?1049h');
    proc.emit('SIGTERM');
    expect(out.filter((s) => s.includes('\x1b[?1049l'))).toHaveLength(1);
    expect(out).toContain('exit 143');
    guard.restore();
    proc.emit('exit', 0);
    expect(out.filter((s) => s.includes('\x1b[?1049l'))).toHaveLength(1);
  });
});
