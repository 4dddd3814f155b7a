/** `npm run data` with DATA_DOWNLOAD=1: a file that cannot be fetched stops the run with its own message and exit code, never "bad input". */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFiles, type FileServer } from './file-server.ts';

const ROOT = join(import.meta.dirname, '../../..');
let dir: string;
let server: FileServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'download-cli-'));
  server = await serveFiles(() => undefined);
  const entry = {
    id: 'cla-ees-2025',
    family: 'cla',
    title: 'Children looked after, a test entry',
    publisher: 'Department for Education',
    landingUrl: 'https://explore-education-statistics.service.gov.uk/',
    licence: 'OGL-3.0',
    release: '2025',
    path: 'dfe/cla/test.csv',
    downloadUrl: 'https://files.example.org/dfe/cla/test.csv',
    sha256: '0'.repeat(64),
  };
  await writeFile(join(dir, 'sources.json'), JSON.stringify({ sources: [entry] }));
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a download that fails, from the command line', () => {
  it('exits 3 and names the source and the address; the words "bad input" do not appear', async () => {
    const env = {
      ...process.env,
      DATA_MANIFEST: join(dir, 'sources.json'),
      DATA_RAW_DIR: join(dir, 'raw'),
      DATA_CACHE_DIR: join(dir, 'cache'),
      DATA_OUTPUT_DIR: join(dir, 'out'),
      DATA_DOWNLOAD: '1',
      DATA_DOWNLOAD_BASE: server.url,
      DATA_UPDATE: '',
    };
    const res = await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/data/cli.ts'], { cwd: ROOT, env }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('✗ The data pipeline stopped: a source file could not be had (the data were not read).');
    expect(res.stderr).toContain(
      `source cla-ees-2025, file dfe/cla/test.csv: the file could not be downloaded from ${server.url}/files.example.org/dfe/cla/test.csv: the server answered HTTP 404 Not Found`,
    );
    expect(res.stderr).not.toContain('bad input');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});
