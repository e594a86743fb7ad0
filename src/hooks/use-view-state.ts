import { useCallback, useMemo, useSyncExternalStore } from 'react';
import {
  parseViewState,
  serializeViewState,
  type Parsed,
  type ViewState,
} from '../model/view-state';

const CHANGE = 'incident-timeline:urlchange';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const readSearch = () => window.location.search;

export type SetView = (next: (s: ViewState) => ViewState, options?: { replace?: boolean }) => void;

/**
 * The view state lives in the URL and nowhere else. Discrete changes push a history entry so Back undoes them;
 * continuous ones (pan, zoom) pass `replace`.
 */
export function useViewState(): Parsed & { setView: SetView } {
  const search = useSyncExternalStore(subscribe, readSearch);
  const parsed = useMemo(() => parseViewState(search), [search]);
  const setView = useCallback<SetView>((next, options) => {
    const current = parseViewState(window.location.search).state;
    const query = serializeViewState(next(current));
    if (query === serializeViewState(current)) return;
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    if (options?.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    window.dispatchEvent(new Event(CHANGE));
  }, []);
  return { ...parsed, setView };
}
