// MITRE ATT&CK Navigator layer export (layer format 4.5): the techniques the given events use, scored by event count.
import type { Incident, TimelineEvent } from '../incident';
import { localize } from '../text';
import { utcStamp } from '../time';

/** The Navigator release the layer is written for; layer format 4.5 needs at least 4.9.0. */
const NAVIGATOR_VERSION = '5.1.0';

/**
 * One technique entry per technique id, scored by how many events use it, its comment naming those events.
 * There is no `tactic` field, so the Navigator shows it under every tactic of whatever ATT&CK version it loads.
 */
export function exportAttackNavigator(
  incident: Incident,
  events: TimelineEvent[],
  lang: string,
): string {
  const byTechnique = new Map<string, TimelineEvent[]>();
  // Appended in place: copying the list per event would be quadratic in a technique's events.
  for (const e of events)
    for (const id of new Set(e.techniques)) {
      const uses = byTechnique.get(id);
      if (uses) uses.push(e);
      else byTechnique.set(id, [e]);
    }
  const techniques = [...byTechnique]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([techniqueID, uses]) => ({
      techniqueID,
      score: uses.length,
      comment: uses
        .map((e) => `${utcStamp(e.startMs, e.precision)} UTC: ${localize(e.title, lang)}`)
        .join('; '),
      enabled: true,
    }));
  const layer = {
    name: localize(incident.title, lang),
    versions: { layer: '4.5', navigator: NAVIGATOR_VERSION },
    domain: 'enterprise-attack',
    description: localize(incident.summary, lang),
    sorting: 3,
    // Sub-techniques with a score would otherwise stay folded under their parent.
    layout: { expandedSubtechniques: 'annotated' },
    techniques,
    // The default gradient runs 0-100, which would leave a score of 3 almost blank; maxValue must exceed minValue.
    gradient: {
      colors: ['#ffe0cc', '#c0392b'],
      minValue: 0,
      // A loop, not Math.max(...scores): spreading a long list overflows the call stack.
      maxValue: techniques.reduce((max, t) => Math.max(max, t.score), 1),
    },
  };
  return `${JSON.stringify(layer, null, 2)}\n`;
}
