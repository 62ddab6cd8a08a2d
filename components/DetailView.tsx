// A detail (a row's object, a describe/head call): YAML or JSON exactly as the CLI prints them,
// scrollable, with `/` search (n/N between matches). Lines are escaped before they are drawn;
// secret values are hidden until `S` shows them.
import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { ActionContext } from '../src/app/actions.js';
import { openInConsole } from '../src/app/browse/console-open.js';
import { detailLines, findMatches } from '../src/app/browse/detail-text.js';
import { maskSecrets } from '../src/app/browse/secret-fields.js';
import { explainViewError } from '../src/app/browse/view-errors.js';
import { useActions, useReadOnly, useServices } from '../src/app/dashboard-context.js';
import { cursorMoveForAction, moveCursor } from '../src/app/list-cursor.js';
import { visibleText } from '../src/app/sanitize.js';
import { CommandLine } from './CommandLine.js';
import type { ViewProps } from './ViewBody.js';

type Loaded = { status: 'loading' } | { status: 'ok'; value: unknown } | { status: 'error'; error: unknown };

export function DetailView({ entry, width, height, active, onContext }: ViewProps) {
  const { theme, copyToClipboard, dashboard, openBrowser } = useServices();
  const readOnly = useReadOnly();
  const detail = entry.detail!;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [format, setFormat] = useState<'yaml' | 'json'>('yaml');
  const [reveal, setReveal] = useState(false);
  const [top, setTop] = useState(0);
  const [search, setSearch] = useState('');
  const [searching, setSearching] = useState(false);
  const [match, setMatch] = useState(0);
  useEffect(() => {
    let live = true;
    detail.load().then((value) => live && setLoaded({ status: 'ok', value }), (error) => live && setLoaded({ status: 'error', error }));
    return () => { live = false; };
  }, [detail]);
  const lines = useMemo(() => (loaded.status === 'ok' ? detailLines(loaded.value, format, reveal) : []), [loaded, format, reveal]);
  const hiddenSecrets = useMemo(() => (loaded.status === 'ok' && !reveal ? maskSecrets(loaded.value).hidden : 0), [loaded, reveal]);
  const matches = useMemo(() => findMatches(lines, search), [lines, search]);
  const page = Math.max(1, height - 2 - (searching || search ? 1 : 0));
  const lastTop = Math.max(0, lines.length - page);
  const jumpTo = (n: number) => {
    if (!matches.length) return;
    const index = ((n % matches.length) + matches.length) % matches.length;
    setMatch(index);
    setTop(Math.min(lastTop, Math.max(0, matches[index] - Math.floor(page / 3))));
  };

  const ctx: ActionContext = { view: 'detail', readOnly, canGoBack: true, filtered: search !== '', row: { hasConsole: String(Boolean(detail.consoleUrl)) } };
  useEffect(() => { if (active) onContext({ filtered: ctx.filtered, row: ctx.row }); }, [active, ctx.filtered, detail]);
  const scroll = (id: string) => () => {
    const step = cursorMoveForAction(id);
    if (!step) return;
    // The "cursor" is the top line: moving it by the page keeps the last line on screen.
    const next = step === 'bottom' ? lastTop : moveCursor(top, step, lastTop + 1, page);
    setTop(Math.min(lastTop, next));
  };
  useActions(['detail', 'table'], ctx, {
    'table.down': scroll('table.down'), 'table.up': scroll('table.up'), 'table.top': scroll('table.top'),
    'table.bottom': scroll('table.bottom'), 'table.pageDown': scroll('table.pageDown'), 'table.pageUp': scroll('table.pageUp'),
    'table.clearFilter': () => setSearch(''),
    'detail.format': () => { setFormat((f) => (f === 'yaml' ? 'json' : 'yaml')); setTop(0); },
    'detail.search': () => setSearching(true),
    'detail.reveal': () => setReveal((r) => !r),
    'detail.next': () => jumpTo(match + 1),
    'detail.previous': () => jumpTo(match - 1),
    'detail.copyUrl': () => {
      if (!detail.consoleUrl) return;
      copyToClipboard(detail.consoleUrl);
      dashboard.prompts.showMessage('Copied', `console URL ${detail.consoleUrl} is on the clipboard (OSC 52).`);
    },
    'detail.openConsole': () => {
      if (!detail.consoleUrl || !entry.profile) return;
      void openInConsole(dashboard, openBrowser, copyToClipboard, { profile: entry.profile, region: detail.region ?? '', destination: detail.consoleUrl });
    },
  }, 'view', active && !searching);

  const where = { profile: entry.profile ?? '', region: '', service: '', operation: '' };
  const problem = loaded.status === 'error' ? explainViewError(loaded.error, where) : undefined;
  const current = matches.length ? matches[match % matches.length] : -1;
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>{visibleText(detail.title)}</Text>
        <Text {...theme.muted}>  {format.toUpperCase()} · {lines.length} lines{lines.length > page ? ` · ${top + 1}-${Math.min(lines.length, top + page)}` : ''}</Text>
        {hiddenSecrets ? <Text {...theme.accent}>  {hiddenSecrets} secret value{hiddenSecrets > 1 ? 's' : ''} hidden (S shows)</Text> : null}
        {search ? <Text {...theme.accent}>  {matches.length ? `match ${(match % matches.length) + 1}/${matches.length}` : 'no match'}</Text> : null}
      </Text>
      <Text wrap="truncate" {...theme.muted}>{detail.consoleUrl ? `console: ${visibleText(detail.consoleUrl)} (o opens, U copies)` : ' '}</Text>
      {loaded.status === 'loading' ? <Text {...theme.muted}>loading…</Text> : null}
      {problem ? <Text {...theme.danger} wrap="wrap">{visibleText(`${problem.title}: ${problem.message}`)}{'\n'}{visibleText(problem.hint)}</Text> : null}
      {/* Only a loaded detail has lines: a page-high box under "loading…" or the problem pushed the title off the top. */}
      {loaded.status === 'ok' ? (
        <Box flexDirection="column" height={page} overflow="hidden">
          {lines.slice(top, top + page).map((line, i) => (
            <Text key={top + i} wrap="truncate" {...(top + i === current ? theme.selection : search && line.toLowerCase().includes(search.toLowerCase()) ? theme.accent : theme.text)}>
              {line || ' '}
            </Text>
          ))}
        </Box>
      ) : null}
      {searching ? (
        <CommandLine prefix="/" initial={search} onChange={(t) => { setSearch(t); setMatch(0); }}
          onSubmit={() => { setSearching(false); jumpTo(0); }} onCancel={() => { setSearch(''); setSearching(false); }} />
      ) : search ? <Text {...theme.muted}>/{visibleText(search)}  n/N next/previous · esc clears</Text> : null}
    </Box>
  );
}
