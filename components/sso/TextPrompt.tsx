// One wizard question: `Label [current]: ` with the answer typed inline and validated as typed.
import { useRef, useState } from 'react';
import { Text, Box, useInput } from 'ink';
import { promptText, type AskPrompt } from '../../src/app/sso/wizard-ui.js';
import type { Theme } from '../../src/app/theme.js';
import { visibleText } from '../../src/app/sanitize.js';

export function TextPrompt({ prompt, onSubmit, theme }: { prompt: AskPrompt; onSubmit(value: string): void; theme: Theme }) {
  const [value, setValueState] = useState('');
  // Keys can arrive faster than React re-renders: the handler reads the latest text from a ref.
  const latest = useRef('');
  const setValue = (next: (v: string) => string) => { latest.current = next(latest.current); setValueState(latest.current); };
  const effective = value === '' && prompt.current ? prompt.current : value;
  // Only complain about what was typed; an empty answer is judged on Enter.
  const problem = value === '' ? undefined : prompt.validate?.(effective);
  const [enterProblem, setEnterProblem] = useState<string | undefined>();

  useInput((input, key) => {
    if (key.return) {
      const answer = latest.current === '' && prompt.current ? prompt.current : latest.current;
      const p = prompt.validate?.(answer);
      if (p) setEnterProblem(p);
      else onSubmit(answer);
      return;
    }
    setEnterProblem(undefined);
    if (key.backspace || key.delete) setValue((v) => v.slice(0, -1));
    else if (!key.ctrl && !key.meta && input && !key.escape && !key.tab) setValue((v) => v + input.replace(/[\r\n]/g, ''));
  });

  const shown = problem ?? enterProblem;
  return (
    <Box flexDirection="column">
      <Text>{visibleText(promptText(prompt))}<Text {...theme.accent}>{visibleText(value)}</Text><Text inverse> </Text></Text>
      {shown ? <Text {...theme.danger}>{visibleText(shown)}</Text> : null}
    </Box>
  );
}
