// The seeds' resource audit, done at once instead of region after region: every EC2 instance and
// every unattached (available) EBS volume, for each profile, in each enabled region (DescribeRegions)
// or the regions named. Regions are listed in parallel, a few at a time; a region that fails is
// reported on its own and the others still count. Rows come out in a fixed order (profile, region
// as DescribeRegions lists them, instances before volumes, as the service lists them).
import { regionsOfPartition } from '../../services/format.js';
import type { ServiceClient } from '../../services/types.js';
import type { Interaction } from './engine-port.js';
import { createLimiter } from './limiter.js';

export interface AuditRow {
  profile: string;
  region: string;
  type: 'EC2' | 'EBS';
  id: string;
  status: string;
  details: string;
}

export interface AuditFailure { profile: string; region: string; message: string }

export interface AuditEngine {
  service(profile: string, region: string, service: string, interaction: Interaction): ServiceClient;
}

export interface AuditOptions {
  profiles: string[];
  /** `all`: the enabled regions of each profile's partition, from DescribeRegions in `homeRegion`. */
  regions: 'all' | string[];
  homeRegion: (profile: string) => string;
  interaction: Interaction;
  /** Regions listed at once; EC2 throttles an account's Describe calls, not a region's. */
  concurrency?: number;
}

type Item = Record<string, unknown>;

async function* items(caller: ServiceClient, operation: string, params: Item, path: (page: Item) => Item[]): AsyncGenerator<Item> {
  const { pages } = caller.pages(operation, params);
  for (let page = await pages.next(); !page.done; page = await pages.next()) yield* path(page.value);
}

const text = (value: unknown) => (value === undefined || value === null ? 'None' : String(value));

async function auditRegion(caller: ServiceClient, profile: string, region: string): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  const reservations = (page: Item) => ((page.Reservations as Item[] | undefined) ?? []).flatMap((r) => (r.Instances as Item[] | undefined) ?? []);
  for await (const instance of items(caller, 'DescribeInstances', {}, reservations)) {
    rows.push({ profile, region, type: 'EC2', id: text(instance.InstanceId), status: text((instance.State as Item | undefined)?.Name), details: `Type:${text(instance.InstanceType)}` });
  }
  const volumes = (page: Item) => (page.Volumes as Item[] | undefined) ?? [];
  for await (const volume of items(caller, 'DescribeVolumes', { Filters: [{ Name: 'status', Values: ['available'] }] }, volumes)) {
    rows.push({ profile, region, type: 'EBS', id: text(volume.VolumeId), status: 'unattached', details: `Size:${text(volume.Size)}GB_Created:${text(volume.CreateTime)}` });
  }
  return rows;
}

const THROTTLED_PAUSE_MS = 2000;
const isThrottling = (error: unknown) => /Throttl|RequestLimitExceeded|SlowDown|TooManyRequests/i.test(String((error as { code?: string }).code ?? ''));

export async function auditResources(engine: AuditEngine, options: AuditOptions): Promise<{ rows: AuditRow[]; failures: AuditFailure[] }> {
  const limit = createLimiter(options.concurrency ?? 8);
  const failures: AuditFailure[] = [];
  const perProfile = await Promise.all(options.profiles.map(async (profile) => {
    let regions: string[];
    try {
      const home = options.homeRegion(profile);
      regions = options.regions === 'all' ? await enabledRegions(engine.service(profile, home, 'ec2', options.interaction), home) : options.regions;
    } catch (error) {
      failures.push({ profile, region: options.homeRegion(profile), message: `DescribeRegions: ${(error as Error).message}` });
      return [];
    }
    const perRegion = await Promise.all(regions.map((region) => limit(async () => {
      const caller = engine.service(profile, region, 'ec2', options.interaction);
      // The engine retries throttling within its policy; a region still throttled after that backs
      // off a while longer and is asked once more.
      for (let attempt = 0; ; attempt++) {
        try {
          return await auditRegion(caller, profile, region);
        } catch (error) {
          if (attempt === 0 && isThrottling(error)) {
            await new Promise((resolve) => setTimeout(resolve, THROTTLED_PAUSE_MS));
            continue;
          }
          failures.push({ profile, region, message: (error as Error).message });
          return [];
        }
      }
    })));
    return perRegion.flat();
  }));
  return { rows: perProfile.flat(), failures };
}

/** The enabled regions of the home region's partition (credentials never work across partitions). */
async function enabledRegions(caller: ServiceClient, home: string): Promise<string[]> {
  const answer = await caller.call('DescribeRegions', {});
  return regionsOfPartition(((answer.Regions as Item[] | undefined) ?? []).map((r) => String(r.RegionName)), home);
}
