// Editing an incident's lists (phases, systems, actors, actions, techniques, sources), indicators and languages:
// pure operations on a draft, each returning a new draft.
import {
  defang,
  deriveId,
  refang,
  removeTerm,
  setText,
  usesOf,
  type DraftDoc,
  type TermList,
} from './draft';
import type {
  EventFile,
  Indicator,
  IncidentFile,
  LocalizedText,
  Phase,
  Technique,
} from './incident';
import { changedStretch } from './list-diff';
import { latestOf } from './memo';

export type LabelledList = Exclude<TermList, 'techniques' | 'sources'>;

const withFile = (doc: DraftDoc, file: IncidentFile): DraftDoc => ({ ...doc, file });

export type TermCounts = Record<TermList, Map<string, number>>;

/** Adds `by` to each term `e` uses, once per term however often the event names it. */
function countEvent(counts: TermCounts, e: EventFile, by: 1 | -1) {
  const bump = (m: Map<string, number>, id: string) => {
    const n = (m.get(id) ?? 0) + by;
    if (n === 0) m.delete(id);
    else m.set(id, n);
  };
  const bumpEach = (m: Map<string, number>, ids: readonly string[]) => {
    for (let k = 0; k < ids.length; k++) if (ids.indexOf(ids[k]!) === k) bump(m, ids[k]!);
  };
  bump(counts.phases, e.phase);
  bump(counts.actors, e.actor);
  bump(counts.actions, e.action);
  bumpEach(counts.systems, e.systems);
  bumpEach(counts.techniques, e.techniques ?? []);
  bumpEach(
    counts.sources,
    e.citations.map((c) => c.source),
  );
}

/** Counts kept from the last call: typing in one event at 100,000 counted every event again (51 ms a keystroke). */
const lastCounts = latestOf<readonly EventFile[], TermCounts>();

/** How many events use each term of each list: the last call's counts moved by the events changed since. */
export function termUseCounts(file: IncidentFile): TermCounts {
  const { events } = file;
  const last = lastCounts.get();
  const stretch = last && changedStretch(last.key, events);
  let counts: TermCounts;
  if (
    last &&
    stretch &&
    stretch.endA - stretch.at + stretch.endB - stretch.at < events.length / 2
  ) {
    counts = {
      phases: new Map(last.value.phases),
      systems: new Map(last.value.systems),
      actors: new Map(last.value.actors),
      actions: new Map(last.value.actions),
      techniques: new Map(last.value.techniques),
      sources: new Map(last.value.sources),
    };
    for (let i = stretch.at; i < stretch.endA; i++) countEvent(counts, last.key[i]!, -1);
    for (let i = stretch.at; i < stretch.endB; i++) countEvent(counts, events[i]!, 1);
  } else {
    counts = {
      phases: new Map(),
      systems: new Map(),
      actors: new Map(),
      actions: new Map(),
      techniques: new Map(),
      sources: new Map(),
    };
    for (const e of events) countEvent(counts, e, 1);
  }
  lastCounts.set(events, counts);
  return counts;
}

/** How many indicators cite a source: they move with the events when the source is removed. */
export function indicatorCitations(file: IncidentFile, source: string): number {
  return (file.indicators ?? []).filter((i) => i.citations.some((c) => c.source === source)).length;
}

/**
 * Removes a term, moving the events (and, for a source, the indicators) that use it to `to`. Without `to`, a
 * system or technique is taken off its events, allowed only when no event is left without a system. Undefined when
 * the removal would leave something pointing nowhere.
 */
export function removeTermMoving(
  doc: DraftDoc,
  list: TermList,
  id: string,
  to?: string,
): DraftDoc | undefined {
  if (to === undefined && list === 'systems' && !canDropSystem(doc.file, id)) return undefined;
  const dropping = to === undefined && (list === 'systems' || list === 'techniques');
  const next = dropping ? dropFromEvents(doc, list, id) : removeTerm(doc, list, id, to);
  if (!next) return undefined;
  if (list !== 'sources') return next;
  if (to === undefined && indicatorCitations(doc.file, id) > 0) return undefined;
  const indicators = next.file.indicators?.map((i) =>
    i.citations.some((c) => c.source === id)
      ? { ...i, citations: i.citations.map((c) => (c.source === id ? { ...c, source: to! } : c)) }
      : i,
  );
  return withFile(next, { ...next.file, ...(indicators && { indicators }) });
}

/** Whether every event with the system has another one, so the system can be taken off them. */
export function canDropSystem(file: IncidentFile, id: string): boolean {
  return file.events.every((e) => !e.systems.includes(id) || e.systems.some((s) => s !== id));
}

