import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n';
import { DEFAULT_SOURCE } from '../loading/incident-query';
import type { Incident } from '../model/incident';
import { localize } from '../model/text';
import { appUrl, DEFAULT_VIEW } from '../model/view-state';

/** The incident at `src` in a fresh view that keeps only how the page looks (language, theme, mode). */
const linkTo = (src: string) =>
  appUrl(window.location.href, (s) => ({
    ...DEFAULT_VIEW,
    src: src === DEFAULT_SOURCE ? undefined : src,
    lang: s.lang,
    theme: s.theme,
    mode: s.mode,
  }));

/** After a failed load, a way back: the incident that was open before (still in the query cache), else the bundled one. */
export function LoadRecovery({ src }: { src: string }) {
  const { t, lang } = useI18n();
  const cache = useQueryClient().getQueryCache();
  const previous = cache
    .findAll({
      queryKey: ['incident'],
      predicate: (q) => q.state.status === 'success' && q.queryKey[1] !== src,
    })
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)[0];
  const previousSrc = previous?.queryKey[1] as string | undefined;
  const previousIncident = previous?.state.data as Incident | undefined;
  return (
    <nav className="load-recovery" aria-label={t.loadFailed}>
      <ul>
        {previousSrc !== undefined && previousIncident && (
          <li>
            <a href={linkTo(previousSrc)}>{t.backTo(localize(previousIncident.title, lang))}</a>
          </li>
        )}
        {src !== DEFAULT_SOURCE && previousSrc !== DEFAULT_SOURCE && (
          <li>
            <a href={linkTo(DEFAULT_SOURCE)}>{t.openBundled}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}
