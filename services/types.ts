// The one small interface every resource view is written in. A view is data: which operation lists
// it, how a page becomes rows, what Enter and `d` open. The generic view (components/ResourceView)
// renders any descriptor; nothing view-specific lives in components/.

/** What a parent row hands to the view it opens (a bucket name, a prefix, a stack name). */
export type Scope = Record<string, string>;

export interface ColumnSpec {
  /** Also the name used by `column:value` filters (matched case-insensitively, prefix allowed). */
  id: string;
  title: string;
  /** JMESPath over one item. The same expression goes into "show as CLI"'s `--query`. */
  path: string;
  /** Never narrower than this (cells). */
  min: number;
  max?: number;
  grow?: number;
  align?: 'left' | 'right';
  /** How a value is shown (bytes, names relative to the prefix); the raw value still sorts and exports. */
  format?: (value: unknown, scope: Scope) => string;
}

/** A view opened from a row. `region`: where it lives when not the parent's region (a bucket's own). */
export interface ChildView { view: string; scope: Scope; label: string; region?: string }

/** The view Enter opens for a row, or the row's detail. */
export type Child = ChildView | { detail: true };

export interface FollowSpec {
  /** The request for what came after `last` (the previous response), from the first request's params. */
  next: (params: Record<string, unknown>, last: Record<string, unknown>) => Record<string, unknown>;
  /** The wait between requests once caught up (ms). */
  everyMs: number;
}

export interface DetailCall {
  service: string;
  operation: string;
  params: Record<string, unknown>;
  /** Where the call's result goes in the detail (`Tags` for GetObjectTagging's TagSet); default: merged in. */
  key?: string;
  /** The result member to show (`TagSet`); default the whole result. */
  pick?: string;
  /** A failure here is shown inside the detail instead of failing it (tags you may not read). */
  optional?: boolean;
  /** Turns the result into what is shown (an object's first bytes into its text preview). */
  present?: (result: Record<string, unknown>) => unknown;
}

/** A client for one service in one region, as a computed view sees it. */
export interface ServiceClient {
  call(operation: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
  pages(operation: string, params: Record<string, unknown>): { resultKeys: string[]; pages: AsyncIterator<Record<string, unknown>> };
}

/** What a computed view may ask for: clients of the profile it is opened with, in any region. */
export interface ComputeSource {
  profile: string;
  region: string;
  client(region: string, service: string): ServiceClient;
}

export interface ResourceDescriptor {
  /** Unique id, e.g. `ec2.instances`. */
  id: string;
  title: string;
  /** Palette words (`:ec2`, `:instances`); the first is how the view is named in the palette. */
  aliases: string[];
  /** The CLI's service name (`ec2`, `s3api`). */
  service: string;
  /** The model's operation name (`DescribeInstances`). */
  operation: string;
  /** Request parameters for this scope. */
  params?: (scope: Scope) => Record<string, unknown>;
  /**
   * A view made of several calls (the audit: every region's instances and volumes): its one page is
   * computed here instead of listing `operation`, which then only names what it is about.
   */
  compute?: (source: ComputeSource, scope: Scope) => Promise<Record<string, unknown>>;
  /**
   * JMESPath from one page (or the merged listing) to its items: the paginator's result key,
   * flattened. Several sources are listed in order (S3 folders before objects), as the CLI's
   * merged result orders them.
   */
  items: string[];
  columns: ColumnSpec[];
  /** Paths over one item for its id and name; the ARN may need the scope (region, account). */
  identity: { id: string; name?: string; arn?: (item: Record<string, unknown>, where: Where) => string | undefined };
  /** `d`: the row's own object, or calls made for the selected row and merged. */
  detail: 'row' | ((item: Record<string, unknown>, scope: Scope) => DetailCall[]);
  /** Enter: the view it opens, or the detail. Absent: Enter opens the detail. */
  child?: (item: Record<string, unknown>, scope: Scope) => Child | undefined;
  /** A second view of the row, opened with its own key (a stack's events, beside its resources). */
  related?: (item: Record<string, unknown>, scope: Scope) => ChildView | undefined;
  consoleUrl?: (item: Record<string, unknown>, where: Where) => string | undefined;
  /** Listed the same from every region (S3 buckets): the header then says `global`. */
  global?: boolean;
  /** Breadcrumb text for a scope (`my-bucket/photos/`); default the title. */
  label?: (scope: Scope) => string;
  /** A flat variant of this view (S3: every key under the prefix, no delimiter), toggled with a key. */
  flat?: (scope: Scope) => Record<string, unknown>;
  /**
   * A log-like listing that grows at its end. Listed by asking `next` until a response adds no
   * rows (the CLI's paginator would stop on the repeated token with an error); following keeps asking.
   */
  follow?: FollowSpec;
  /** A row's colour from its state (running green, stopped dim): a theme token name. */
  tone?: (item: Record<string, unknown>) => 'ok' | 'warn' | 'danger' | 'muted' | undefined;
  /** Actions on the selected row or the rows picked with space: keys, palette commands, `?`. */
  actions?: RowAction[];
  /** Work beyond one call (S3 downloads, uploads, deletes), carried out by the app's task of that name. */
  tasks?: ViewTask[];
}

/**
 * An action the app carries out itself (src/app/browse/tasks): it may ask for a folder or a name,
 * run many requests, show progress. Declared here so keys, palette, `?` and read-only mode know it.
 */
export interface ViewTask {
  /** Palette command and registry id suffix: `download` → `:download`, `s3.objects.download`. */
  command: string;
  keys: string[];
  description: string;
  /** The implementation's name (`s3.download`). */
  task: string;
  /** Changes something in AWS: hidden in read-only mode, confirmed, written to the audit log. */
  mutates: boolean;
  /** Works on the selected or picked rows; otherwise on the view itself (upload here, create a bucket). */
  onRows: boolean;
}

/** Where a view is looked at: what ARNs and console links need. */
export interface Where {
  region: string;
  account?: string;
  scope: Scope;
}

/**
 * Something done to rows (stop these instances). One call for all the rows it applies to; every
 * row action mutates, so read-only mode hides it, and it always asks first.
 */
export interface RowAction {
  /** Palette command and registry id suffix: `stop` → `:stop`, `ec2.instances.stop`. */
  command: string;
  keys: string[];
  /** `stop`: says what happens, in the confirmation as well (`Stop 2 instances`). */
  description: string;
  /** Rows it can act on now (stop: running or pending ones); the others are left out and said so. */
  appliesTo?: (item: Record<string, unknown>) => boolean;
  call: (items: Array<Record<string, unknown>>, scope: Scope) => { service: string; operation: string; params: Record<string, unknown> };
  /** Sent with `DryRun: true` first: a refusal is shown (decoded) before anything is asked. */
  dryRun?: boolean;
  /** The confirmation wants the row's id or name typed (terminate), not just `y`. */
  typeToConfirm?: boolean;
  /** After the call, the rows are listed again until this holds for every acted-on row. */
  settled?: (item: Record<string, unknown>) => boolean;
}
