import { useEffect, useSyncExternalStore } from 'react';
import {
  loadDraftCheck,
  loadedDraftCheck,
  onDraftCheckLoaded,
} from '../loading/draft-check-loader';

/** The draft checks, fetched once a draft is open (`wanted`); undefined until they have arrived. */
export function useDraftCheck(wanted: boolean) {
  useEffect(() => {
    // A failed fetch shows where it matters: the draft's own load reports it.
    if (wanted) loadDraftCheck().catch(() => undefined);
  }, [wanted]);
  return useSyncExternalStore(onDraftCheckLoaded, loadedDraftCheck);
}