function dropFromEvents(doc: DraftDoc, list: 'systems' | 'techniques', id: string): DraftDoc {
  const { file } = doc;
  const events = file.events.map((e): EventFile => {
    if (list === 'systems')
      return e.systems.includes(id) ? { ...e, systems: e.systems.filter((s) => s !== id) } : e;
    if (!e.techniques?.includes(id)) return e;
    const { techniques, ...rest } = e;
    const left = techniques.filter((t) => t !== id);
    return left.length > 0 ? { ...rest, techniques: left } : rest;
  });
  const terms = (file[list] ?? []) as { id: string }[];
  return withFile(doc, { ...file, events, [list]: terms.filter((t) => t.id !== id) });
}

/** Replaces fields of one term; its id never changes, so events keep pointing at it. */
export function updateTerm<L extends TermList>(
  doc: DraftDoc,
  list: L,
  id: string,
  patch: (term: NonNullable<IncidentFile[L]>[number]) => NonNullable<IncidentFile[L]>[number],
): DraftDoc {
  const terms = (doc.file[list] ?? []) as NonNullable<IncidentFile[L]>[number][];
  return withFile(doc, {
    ...doc.file,
    [list]: terms.map((t) => (t.id === id ? patch(t) : t)),
  });
}

/** A term's label (a source's title) in one language, the others kept. */
export function renameTerm(
  doc: DraftDoc,
  list: LabelledList | 'sources',
  id: string,
  lang: string,
  label: string,
): DraftDoc {
  if (list === 'sources')
    return updateTerm(doc, 'sources', id, (s) => ({ ...s, title: setText(s.title, lang, label) }));
  return updateTerm(doc, list, id, (t) => ({ ...t, label: setText(t.label, lang, label) }));
}

const nameKey = (text: string) => text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The id of the term of `list` already called `name` in any language (case and spacing aside), other than `except`:
 * two systems named alike could not be told apart in a lane, a filter or the event form.
 */
export function sameNamed(
  file: IncidentFile,
  list: LabelledList | 'sources',
  name: string,
  except?: string,
): string | undefined {
  const key = nameKey(name);
  if (key === '') return undefined;
  const terms: { id: string; text: LocalizedText }[] =
    list === 'sources'
      ? file.sources.map((s) => ({ id: s.id, text: s.title }))
      : file[list].map((t) => ({ id: t.id, text: t.label }));
  const texts = (t: LocalizedText) => (typeof t === 'string' ? [t] : Object.values(t));
  return terms.find((t) => t.id !== except && texts(t.text).some((x) => nameKey(x) === key))?.id;
}

/** Phases in the order the incident runs through them. */
export const phasesInOrder = (file: IncidentFile): Phase[] =>
  [...file.phases].sort((a, b) => a.order - b.order);

/** Moves a phase one place earlier (-1) or later (+1); orders are renumbered 0, 1, 2… */
export function movePhase(doc: DraftDoc, id: string, by: -1 | 1): DraftDoc {
  const sorted = phasesInOrder(doc.file);
  const i = sorted.findIndex((p) => p.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= sorted.length) return doc;
  [sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!];
  const order = new Map(sorted.map((p, k) => [p.id, k]));
  return withFile(doc, {
    ...doc.file,
    phases: doc.file.phases.map((p) => ({ ...p, order: order.get(p.id)! })),
  });
}

/** Adds an ATT&CK technique as typed; the schema reports an id that is not one. */
export function addTechnique(doc: DraftDoc, id: string, name: string): DraftDoc {
  const technique: Technique = { id: id.trim(), name };
  return withFile(doc, { ...doc.file, techniques: [...(doc.file.techniques ?? []), technique] });
}

/** A technique's id, changed only while no event names it (so no link silently moves to another technique). */
export function setTechniqueId(doc: DraftDoc, id: string, next: string): DraftDoc {
  if (usesOf(doc.file, 'techniques', id) > 0) return doc;
  return updateTerm(doc, 'techniques', id, (t) => ({ ...t, id: next }));
}

/** The indicator type a value most likely is: a default the author can change. */
export function guessIndicatorType(value: string): Indicator['type'] {
  const v = refang(value.trim());
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) return 'ipv4';
  if (/^[0-9a-f]*:[0-9a-f:]*$/i.test(v)) return 'ipv6';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return 'url';
  if (/^[^\s/]+\.[a-z]{2,}$/i.test(v)) return 'domain';
  return 'file';
}

/** Adds an indicator from its value: id from the value, its defanged form and type derived, the first source cited. */
export function addIndicator(
  doc: DraftDoc,
  value: string,
  lang: string,
): { doc: DraftDoc; id: string } {
  const { file } = doc;
  const indicators = file.indicators ?? [];
  const id = deriveId(
    value,
    indicators.map((i) => i.id),
    'indicator',
  );
  const indicator: Indicator = {
    id,
    type: guessIndicatorType(value),
    value,
    defanged: defang(value),
    description: setText(undefined, lang, ''),
    citations: [{ source: file.sources[0]?.id ?? '', locator: '' }],
  };
  return { doc: withFile(doc, { ...file, indicators: [...indicators, indicator] }), id };
}

