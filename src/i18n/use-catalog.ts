import { useEffect, useSyncExternalStore } from 'react';
import type { Lang } from '../model/text';
import { english, loadCatalog, loadedCatalog, subscribeCatalogs, type I18n } from './i18n';

/**
 * The catalog to show for `lang`, fetching it if needed. Until it arrives (a switch, or Back to a link in a language
 * not loaded yet) the page stays in English rather than blank; main.tsx fetches the first one before rendering.
 */
export function useCatalog(lang: Lang): I18n {
  const catalog = useSyncExternalStore(subscribeCatalogs, () => loadedCatalog(lang));
  useEffect(() => {
    if (!catalog) void loadCatalog(lang);
  }, [catalog, lang]);
  return catalog ?? english;
}
