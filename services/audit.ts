// `:audit`: the `awsdeck audit` rows in a view — every instance and unattached volume in every
// enabled region of the profile's partition, one row each, computed from several calls per region.
import { auditResources } from '../src/app/audit.js';
import { ec2Console } from './ec2.js';
import type { ResourceDescriptor } from './types.js';

/** The audit never prompts by itself: a profile that needs MFA or a sign-in is asked by the view. */
const noPrompts = { mfaCode: async () => { throw new Error('an MFA code is needed: open a view of this profile first'); }, onDeviceCode: () => undefined };

export const audit: ResourceDescriptor = {
  id: 'audit',
  title: 'Audit: instances and unattached volumes, every region',
  aliases: ['audit'],
  service: 'ec2',
  operation: 'DescribeInstances',
  items: ['Rows[]'],
  columns: [
    { id: 'region', title: 'Region', path: 'Region', min: 9 },
    { id: 'type', title: 'ResourceType', path: 'ResourceType', min: 4 },
    { id: 'id', title: 'ResourceID', path: 'ResourceID', min: 12 },
    { id: 'status', title: 'Status', path: 'Status', min: 7 },
    { id: 'details', title: 'Details', path: 'Details', min: 10, grow: 1 },
  ],
  identity: { id: 'ResourceID' },
  detail: 'row',
  // An instance's or volume's own page, in the row's region (a failed region's row has none).
  consoleUrl: (item, where) => {
    const page = item.ResourceType === 'EC2' ? `InstanceDetails:instanceId=${String(item.ResourceID)}`
      : item.ResourceType === 'EBS' ? `VolumeDetails:volumeId=${String(item.ResourceID)}` : undefined;
    return page ? ec2Console(() => page)(item, { ...where, region: String(item.Region) }) : undefined;
  },
  tone: (item) => (item.Status === 'running' ? 'ok' : item.Status === 'unattached' ? 'warn' : item.Status === 'failed' ? 'danger' : undefined),
  async compute(source) {
    const { rows, failures } = await auditResources({ service: (_profile, region, service) => source.client(region, service) }, {
      profiles: [source.profile], regions: 'all', homeRegion: () => source.region, interaction: noPrompts,
    });
    return {
      Rows: [
        ...rows.map((r) => ({ Region: r.region, ResourceType: r.type, ResourceID: r.id, Status: r.status, Details: r.details })),
        // A region that failed is a row of its own: the others still count.
        ...failures.map((f) => ({ Region: f.region, ResourceType: '-', ResourceID: '-', Status: 'failed', Details: f.message })),
      ],
    };
  },
};
