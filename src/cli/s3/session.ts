// Everything an s3 command needs from the global options and the profile: the s3api client (built
// the same way as for `awsdeck s3api …`), a client for --source-region, and the transfer config
// from the profile's `s3` section.
import type { ResolvedSettings } from '../../engine/config/index.js';
import { resolveSettings } from '../../engine/config/index.js';
import type { AwsClient } from '../../engine/http/client.js';
import { loadService } from '../../engine/models/loader.js';
import { transferConfigFromSection, type TransferConfig } from '../../engine/s3transfer/index.js';
import type { CliIO } from '../io.js';
import { clientFor, credentialSourceFor, settingsFlags } from '../operation.js';
import type { Credentials } from '../../engine/http/types.js';
import type { GlobalOptions } from '../params/index.js';

export interface S3Session {
  io: CliIO;
  globals: GlobalOptions;
  settings: ResolvedSettings;
  client: AwsClient;
  /** The client for --source-region (not sent to --endpoint-url), or the main one. */
  clientIn(region: string | undefined): AwsClient;
  transferConfig(): TransferConfig;
  credentials(): Promise<Credentials>;
}

export function createS3Session(globals: GlobalOptions, io: CliIO): S3Session {
  const model = loadService('s3api');
  const settings = resolveSettings({ env: io.env, flags: settingsFlags(globals) });
  const client = clientFor(model, globals, settings, io);
  return {
    io,
    globals,
    settings,
    client,
    clientIn(region) {
      if (!region) return client;
      // As the CLI: the source client of --source-region leaves out --endpoint-url.
      const regional = { ...globals, region, endpointUrl: undefined };
      return clientFor(model, regional, resolveSettings({ env: io.env, flags: settingsFlags(regional) }), io);
    },
    credentials: () => credentialSourceFor(globals, settings, io).get(),
    transferConfig() {
      const section = settings.profileSection.get('s3')?.value;
      return transferConfigFromSection(section && typeof section === 'object' ? (section as Record<string, string>) : undefined);
    },
  };
}
