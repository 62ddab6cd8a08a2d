// S3 actions in `awsdeck --demo` in a real terminal (tmux, CI=false, the bundle): download an object
// and compare its bytes with the sandbox's (the ETag its HeadObject shows is their MD5), upload a
// file and see it listed, delete it after y, and --read-only without the keys that change S3.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundle, startInTmux, type TmuxApp } from '../support/tmux-app.js';

let app: TmuxApp | undefined;
afterEach(() => { app?.kill(); app = undefined; });

function startDemo(name: string, cwd: string, flags = '', size = { width: 120, height: 32 }): TmuxApp {
  const home = mkdtempSync(join(cwd, 'home-'));
  return startInTmux(name, `node ${bundle} --demo ${flags}`, { CI: 'false', TERM: 'xterm-256color', HOME: home, TMPDIR: cwd, AWS_EC2_METADATA_DISABLED: 'true' }, size, cwd);
}

async function openAssets(app: TmuxApp) {
  await app.waitForPane((t) => /demo\s+static keys\s+valid/.test(t), 'the demo home');
  app.palette('s3');
  await app.waitForPane((t) => t.includes('awsdeck-demo-dev-assets'), 'the buckets');
  app.press('Enter');
  await app.waitForPane((t) => /index\.html\s+74 B/.test(t), 'the bucket\'s objects');
}

describe('S3 actions in awsdeck --demo', () => {
  it('D downloads index.html into the folder typed, byte for byte the sandbox object; u uploads a file, ^d deletes it after y', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'awsdeck-s3-e2e-'));
    writeFileSync(join(cwd, 'hello-upload.txt'), 'uploaded from the e2e test\n');
    app = startDemo('s3actions', cwd);
    await openAssets(app);
    app.press('G');
    // The sandbox's own account of the object: HeadObject's ETag (the MD5 of its bytes).
    app.press('d');
    const detail = await app.waitForPane((t) => /ETag: '"[0-9a-f]{32}"'/.test(t), 'the object detail');
    const etag = /ETag: '"([0-9a-f]{32})"'/.exec(detail)![1];
    expect(detail).toContain('Preview:');
    expect(detail).toContain('Hello from the sandbox');
    app.press('Escape');
    await app.waitForPane((t) => /index\.html\s+74 B/.test(t) && !t.includes('ETag'), 'back in the objects');

    app.press('D');
    await app.waitForPane((t) => t.includes('Download index.html from s3://awsdeck-demo-dev-assets'), 'the folder prompt');
    app.press('C-u');
    app.type('downloads');
    app.press('Enter');
    await app.waitForPane((t) => t.includes('✓ download: 1 object downloaded'), 'the download done');
    const bytes = readFileSync(join(cwd, 'downloads', 'index.html'));
    expect(createHash('md5').update(bytes).digest('hex')).toBe(etag);
    expect(bytes.toString()).toContain('<h1>Hello from the sandbox</h1>');

    app.press('u');
    await app.waitForPane((t) => t.includes('Upload to s3://awsdeck-demo-dev-assets/'), 'the upload prompt');
    app.type('/hello-upload.txt');
    app.press('Enter');
    await app.waitForPane((t) => t.includes('y go ahead') && t.includes('Upload hello-upload.txt (27 B)'), 'the upload confirmation');
    app.press('y');
    await app.waitForPane((t) => /hello-upload\.txt\s+27 B/.test(t) && t.includes('✓ upload: 1 object uploaded'), 'the uploaded file listed');

    app.press('/');
    app.type('hello-upload');
    app.press('Enter');
    await app.waitForPane((t) => /1\/\d+ rows/.test(t), 'the filtered row');
    app.press('C-d');
    const confirm = await app.waitForPane((t) => t.includes('y go ahead'), 'the delete confirmation');
    expect(confirm).toContain('Delete hello-upload.txt from s3://awsdeck-demo-dev-assets (demo, us-east-1)');
    app.press('y');
    await app.waitForPane((t) => t.includes('✓ delete: 1 object deleted') && !/hello-upload\.txt\s+27 B/.test(t), 'the object gone');
  });

  it('--read-only: download and presign stay, upload, delete and create bucket are not in ? and do nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'awsdeck-s3-e2e-ro-'));
    // Tall enough for `?` to list every key of the view without scrolling.
    app = startDemo('s3readonly', cwd, '--read-only', { width: 120, height: 60 });
    await openAssets(app);
    app.press('?');
    const help = await app.waitForPane((t) => t.includes('Keys (some depend'), 'help');
    expect(help).toContain('download objects / prefixes to a folder');
    expect(help).toContain('presigned URL (copied)');
    expect(help).not.toMatch(/upload a file|delete objects|create bucket/);
    app.press('Escape');
    await app.waitForPane((t) => !t.includes('Keys (some depend'), 'help closed');
    app.press('u');
    app.press('C-d');
    app.palette('delete');
    await app.waitForPane((t) => t.includes('not available in read-only mode'), 'the palette refusal');
    expect(app.pane()).not.toMatch(/Upload to|y go ahead/);
  });
});
