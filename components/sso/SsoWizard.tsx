// The `configure sso` wizard: the transcript so far, then the open question or list.
import { useEffect, useReducer } from 'react';
import { Box, Text, useInput } from 'ink';
import type { WizardController } from '../../src/app/sso/wizard-controller.js';
import type { Theme } from '../../src/app/theme.js';
import { TextPrompt } from './TextPrompt.js';
import { FilterSelect } from './FilterSelect.js';
import { visibleLines } from '../../src/app/sanitize.js';

const TRANSCRIPT_LINES = 30;

export function SsoWizard({ controller, theme }: { controller: WizardController; theme: Theme }) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => controller.subscribe(redraw), [controller]);
  useInput((input, key) => { if (key.ctrl && input === 'c') controller.cancel(); });

  const open = controller.open;
  return (
    <Box flexDirection="column">
      {controller.transcript.slice(-TRANSCRIPT_LINES).map((line, i) => <Text key={i} wrap="wrap">{visibleLines(line)}</Text>)}
      {open?.kind === 'ask' ? <TextPrompt key={controller.transcript.length} prompt={open.prompt} onSubmit={open.resolve} theme={theme} /> : null}
      {open?.kind === 'choose' ? <FilterSelect key={controller.transcript.length} prompt={open.prompt} onSubmit={open.resolve} theme={theme} /> : null}
      {controller.cancelled ? <Text {...theme.warn}>Cancelled: the config file was not changed.</Text> : null}
    </Box>
  );
}
