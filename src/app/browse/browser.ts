// The resource browser's model: listings by (profile, region, view, scope), kept after you go back
// so a view opened again shows its rows at once (R reloads); details fetched for a row; the
// sign-in a listing needs goes through the dashboard (SSO login modal, MFA modal).
import type { ResourceDescriptor, Scope, Where } from '../../../services/types.js';
import { regionsOfPartition } from '../../../services/format.js';
import { resourceViews } from '../../../services/index.js';
import type { Dashboard } from '../dashboard-model.js';
import { writeExport, type ExportFormat } from './export.js';
import { followFeed, startFollow, type Follower } from './follow.js';
import { stateLabel, type IdentityState } from '../identity-state.js';
import { ALL_REGIONS, PROFILE_COLUMNS, REGION_COLUMN, startFanOut, type FanOutPart, type Gate } from './fan-out.js';
import { startListing, type Listing } from './listing.js';
import { reloadKeepingRows } from './reload.js';

export interface ListingRequest {
  descriptor: ResourceDescriptor;
  scope: Scope;
  profile: string;
  region: string;
  /** The descriptor's flat variant (every key under an S3 prefix). */
  flat?: boolean;
  /** The profiles picked on the home: the view lists across them (`profile` is then only the session's). */
  profiles?: string[];
}

/** Cached listings; the oldest beyond this are dropped (their rows freed). */
const KEEP_LISTINGS = 16;

export function listingParams(request: ListingRequest): Record<string, unknown> {
  const { descriptor, scope, flat } = request;
  return (flat && descriptor.flat ? descriptor.flat(scope) : descriptor.params?.(scope)) ?? {};
}

const keyOf = (r: ListingRequest) => JSON.stringify([r.profiles ?? r.profile, r.region, r.descriptor.id, r.scope, Boolean(r.flat), listingParams(r)]);

/** A valid identity not past its expiry: what a picked profile's Account column is taken from. */
const usable = (state: IdentityState | undefined) => state?.status === 'valid' && (state.identity?.expiresAt?.getTime() ?? Infinity) > Date.now();

