import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Ignored } from '../model/view-state';

/** Says which parts of a hand-edited or stale link were ignored, instead of failing on them. */
export function LinkNotice({
  ignored,
  malformed,
  floating = false,
}: {
  ignored: Ignored[];
  malformed: string[];
  /** Drawn over the page instead of above it, so what is below keeps its place. */
  floating?: boolean;
}) {
  const { t } = useI18n();
  const [dismissed, setDismissed] = useState(false);
  const parts = [
    ...ignored.map((i) =>
      i.noInject !== undefined
        ? t.noInject(i.noInject)
        : i.filteredOut
          ? t.filteredOutEvent(i.id)
          : i.noEvent
            ? t.injectWithoutEvent
            : `${i.param}=${i.id}`,
    ),
    ...malformed.map((m) => t.malformedParam(m)),
  ];
  if (dismissed || parts.length === 0) return null;
  return (
    <div className={floating ? 'notice notice-floating' : 'notice'} role="status">
      <span>{t.ignoredLink(parts.join(', '))}</span>
      <button type="button" className="small-button" onClick={() => setDismissed(true)}>
        {t.dismiss}
      </button>
    </div>
  );
}
