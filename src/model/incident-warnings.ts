// Checks on a valid incident that point at likely mistakes without refusing the file: the loader shows them as warnings.
import type { Incident } from './incident';
import { milestones } from './metrics';
import { problemText, type ProblemText } from './problem-codes';
import { visitTextFields } from './text-fields';
import { utcStamp } from './time';

/** A warning's English `message`, with its code and values for a UI to say in its language. */
export type Warning = ProblemText & {
  /** Field path in the file, naming list items by id: `events[id=block-ips].milestones[0]`. */
  path: string;
};

/** Every warning for the incident, in a stable order; empty when nothing looks wrong. */
export function incidentWarnings(incident: Incident): Warning[] {
  return [...containmentWarnings(incident), ...liveIndicatorWarnings(incident)];
}

function containmentWarnings(incident: Incident): Warning[] {
  const at = milestones(incident);
  const containment = at.get('containment');
  const last = at.get('last-adversary-activity');
  // Only a containment wholly before the activity is wrong: a date-only one may still fall later that day.
  if (!containment || !last || containment.endMs > last.startMs) return [];
  const index = containment.milestones?.indexOf('containment') ?? 0;
  const when = (e: typeof last) => utcStamp(e.startMs, e.precision);
  return [
    {
      path: `events[id=${containment.id}].milestones[${index}]`,
      ...problemText('containment-before-last-activity', {
        containment: when(containment),
        last: when(last),
        lastId: last.id,
      }),
    },
  ];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function liveIndicatorWarnings(incident: Incident): Warning[] {
  const live = (incident.indicators ?? []).filter(
    (i) => i.value.toLowerCase() !== i.defanged.toLowerCase(),
  );
  if (live.length === 0) return [];
  const byValue = new Map(live.map((i) => [i.value.toLowerCase(), i]));
  const alternatives = [...byValue.keys()].sort((a, b) => b.length - a.length).map(escape);
  // Not part of a longer address or name: 10.0.0.1 is not in 10.0.0.10, idowall.com is not in idowall.com.au.
  const source = `(?<![A-Za-z0-9_-])(?:${alternatives.join('|')})(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`;
  const any = new RegExp(source, 'i');
  const all = new RegExp(source, 'gi');
  const warnings: Warning[] = [];
  const check = (text: string, path: () => string) => {
    // Most text holds no indicator: one plain test first keeps the common case cheap.
    if (!any.test(text)) return;
    const found = new Set(Array.from(text.matchAll(all), (m) => m[0].toLowerCase()));
    for (const value of found) {
      const { value: shown, id, defanged } = byValue.get(value)!;
      warnings.push({
        path: path(),
        ...problemText('live-indicator', { value: shown, id, defanged }),
      });
    }
  };
  visitTextFields(incident, (text, path) => {
    if (typeof text === 'string') check(text, path);
    else for (const lang in text) check(text[lang]!, () => `${path()}.${lang}`);
  });
  return warnings;
}
