// Placeholder: Python-compatible JMESPath syntax error messages.
export function jmespathSyntaxError(expression: string): string | undefined {
  if (expression === '') return 'Invalid JMESPath expression: cannot be empty.';
  return undefined;
}
