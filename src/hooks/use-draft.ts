import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { openingCancelled, showDraft } from '../loading/draft-source';
import { EMPTY_HISTORY } from '../model/draft-history';
import type { SessionState } from '../store/draft-session';
import { sessionFor } from '../store/draft-sessions';
import { writePending } from './pending-edits';

/** How long the chart waits after the last change to a draft before it shows it. */
export const SHOW_AFTER_MS = 250;
const NONE: SessionState = { history: EMPTY_HISTORY, status: { kind: 'loading' } };
const noSubscribe = () => () => {};
const none = () => NONE;

/**
 * The open draft named in the URL: its state, saved on leaving the page, and shown by the incident query; out of
 * the editor (`editing`), not once its opening was cancelled, until Edit asks for it.
 */
export function useDraft(id: string | undefined, editing: boolean) {
  const session = id === undefined ? undefined : sessionFor(id);
  const state = useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.snapshot ?? none);
  const client = useQueryClient();
  const file = state.doc?.file;
  const typing = state.typing === true;
  const shownOnce = useRef<string>(undefined);
  // Read as each show ends, not as it starts: the user may have left the editor and cancelled meanwhile.
  const inEditor = useRef(editing);
  useEffect(() => {
    inEditor.current = editing;
  }, [editing]);
  useEffect(() => {
    if (id === undefined || !file) return;
    const afterCancel = () => inEditor.current;
    if (shownOnce.current !== id || !typing) {
      shownOnce.current = id;
      void showDraft(client, id, file, { afterCancel });
      return;
    }
    // Checking and redrawing a large draft takes longer than a keystroke: the chart follows once typing pauses.
    const timer = setTimeout(
      () => void showDraft(client, id, file, { afterCancel }),
      SHOW_AFTER_MS,
    );
    return () => clearTimeout(timer);
  }, [client, id, file, typing]);
  useEffect(() => {
    // Edit, after the draft's opening was cancelled, asks for it.
    if (editing && id !== undefined && file && openingCancelled(client, id))
      void showDraft(client, id, file);
  }, [client, id, file, editing]);
  useEffect(() => {
    if (!session) return;
    // Closing the tab, or it being frozen or discarded in the background, writes what the timer has not yet: at once
    // to the rescue copy, since the page may be gone before the database's write finishes.
    const flush = () => {
      writePending();
      session.rescue();
      void session.flush();
    };
    const hidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [session]);
  return { session, state };
}
