// The page's open draft: one session per draft id, made once (StrictMode's second mount must not ask for the lock again).
import { EMPTY_HISTORY } from '../model/draft-history';
import type { DraftDoc } from '../model/draft';
import { DRAFT_FORMAT } from './draft-record';
import { DraftSession } from './draft-session';
import { draftAdmin, type DraftAdmin } from './draft-admin';
import { appDraftStore } from './draft-store';

let current: DraftSession | undefined;

const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
const channel =
  typeof BroadcastChannel === 'undefined'
    ? undefined
    : (name: string) => new BroadcastChannel(name);

// Unavailable (storage blocked for the site) it is left out, and a reload relies on the database's write alone.
const rescue = (() => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
})();

function make(id: string): DraftSession {
  return new DraftSession(id, appDraftStore(), { locks, channel, rescue });
}

/** The session of draft `id`, opened from storage on first use; another draft's session is closed. */
export function sessionFor(id: string): DraftSession {
  if (current?.id === id) return current;
  current?.close();
  current = make(id);
  void current.open();
  return current;
}

/** A new draft holding `doc`, written at once; returns its id for the URL. */
export function createDraft(doc: DraftDoc): string {
  const id = crypto.randomUUID().slice(0, 8);
  current?.close();
  current = make(id);
  void current.open({ id, format: DRAFT_FORMAT, doc, history: EMPTY_HISTORY, savedAt: Date.now() });
  return id;
}

let admin: DraftAdmin | undefined;

/** The drafts list's operations on this page's store, aware of the open draft and of other tabs. */
export function appDraftAdmin(): DraftAdmin {
  admin ??= draftAdmin({
    store: appDraftStore(),
    locks,
    channel,
    rescue,
    open: () => current,
    closeOpen: () => {
      current?.close();
      current = undefined;
    },
  });
  return admin;
}
