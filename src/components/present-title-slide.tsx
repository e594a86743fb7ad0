import { useEffect } from 'react';
import { markReady } from '../hooks/ready';
import { useI18n } from '../i18n/i18n';
import type { Incident } from '../model/incident';
import { localize } from '../model/text';

/** Before step 1: the scenario's title and its briefing, which tells no more than the room knows at the start. */
export function PresentTitleSlide({ incident }: { incident: Incident }) {
  const { t, lang } = useI18n();
  // No chart is drawn here, so there is no first draw to wait for.
  useEffect(markReady, []);
  return (
    <article className="present-title-slide" aria-live="polite" data-step="title">
      <p className="present-inject-label">{t.tabletop.scenario}</p>
      <h2 className="present-title">{localize(incident.title, lang)}</h2>
      {incident.briefing !== undefined && (
        <p className="present-briefing">{localize(incident.briefing, lang)}</p>
      )}
      <p className="present-hint">{t.tabletop.begin}</p>
    </article>
  );
}
