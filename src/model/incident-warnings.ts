// Checks on a valid incident that point at likely mistakes without refusing the file: the loader shows them as warnings.
import type { TextEdit } from './event-versions';
import type { Incident, TimelineEvent } from './incident';
import { memo } from './memo';
import { milestones } from './metrics';
import { problemText, type ProblemText } from './problem-codes';
import { visitEventTextFields, visitIncidentTextFields, type TextVisitor } from './text-fields';
import { utcStamp } from './time';

/** A warning's English `message`, with its code and values for a UI to say in its language. */
export type Warning = ProblemText & {
  /** Field path in the file, naming list items by id: `events[id=block-ips].milestones[0]`. */
  path: string;
};

/** Every warning for the incident, in a stable order; empty when nothing looks wrong. */
export function incidentWarnings(incident: Incident): Warning[] {
  return warningsOf(warningParts(incident));
}

/** An incident's warnings kept by where they come from: a text edit's incident makes its edited events' alone. */
export interface WarningParts {
  /** The milestones', and those of the incident's own texts before its events. */
  readonly before: readonly Warning[];
  /** Each event's, by its position; an event without any is absent. */
  readonly events: ReadonlyMap<number, readonly Warning[]>;
  /** Those of the texts after the events (the indicators'). */
  readonly after: readonly Warning[];
}

const NONE: readonly Warning[] = [];
/**
 * Each event's warnings, by the indicators they were scanned for: the incident of a change to a draft's events (one
 * added, moved, linked) holds the other events as they were. Kept with each event object, none scanned twice.
 */
const found = new WeakMap<object, WeakMap<TimelineEvent, readonly Warning[]>>();

/**
 * `incident`'s warnings by part. `after`: the parts of the incident a text edit made `incident` from, with the same
 * fields but its events (event-versions.ts); only the replaced events are scanned again. A whole scan of 100,000
 * full-field events took about 80 ms of the page's idle time after every pause in typing, and 100–136 ms after each
 * other change to a draft's events; an event scanned before for the same indicators is not scanned again.
 */
export function warningParts(
  incident: Incident,
  after?: { before: WarningParts; edit: TextEdit },
): WarningParts {
  if (!after) return warningPartsInSteps(incident)(() => true)!;
  const scan = liveIndicatorScan(incident);
  const events = new Map(after.before.events);
  for (const i of after.edit.replaced) {
    const found = scan((visit) => visitEventTextFields(incident.events[i]!, visit));
    if (found.length > 0) events.set(i, found);
    else events.delete(i);
  }
  return { ...after.before, events };
}

/**
 * warningParts of `incident` a piece at a time: each call scans events while `more()` says so (one at least), and
 * the call that scans the last gives the parts. A scan of every text of 100,000 full-field events took 100–136 ms
 * of one idle task; in pieces that fit the idle periods, the page takes an input between them.
 */
export function warningPartsInSteps(
  incident: Incident,
): (more: () => boolean) => WarningParts | undefined {
  const scan = liveIndicatorScan(incident);
  const list = incident.events;
  const events = new Map<number, readonly Warning[]>();
  const scanned =
    scan === NO_WARNINGS ? undefined : memo(found, incident.indicators!, () => new WeakMap());
  let i = 0;
  return (more) => {
    while (i < list.length) {
      const e = list[i]!;
      let its = scanned?.get(e);
      if (!its) {
        const warnings = scan((visit) => visitEventTextFields(e, visit));
        its = warnings.length > 0 ? warnings : NONE;
        scanned?.set(e, its);
      }
      if (its.length > 0) events.set(i, its);
      i++;
      if (!more()) break;
    }
    if (i < list.length) return undefined;
    return {
      before: [
        ...containmentWarnings(incident),
        ...scan((visit) => visitIncidentTextFields(incident, visit, 'before')),
      ],
      events,
      after: scan((visit) => visitIncidentTextFields(incident, visit, 'after')),
    };
  };
}

/** The warnings of `parts` in incidentWarnings' order. */
export function warningsOf(parts: WarningParts): Warning[] {
  const at = [...parts.events.keys()].sort((a, b) => a - b);
  return [...parts.before, ...at.flatMap((i) => parts.events.get(i)!), ...parts.after];
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

const NO_WARNINGS = (): Warning[] => [];

/** The live indicators' warnings of the texts a visit goes through. */
function liveIndicatorScan(incident: Incident): (texts: (visit: TextVisitor) => void) => Warning[] {
  const live = (incident.indicators ?? []).filter(
    (i) => i.value.toLowerCase() !== i.defanged.toLowerCase(),
  );
  if (live.length === 0) return NO_WARNINGS;
  const byValue = new Map(live.map((i) => [i.value.toLowerCase(), i]));
  const alternatives = [...byValue.keys()].sort((a, b) => b.length - a.length).map(escape);
  // Not part of a longer address or name: 10.0.0.1 is not in 10.0.0.10, idowall.com is not in idowall.com.au.
  const source = `(?<![A-Za-z0-9_-])(?:${alternatives.join('|')})(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`;
  const any = new RegExp(source, 'i');
  const all = new RegExp(source, 'gi');
  return (texts) => {
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
    texts((text, path) => {
      if (typeof text === 'string') check(text, path);
      else for (const lang in text) check(text[lang]!, () => `${path()}.${lang}`);
    });
    return warnings;
  };
}