export function createBrowser(dashboard: Dashboard, options: { cwd: string }) {
  const listings = new Map<string, Listing>();

  /** `gate` holds the first request back (a fanned-out view opens a few places at a time). */
  function start(request: ListingRequest, gate?: Gate): Listing {
    const { descriptor, profile, region } = request;
    if (request.profiles?.length) return acrossProfiles(request, gate);
    if (region === ALL_REGIONS) return fanOut(request, gate);
    const params = listingParams(request);
    return startListing({
      items: descriptor.items,
      columns: descriptor.columns,
      scope: request.scope,
      open: () => (gate ?? ((open) => open()))(() => dashboard.withSignIn(profile, async (interaction) => {
        if (descriptor.compute) {
          const client = (where: string, service: string) => dashboard.engine.service(profile, where, service, interaction);
          const page = await descriptor.compute({ profile, region, client }, request.scope);
          return { feed: { resultKeys: [], pages: (async function* none() {})() }, first: { done: false as const, value: page } };
        }
        const caller = dashboard.engine.service(profile, region, descriptor.service, interaction);
        const feed = descriptor.follow
          ? followFeed((p) => caller.call(descriptor.operation, p), params, descriptor.follow, descriptor.items)
          : caller.pages(descriptor.operation, params);
        const first = await feed.pages.next();
        return { feed, first };
      })),
    });
  }

  /** `:<view> all`: the view in every enabled region of the partition, DescribeRegions asked in the session's region. */
  function fanOut(request: ListingRequest, gate?: Gate): Listing {
    const home = dashboard.session.get().region ?? 'us-east-1';
    return startFanOut({
      lead: [REGION_COLUMN], columns: request.descriptor.columns, noun: 'regions', gate,
      parts: async () => {
        const answer = await callOnce(request.profile, home, 'ec2', 'DescribeRegions', {}) as { Regions?: Array<{ RegionName?: string }> };
        const regions = regionsOfPartition((answer.Regions ?? []).map((r) => String(r.RegionName)), home);
        return { parts: regions.map((region) => ({ key: region, values: [region], where: { region } })) };
      },
      listingIn: (part, inner) => start({ ...request, region: part.where.region! }, inner),
    });
  }

  /**
   * The view across the profiles picked on the home, with their accounts (GetCallerIdentity, kept
   * with the home's identities for the session). A profile that cannot sign in without the person
   * (needs MFA or an SSO login, expired, no credentials) is one problem line; it is not prompted for.
   */
  function acrossProfiles(request: ListingRequest, gate?: Gate): Listing {
    const all = request.region === ALL_REGIONS;
    return startFanOut({
      lead: PROFILE_COLUMNS, columns: all ? [REGION_COLUMN, ...request.descriptor.columns] : request.descriptor.columns, noun: 'profiles', gate,
      parts: async () => {
        const names = request.profiles!;
        const states = await Promise.all(names.map(async (name) => {
          const known = dashboard.profiles.get().identities[name];
          return usable(known) ? known : dashboard.check(name);
        }));
        const parts: FanOutPart[] = [];
        const problems: string[] = [];
        names.forEach((name, i) => {
          const state = states[i];
          const account = state.identity?.account ?? '';
          if (usable(state)) parts.push({ key: name, values: [name, account], where: { profile: name, account, ...(all ? {} : { region: request.region }) } });
          else problems.push(`${name}: ${stateLabel(state, Date.now())}${state.message && state.status !== 'error' ? ` (${state.message})` : ''}`);
        });
        return { parts, problems };
      },
      listingIn: (part, inner) => start({ ...request, profiles: undefined, profile: part.where.profile! }, inner),
    });
  }

  /** The listing for this request: the kept one, or a new one (`reload` always starts again). */
  function listing(request: ListingRequest, reload = false): Listing {
    const key = keyOf(request);
    let existing = listings.get(key);
    let earlier: Listing | undefined;
    if (existing && (reload || existing.state.get().status === 'error')) {
      existing.stop();
      if (existing.rows.length) earlier = existing;
      existing = undefined;
    }
    if (existing) {
      // Most recently used goes last.
      listings.delete(key);
      listings.set(key, existing);
      return existing;
    }
    const started = start(request);
    const created = earlier ? reloadKeepingRows(earlier, started) : started;
    listings.set(key, created);
    void created.finished.then(() => {
      const { status, error } = created.state.get();
      if (status === 'error') dashboard.errors.record(error, request.profile);
    });
    while (listings.size > KEEP_LISTINGS) {
      const oldest = listings.keys().next().value as string;
      listings.get(oldest)?.stop();
      listings.delete(oldest);
    }
    return created;
  }

  /** `d`: the row's object, or the descriptor's calls for it merged (optional ones may fail). */
  async function detail(request: ListingRequest, item: Record<string, unknown>): Promise<unknown> {
    const { descriptor, profile, region, scope } = request;
    if (descriptor.detail === 'row') return item;
    const calls = descriptor.detail(item, scope);
    if (calls.length === 0) return item;
    const result: Record<string, unknown> = {};
    await dashboard.withSignIn(profile, async (interaction) => {
      for (const call of calls) {
        try {
          const response = await dashboard.engine.service(profile, region, call.service, interaction).call(call.operation, call.params);
          delete response.ResponseMetadata;
          const value = call.present ? call.present(response) : call.pick ? response[call.pick] : response;
          if (call.key) result[call.key] = value;
          else Object.assign(result, value);
        } catch (error) {
          if (!call.optional) throw error;
          if (call.key) result[call.key] = `(not available: ${(error as Error).message})`;
        }
      }
    });
    return result;
  }

  /** A single call's result shown as a detail (a palette operation without a paginator). */
  function callOnce(profile: string, region: string, service: string, operation: string, params: Record<string, unknown>): Promise<unknown> {
    return dashboard.withSignIn(profile, async (interaction) => {
      const response = await dashboard.engine.service(profile, region, service, interaction).call(operation, params);
      delete response.ResponseMetadata;
      return response;
    });
  }

  /** Keeps asking for what comes after a complete listing of a followed view (a log stream's new events). */
  function follow(request: ListingRequest, listing: Listing, onError: (error: unknown) => void): Follower | undefined {
    const { descriptor, profile, region } = request;
    const spec = descriptor.follow;
    if (!spec) return undefined;
    const params = listingParams(request);
    return startFollow({
      listing, everyMs: spec.everyMs,
      // Kept with the other failures (`!`), as a failed listing is.
      onError: (error) => { dashboard.errors.record(error, profile); onError(error); },
      next: (last) => spec.next(params, last),
      call: (request) => dashboard.withSignIn(profile, (interaction) =>
        dashboard.engine.service(profile, region, descriptor.service, interaction).call(descriptor.operation, request)),
    });
  }

  /** What ARNs and console links of this request need. */
  function where(request: ListingRequest): Where {
    const identity = dashboard.profiles.get().identities[request.profile]?.identity;
    return { region: request.region, account: identity?.account, scope: request.scope };
  }

  /** Writes rows as shown to a file in the folder awsdeck started in; returns its path. */
  function exportRows(viewId: string, format: ExportFormat, titles: string[], rows: unknown[][]): string {
    return writeExport(options.cwd, viewId, format, titles, rows);
  }

  /**
   * Loads the views' service models while the person types in the palette, one per idle turn of
   * the event loop, so the Enter that opens a view does not wait for its model to be read.
   */
  function prepare(): void {
    if (prepared) return;
    prepared = true;
    const services = [...new Set(resourceViews.map((view) => view.service))];
    const next = () => {
      const service = services.shift();
      if (service === undefined) return;
      dashboard.engine.prepare(service);
      setTimeout(next, 0);
    };
    setTimeout(next, 50);
  }
  let prepared = false;

  return { listing, detail, callOnce, follow, where, exportRows, prepare };
}

export type Browser = ReturnType<typeof createBrowser>;
