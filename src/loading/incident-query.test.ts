import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { capProblems } from '../model/problems';
import { minimalIncident } from '../model/test-incident';
import { IncidentFileError, LOCAL_FILE_GONE, loadIncident } from './incident-query';
import { cancelLoad, LoadCancelledError } from './load-cancel';
import { getLoadProgress } from './load-progress';

const PAGE = 'https://timeline.example.org/';
const body = JSON.stringify(minimalIncident());

function serve(text: string, headers: Record<string, string> = {}) {
  const fetch = vi.fn(async () => new Response(text, { headers }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('loadIncident', () => {
  it('loads a same-origin file', async () => {
    serve(body);
    const incident = await loadIncident('data/a.json', { pageUrl: PAGE, allowlist: [] });
    expect(incident.events).toHaveLength(2);
  });

  it.each([
    'javascript:window.__pwned=1',
    'data:application/json,{}',
    'https://evil.example.net/a.json',
  ])('refuses %s without fetching it', async (src) => {
    const fetch = serve(body);
    await expect(loadIncident(src, { pageUrl: PAGE, allowlist: [] })).rejects.toThrow(
      /^Refused to load/,
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fetches the checked address without following redirects', async () => {
    const fetch = serve(body);
    await loadIncident('data/a.json', { pageUrl: 'https://team.github.io/tl/', allowlist: [] });
    expect(fetch).toHaveBeenCalledWith('https://team.github.io/tl/data/a.json', {
      signal: undefined,
      redirect: 'manual',
    });
  });

  it.each([
    [
      'a redirect response',
      () =>
        new Response(null, {
          status: 302,
          headers: { location: 'https://evil.example.net/a.json' },
        }),
    ],
    // What a browser hands back for `redirect: 'manual'`: status 0, no headers, no body.
    [
      'an opaque redirect',
      () => ({ type: 'opaqueredirect', status: 0, ok: false, body: null }) as unknown as Response,
    ],
  ])('refuses %s with a message saying so', async (_, response) => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => response()),
    );
    await expect(loadIncident('data/a.json', { pageUrl: PAGE, allowlist: [] })).rejects.toThrow(
      'Refused to load "data/a.json": the server redirects it to another address, and redirects are not followed',
    );
  });

  it('shows a fixed message for a local file that is not in memory, never the text of the link', async () => {
    const fetch = serve(body);
    const error = await loadIncident('local:Call +1 555 0100 to restore your account', {
      pageUrl: PAGE,
      allowlist: [],
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(LOCAL_FILE_GONE);
    expect((error as Error).message).not.toContain('555');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fetches an allowlisted origin', async () => {
    serve(body);
    await expect(
      loadIncident('https://incidents.example.com/a.json', {
        pageUrl: PAGE,
        allowlist: ['https://incidents.example.com'],
      }),
    ).resolves.toBeTruthy();
  });

  it('refuses a file over the configured limit, from its declared size before reading it', async () => {
    serve(body, { 'content-length': String(body.length) });
    const error = await loadIncident('a.json', {
      pageUrl: PAGE,
      allowlist: [],
      maxBytes: 100,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncidentFileError);
    expect((error as IncidentFileError).problems[0]!.message).toMatch(
      /the file is \d+\.\d KiB; the limit is 100 bytes/,
    );
  });

  it('refuses a file over the configured limit that did not declare its size', async () => {
    serve(body);
    const error = await loadIncident('a.json', {
      pageUrl: PAGE,
      allowlist: [],
      maxBytes: 100,
    }).catch((e: unknown) => e);
    expect((error as IncidentFileError).problems).toEqual([
      {
        path: 'a.json: (file)',
        message: expect.stringMatching(/limit is 100 bytes/),
        code: 'file-too-large',
        params: { size: body.length, limit: 100 },
      },
    ]);
  });
});

describe('IncidentFileError', () => {
  it('counts the problems a capped list left out', () => {
    const problems = capProblems(
      Array.from({ length: 250 }, (_, i) => ({
        path: `events[${i}].phase`,
        message: 'unknown phase',
      })),
      'big.json: (file)',
    );
    expect(problems).toHaveLength(101);
    expect(new IncidentFileError('big.json', problems).message).toBe(
      'big.json is not a valid incident file (250 problems)',
    );
  });

  it('stops a download when cancelled, with an error that says so, and clears its progress', async () => {
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new Uint8Array(1000)),
      pull: () => new Promise(() => undefined),
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(body, { headers: { 'content-length': '5000' } })),
    );
    const loading = loadIncident('data/slow.json', { pageUrl: PAGE, allowlist: [] });
    await vi.waitFor(() =>
      expect(getLoadProgress('data/slow.json')).toEqual({
        stage: 'downloading',
        received: 1000,
        total: 5000,
      }),
    );
    cancelLoad('data/slow.json');
    await expect(loading).rejects.toBeInstanceOf(LoadCancelledError);
    expect(getLoadProgress('data/slow.json')).toBeUndefined();
  });
});

describe('the parse worker started from the response size', () => {
  class RecordedWorker {
    static made: RecordedWorker[] = [];
    onmessage = null;
    onerror = null;
    onmessageerror = null;
    terminated = false;
    constructor() {
      RecordedWorker.made.push(this);
    }
    postMessage() {}
    terminate() {
      this.terminated = true;
    }
  }

  /** A response that declares its size in `headers`, then breaks off before the first byte. */
  function brokenDownload(headers: Record<string, string>) {
    const stream = new ReadableStream({
      pull: (controller) => controller.error(new Error('connection reset')),
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(stream, { headers })),
    );
  }

  const load = () => loadIncident('data/big.json', { pageUrl: PAGE, allowlist: [] });
  const threeMiB = String(3 * 1024 * 1024);

  beforeEach(() => {
    RecordedWorker.made = [];
    vi.stubGlobal('Worker', RecordedWorker);
  });

  it('starts while a file of 2 MiB or more downloads, and ends when the download fails', async () => {
    brokenDownload({ 'content-length': threeMiB });
    await expect(load()).rejects.toThrow();
    expect(RecordedWorker.made).toHaveLength(1);
    expect(RecordedWorker.made[0]!.terminated).toBe(true);
  });

  it('does not start for a compressed response, whose declared size is not the file size', async () => {
    brokenDownload({ 'content-length': threeMiB, 'content-encoding': 'gzip' });
    await expect(load()).rejects.toThrow();
    expect(RecordedWorker.made).toHaveLength(0);
  });

  it('does not start for a small file, which the page checks', async () => {
    serve(body, { 'content-length': String(body.length) });
    expect((await load()).events).toHaveLength(2);
    expect(RecordedWorker.made).toHaveLength(0);
  });
});
