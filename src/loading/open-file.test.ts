import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { minimalIncident } from '../model/test-incident';
import { loadIncident } from './incident-query';
import { getLoadProgress } from './load-progress';
import { openFile } from './open-file';

const fileOf = (text: string, name: string) => new File([text], name);

afterEach(() => vi.unstubAllGlobals());

describe('openFile', () => {
  it('opens an incident file under a local src that the incident query then finds', async () => {
    const client = new QueryClient();
    const opened = await openFile(client, fileOf(JSON.stringify(minimalIncident()), 'mine.json'));
    expect(opened).toEqual({ ok: true, src: 'local:mine.json' });
    expect(client.getQueryData(['incident', 'local:mine.json'])).toMatchObject({ id: 'example' });
    expect(getLoadProgress('local:mine.json')).toBeUndefined();
  });

  it('refuses a file over the limit before reading it, in the words a download over the limit gets', async () => {
    const text = JSON.stringify(minimalIncident());
    const opened = await openFile(new QueryClient(), fileOf(text, 'big.json'), undefined, 100);
    vi.stubGlobal('fetch', async () => new Response(text));
    const fetched = await loadIncident('big.json', {
      maxBytes: 100,
      pageUrl: 'https://app.example/',
      allowlist: [],
    }).catch((e: { problems: unknown }) => e.problems);
    expect(!opened.ok && opened.problems).toEqual([
      {
        path: 'big.json: (file)',
        message: expect.stringMatching(/; the limit is 100 bytes$/),
        code: 'file-too-large',
        params: { size: expect.any(Number), limit: 100 },
      },
    ]);
    expect(fetched).toEqual(!opened.ok && opened.problems);
  });
});
