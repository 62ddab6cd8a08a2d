// The shape of test/output/cases/*.json: input data, format and terminal width → expected bytes
// (recorded from the AWS CLI v2 2.9.19 formatters by tools/record-cases.ts).
export interface OutputCase {
  name: string;
  data: unknown;
  format: 'json' | 'yaml' | 'yaml-stream' | 'text' | 'table';
  title?: string;
  width?: number;
  color?: boolean;
  query?: string;
  expected?: string;
  expectedError?: string;
}

export interface OutputCaseFile {
  description: string;
  cases: OutputCase[];
}
