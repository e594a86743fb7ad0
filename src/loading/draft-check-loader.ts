// The draft checks hold zod and the format's schemas, so they load when a draft is open, not with the page.
import type * as DraftCheckModule from '../model/draft-check';

type DraftCheck = typeof DraftCheckModule;

let loaded: DraftCheck | undefined;
let loading: Promise<DraftCheck> | undefined;
const listeners = new Set<() => void>();

/** The draft checks, fetched on first use; a failed fetch is tried again on the next call. */
export function loadDraftCheck(): Promise<DraftCheck> {
  loading ??= import('../model/draft-check').then(
    (check) => {
      loaded = check;
      listeners.forEach((l) => l());
      return check;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The draft checks once they have arrived, for rendering; undefined before. */
export const loadedDraftCheck = () => loaded;

export function onDraftCheckLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
