// `--generate-cli-skeleton [input|output|yaml-input]`: the samples the AWS CLI v2 prints instead
// of calling. `input` and `yaml-input` need no settings; `output` is the CLI's stubbed call: the
// region is still required, the sample is checked as the Stubber checks it, then it is printed
// like a response (--output, --query).
import type { ServiceModel } from '../../engine/models/types.js';
import { pyJsonDumps } from '../../engine/pyjson.js';
import { ExitCode } from '../io.js';
import { sampleFor } from './sample.js';
import { sampleProblems } from './validate-sample.js';

export function inputSkeleton(model: ServiceModel, operationName: string): string {
  const input = model.operations[operationName]!.input;
  const sample = input ? sampleFor(model, input, { useMemberNames: false }) : {};
  return `${pyJsonDumps(sample, { indent: 4 })}\n`;
}

export class SampleValidationError extends Error {
  readonly exitCode = ExitCode.usage;
}

/** The `output` sample, or a SampleValidationError with the CLI's report. */
export function outputSample(model: ServiceModel, operationName: string): Record<string, unknown> {
  const output = model.operations[operationName]!.output;
  if (!output) return {};
  const sample = sampleFor(model, output, { useMemberNames: true }) as Record<string, unknown>;
  const problems = sampleProblems(model, output, sample);
  if (problems.length) throw new SampleValidationError(`Parameter validation failed:\n${problems.join('\n')}`);
  return sample;
}

/** The YAML sample; its module is loaded only when asked for. */
export async function yamlInputSkeleton(model: ServiceModel, operationName: string): Promise<string> {
  const { yamlInputText } = await import('./yaml-input.js');
  return yamlInputText(model, operationName);
}
