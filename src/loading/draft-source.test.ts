import 'fake-indexeddb/auto';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { parseIncident, type Incident, type IncidentFile } from '../model/incident';
import { EMPTY_HISTORY } from '../model/draft-history';
import { DRAFT_FORMAT } from '../store/draft-record';
import { appDraftStore } from '../store/draft-store';
import { draftSource, loadDraft, showDraft } from './draft-source';
import { cancelLoad, LoadCancelledError } from './load-cancel';

const file = (n: number, title: string): IncidentFile => ({
  ...generateIncident(n, 3),
  title: { en: title },
});
const shownTitle = (client: QueryClient, id: string) =>
  (client.getQueryData(['incident', draftSource(id)]) as Incident | undefined)?.title;

describe('showDraft', () => {
  beforeEach(() => {
    // A large draft's check takes the page's turns between its steps; in a hidden tab those come at once.
    vi.stubGlobal('document', { visibilityState: 'hidden', documentElement: { lang: 'en' } });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('never replaces a later version with an earlier one whose check ended last', async () => {
    const client = new QueryClient();
    // The first version is large and checked in steps; the second, small, is checked at once and shown first.
    const earlier = showDraft(client, 'order', file(6000, 'Earlier version'));
    const later = showDraft(client, 'order', file(40, 'Later version'));
    await later;
    expect(shownTitle(client, 'order')).toEqual({ en: 'Later version' });
    await earlier;
    expect(shownTitle(client, 'order')).toEqual({ en: 'Later version' });
  });

  it('never replaces a later version with an earlier one whose view was still being prepared', async () => {
    const client = new QueryClient();
    // Taken as checked (a file made a draft), the large version goes straight to its view's preparation in steps.
    const large = file(6000, 'Earlier version');
    const parsed = parseIncident(large);
    if (!parsed.ok) throw new Error('the generated incident does not validate');
    const earlier = showDraft(client, 'prepared', large, { from: parsed.incident });
    const later = showDraft(client, 'prepared', file(40, 'Later version'));
    await later;
    await earlier;
    expect(shownTitle(client, 'prepared')).toEqual({ en: 'Later version' });
  });

  it('leaves a draft whose opening was cancelled unopened, unless asked for after that', async () => {
    const client = new QueryClient();
    const src = draftSource('stopped');
    await client
      .fetchQuery({
        queryKey: ['incident', src],
        queryFn: () => Promise.reject(new LoadCancelledError(src)),
        retry: false,
      })
      .catch(() => undefined);
    await showDraft(client, 'stopped', file(40, 'Stopped draft'), { afterCancel: () => false });
    expect(shownTitle(client, 'stopped')).toBeUndefined();
    expect(client.getQueryState(['incident', src])?.error).toBeInstanceOf(LoadCancelledError);
    await showDraft(client, 'stopped', file(40, 'Stopped draft'));
    expect(shownTitle(client, 'stopped')).toEqual({ en: 'Stopped draft' });
    expect(client.getQueryState(['incident', src])?.error).toBeNull();
  });
});

describe('loadDraft', () => {
  const stored = async (id: string, title: string) => {
    await appDraftStore().put({
      id,
      format: DRAFT_FORMAT,
      doc: { file: file(40, title), added: [] },
      history: EMPTY_HISTORY,
      savedAt: 1,
    });
    return draftSource(id);
  };

  it("opens a stored draft's incident", async () => {
    const src = await stored('kept', 'Kept draft');
    expect((await loadDraft(src)).title).toEqual({ en: 'Kept draft' });
  });

  it('ends at once when Cancel is pressed, saying so, however far it has got', async () => {
    const src = await stored('cancelled', 'Cancelled draft');
    const loading = loadDraft(src);
    cancelLoad(src);
    await expect(loading).rejects.toBeInstanceOf(LoadCancelledError);
    // Its Cancel was for that load alone: the next one opens the draft.
    expect((await loadDraft(src)).title).toEqual({ en: 'Cancelled draft' });
  });

  it('ends with the reason of its own signal, which is not the user cancelling', async () => {
    const src = await stored('dropped', 'Dropped draft');
    const controller = new AbortController();
    const loading = loadDraft(src, controller.signal);
    const reason = new Error('no one is waiting for it');
    controller.abort(reason);
    await expect(loading).rejects.toBe(reason);
  });
});