/** Changes one indicator: typing the value derives the defanged form, and the reverse. */
export function updateIndicator(
  doc: DraftDoc,
  id: string,
  change: Partial<Pick<Indicator, 'value' | 'defanged'>> | ((i: Indicator) => Indicator),
): DraftDoc {
  const apply = (i: Indicator): Indicator => {
    if (typeof change === 'function') return change(i);
    if (change.value !== undefined)
      return { ...i, value: change.value, defanged: defang(change.value) };
    if (change.defanged !== undefined)
      return { ...i, defanged: change.defanged, value: refang(change.defanged) };
    return i;
  };
  const indicators = (doc.file.indicators ?? []).map((i) => (i.id === id ? apply(i) : i));
  return withFile(doc, { ...doc.file, indicators });
}

export function removeIndicator(doc: DraftDoc, id: string): DraftDoc {
  const { indicators, ...file } = doc.file;
  const left = (indicators ?? []).filter((i) => i.id !== id);
  return withFile(doc, left.length > 0 ? { ...file, indicators: left } : file);
}

type TextFn = (text: LocalizedText) => LocalizedText | undefined;

/** Applies `fn` to every text of the file; an optional text it empties is removed, a required one left empty. */
export function mapTexts(file: IncidentFile, fn: TextFn): IncidentFile {
  const req = (t: LocalizedText) => fn(t) ?? '';
  const opt = <K extends string, T extends Partial<Record<K, LocalizedText>>>(o: T, key: K): T => {
    const t = o[key];
    if (t === undefined) return o;
    const next = fn(t);
    if (next === t) return o;
    const copy = { ...o };
    if (next === undefined || next === '') delete copy[key];
    else (copy as Record<K, LocalizedText>)[key] = next;
    return copy;
  };
  const list = (ts: LocalizedText[] | undefined) => {
    const kept = ts?.map(fn).filter((t): t is LocalizedText => t !== undefined && t !== '');
    return kept && kept.length > 0 ? kept : undefined;
  };
  const optList = <T extends { prompts?: LocalizedText[] }>(o: T): T => {
    if (!o.prompts) return o;
    const { prompts, ...rest } = o;
    const kept = list(prompts);
    return (kept ? { ...rest, prompts: kept } : rest) as T;
  };
  const nested = <K extends 'inferred' | 'inject', F extends string>(
    o: EventFile,
    key: K,
    field: F,
  ): EventFile => {
    const inner = o[key] as Record<F, LocalizedText> | undefined;
    if (!inner) return o;
    const next = fn(inner[field]);
    const copy = { ...o };
    if (next === undefined || next === '') delete copy[key];
    else (copy as Record<K, unknown>)[key] = { [field]: next };
    return copy;
  };
  const cite = (c: { source: string; locator: LocalizedText }) => ({
    ...c,
    locator: req(c.locator),
  });
  const term = <T extends { label: LocalizedText; description?: LocalizedText }>(t: T): T =>
    opt({ ...t, label: req(t.label) }, 'description');
  return opt(
    {
      ...file,
      title: req(file.title),
      summary: req(file.summary),
      sources: file.sources.map((s) => opt({ ...s, title: req(s.title) }, 'note')),
      phases: file.phases.map((p) => optList(term(p))),
      systems: file.systems.map(term),
      actors: file.actors.map(term),
      actions: file.actions.map(term),
      events: file.events.map((e) => {
        let x: EventFile = optList(
          opt(
            opt({ ...e, title: req(e.title), citations: e.citations.map(cite) }, 'description'),
            'presentText',
          ),
        );
        x = nested(x, 'inferred', 'reason');
        return nested(x, 'inject', 'question');
      }),
      ...(file.indicators && {
        indicators: file.indicators.map((i) =>
          opt(
            { ...i, description: req(i.description), citations: i.citations.map(cite) },
            'location',
          ),
        ),
      }),
    },
    'briefing',
  );
}

/** How many texts of the file are written in `lang`: what removing the language would drop. */
export function textsIn(file: IncidentFile, lang: string): number {
  let n = 0;
  mapTexts(file, (t) => {
    if (typeof t !== 'string' && Object.hasOwn(t, lang)) n++;
    return t;
  });
  return n;
}

/** Declares one more language the file is written in. */
export function addLanguage(doc: DraftDoc, tag: string): DraftDoc {
  if (doc.file.languages.includes(tag)) return doc;
  return withFile(doc, { ...doc.file, languages: [...doc.file.languages, tag] });
}

/** Removes a language and every text written in it; a text that had only that language is left empty. */
export function removeLanguage(doc: DraftDoc, tag: string): DraftDoc {
  const drop: TextFn = (t) => {
    if (typeof t === 'string' || !Object.hasOwn(t, tag)) return t;
    const { [tag]: _gone, ...rest } = t;
    void _gone;
    return Object.keys(rest).length > 0 ? rest : '';
  };
  const file = mapTexts(doc.file, drop);
  return withFile(doc, { ...file, languages: file.languages.filter((l) => l !== tag) });
}
