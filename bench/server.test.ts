import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from './server';

const dir = mkdtempSync(join(tmpdir(), 'bench-server-'));
const body = Buffer.alloc(2 * 1024 * 1024, 7);
writeFileSync(join(dir, 'data.json'), body);
const servers: { close(): void }[] = [];
afterAll(() => servers.forEach((s) => s.close()));

describe('serveStatic', () => {
  it('sends a paced file whole, no faster than its pace after the first burst', async () => {
    // 2 MiB at 8 MiB/s, less a first burst of 256 KiB: at least 219 ms.
    const { url, server } = await serveStatic(
      { '/data/': dir },
      { prefix: '/data/', bytesPerSecond: 8 * 1024 * 1024 },
    );
    servers.push(server);
    const started = performance.now();
    const response = await fetch(`${url}/data/data.json`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(performance.now() - started).toBeGreaterThanOrEqual(210);
    expect(response.headers.get('content-length')).toBe(String(body.length));
    expect(Buffer.from(bytes).equals(body)).toBe(true);
  });

  it('sends files outside the paced prefix at once', async () => {
    const { url, server } = await serveStatic(
      { '/data/': dir, '/other/': dir },
      { prefix: '/data/', bytesPerSecond: 1024 },
    );
    servers.push(server);
    const bytes = new Uint8Array(await (await fetch(`${url}/other/data.json`)).arrayBuffer());
    expect(bytes.length).toBe(body.length);
  });
});
