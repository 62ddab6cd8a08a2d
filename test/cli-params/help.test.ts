// Help text: readable listings built from the models.
import { describe, expect, it } from 'vitest';
import { loadService } from '../../src/engine/models/loader.js';
import { operationHelp, serviceHelp, topLevelHelp } from '../../src/cli/help/index.js';

describe('help', () => {
  it('lists services and global options', () => {
    const text = topLevelHelp();
    expect(text).toContain('  --no-paginate');
    expect(text).toMatch(/\bs3api\b/);
    expect(text).toMatch(/\bec2\b/);
  });

  it('lists operations in CLI names', () => {
    const text = serviceHelp(loadService('s3api'));
    expect(text).toContain('  list-objects-v2  (paginated)');
    expect(text).toContain('  put-object\n');
  });

  it('shows every visible parameter with type, requiredness, enums and shorthand', () => {
    const text = operationHelp(loadService('ec2'), 'describe-instances');
    expect(text).toContain('[--filters <value>]');
    expect(text).toContain('[--dry-run | --no-dry-run]');
    expect(text).toContain('--filters (list, optional)');
    expect(text).toContain('--instance-ids (list of string, optional)');
    expect(text).toContain('Shorthand: Name=string,Values=string,string ...');
    // The service's own paging parameters work but are hidden.
    expect(text).not.toContain('--next-token (');
    expect(text).toContain('[--max-items <value>]');
    const put = operationHelp(loadService('s3api'), 'put-object');
    expect(put).toContain('    --bucket <value>');
    expect(put).toContain('--bucket (string, required)');
    expect(put).toContain('--acl (string, optional)');
  });
});
