// Incident file format: zod schemas (the single source of truth), inferred types and parseIncident().
import './zod-jitless';
import { z } from 'zod';
import { cycleMessage, findCausalCycle } from './causal-links';
import { capProblems } from './problems';
import {
  ACTOR_KINDS,
  INDICATOR_TYPES,
  MILESTONE_KINDS,
  OUTCOMES,
  OWNERSHIPS,
  RELATION_KINDS,
  SCHEMA_VERSION,
  SYSTEM_KINDS,
} from './format-constants';
import {
  inReadingOrder,
  isAlignedToPrecision,
  PRECISIONS,
  readingOrderOf,
  type ReadingOrder,
} from './time';

export { SCHEMA_ID, SCHEMA_VERSION } from './format-constants';

const LANG_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|\d{3}))?$/;

/** A language tag the platform recognises and writes the same way (e.g. `en`, `zh-Hant`). */
export function isKnownLanguageTag(tag: string): boolean {
  const known = knownTags.get(tag);
  if (known !== undefined) return known;
  let answer = false;
  if (LANG_TAG.test(tag)) {
    try {
      answer = Intl.getCanonicalLocales(tag)[0] === tag;
    } catch {
      answer = false;
    }
  }
  // Files repeat a handful of tags on every text; the cap keeps a hostile file from growing the memo without end.
  if (knownTags.size < 1000) knownTags.set(tag, answer);
  return answer;
}
const knownTags = new Map<string, boolean>();

const Id = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'expected a slug: lowercase letters, digits and single hyphens',
  )
  .max(120)
  .meta({ description: 'Stable slug id, unique within its list.' });

// A union's default message is "Invalid input"; say what text may look like instead.
function textError(issue: { input?: unknown }): string {
  if (issue.input === undefined)
    return 'required: expected text (a string, or a map of language tags to strings)';
  if (typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input))
    return 'expected a map from known language tags such as "en" or "zh-Hant" to non-empty strings';
  return 'expected text: a non-empty string, or a map of language tags such as "en" to strings';
}

export const LocalizedText = z
  .union(
    [
      z.string().min(1),
      z
        .record(
          z.string().regex(LANG_TAG, 'expected a BCP 47 language tag such as "en" or "zh-Hant"'),
          z.string().min(1),
        )
        .refine((m) => Object.keys(m).length > 0, 'expected at least one language')
        .refine((m) => Object.keys(m).every(isKnownLanguageTag), 'expected known language tags'),
    ],
    { error: textError },
  )
  .meta({
    id: 'LocalizedText',
    description:
      'Human-readable text: a plain string, or a map from BCP 47 language tag to text ({"en": "…", "zh-Hant": "…"}).',
  });
export type LocalizedText = z.infer<typeof LocalizedText>;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
  month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;

/**
 * Whether a time of ISO_UTC's shape names a real moment of the calendar (no 2023-02-31, no 24:00). Its fields are
 * read as numbers, not through Date.parse and back (nor date-fns' getDaysInMonth, which takes a Date): a large file
 * has 200,000 times, and that took 0.6 µs each.
 */
export function isCalendarTime(s: string): boolean {
  const two = (at: number) => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;
  const year = two(0) * 100 + two(2);
  const month = two(5);
  const day = two(8);
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    two(11) <= 23 &&
    two(14) <= 59 &&
    (s[16] !== ':' || two(17) <= 59)
  );
}

/** What the IsoUtc schema accepts, without zod: for the reference checks and the fast validator. */
export const isIsoUtc = (s: string) => ISO_UTC.test(s) && isCalendarTime(s);

const IsoUtc = z
  .string()
  .regex(ISO_UTC, 'expected an ISO 8601 UTC time such as "2023-11-22T14:18:22Z"')
  // A time of another shape has the message above, not this one too.
  .refine(
    (s) => !ISO_UTC.test(s) || isCalendarTime(s),
    'expected a real calendar time between years 0001 and 9999',
  )
  .meta({ description: 'ISO 8601 time in UTC, ending in "Z".' });

const IsoDate = z.iso.date().meta({ description: 'Calendar date, YYYY-MM-DD.' });

export const Precision = z.enum(PRECISIONS).meta({
  description:
    'How exactly the source gives the time. A day-precision time is midnight UTC of that day.',
});

export type Outcome = z.infer<typeof Outcome>;
export const Outcome = z.enum(OUTCOMES).meta({
  description: 'Whether the action achieved what it attempted (a denied login is "failed").',
});

export const ActorKind = z.enum(ACTOR_KINDS);
export type ActorKind = z.infer<typeof ActorKind>;

export const MilestoneKind = z
  .enum(MILESTONE_KINDS)
  .meta({ description: 'Marks this event as a milestone; metrics are computed from these flags.' });
export type MilestoneKind = z.infer<typeof MilestoneKind>;

export const RelationKind = z.enum(RELATION_KINDS);
export type RelationKind = z.infer<typeof RelationKind>;

const Source = z
  .strictObject({
    id: Id,
    title: LocalizedText,
    url: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
      .optional()
      .meta({
        description: 'http(s) address of the source; absent for a local file or an interview.',
      }),
    publisher: z.string().min(1).optional(),
    published: IsoDate.optional(),
    language: z.string().refine(isKnownLanguageTag, 'expected a known language tag').optional(),
    note: LocalizedText.optional(),
  })
  .meta({ description: 'A document the events are cited from.' });

const Term = {
  id: Id,
  label: LocalizedText,
  description: LocalizedText.optional(),
};

const Phase = z.strictObject({
  ...Term,
  order: z.int().min(0).meta({ description: 'Position of the phase in the incident, ascending.' }),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as "#3366cc"')
    .meta({ description: 'Band colour, #rrggbb.' }),
  prompts: z
    .array(LocalizedText)
    .optional()
    .meta({ description: 'Tabletop discussion prompts for this phase.' }),
  band: z.literal(false).optional().meta({
    description: 'false: no background band, for events an import could not place in a phase.',
  }),
});

export const SystemKind = z.enum(SYSTEM_KINDS);

const System = z.strictObject({
  ...Term,
  kind: SystemKind.meta({ description: 'What sort of system this is.' }),
  ownership: z.enum(OWNERSHIPS),
});

const Actor = z.strictObject({ ...Term, kind: ActorKind });

const Action = z.strictObject({
  ...Term,
  actorKind: ActorKind.meta({ description: 'The kind of actor that takes this action.' }),
});

const Technique = z.strictObject({
  id: z
    .string()
    .regex(/^T\d{4}(\.\d{3})?$/, 'expected an ATT&CK Enterprise technique id such as "T1078.004"'),
  name: z.string().min(1),
});

const Citation = z.strictObject({
  source: Id.meta({ description: 'Id of an entry in sources.' }),
  locator: LocalizedText.meta({
    description: 'Where in the source: a section heading or timestamp line.',
  }),
});

const Event = z
  .strictObject({
    id: Id,
    start: IsoUtc,
    end: IsoUtc.optional().meta({ description: 'End of a range; absent for a point in time.' }),
    precision: Precision,
    title: LocalizedText,
    description: LocalizedText.optional().meta({
      description: 'Absent when the source gives only a title (an imported row without details).',
    }),
    phase: Id,
    actor: Id,
    action: Id,
    systems: z.array(Id).min(1),
    outcome: Outcome,
    techniques: z
      .array(z.string())
      .optional()
      .meta({ description: 'Ids from the techniques list.' }),
    citations: z.array(Citation).min(1),
    inferred: z.strictObject({ reason: LocalizedText }).optional().meta({
      description: 'Present when the date or time is derived rather than stated; says why.',
    }),
    related: z
      .array(z.strictObject({ event: Id, kind: RelationKind }))
      .optional()
      .meta({
        description: 'Links from this event to others, e.g. this event "enabled" that one.',
      }),
    milestones: z.array(MilestoneKind).optional(),
    prompts: z
      .array(LocalizedText)
      .optional()
      .meta({ description: 'Tabletop discussion prompts for this event.' }),
    inject: z.strictObject({ question: LocalizedText }).optional().meta({
      description:
        'A tabletop inject: the room is asked this question before the event is revealed.',
    }),
    presentText: LocalizedText.optional().meta({
      description:
        'What the room may read in present mode instead of the description, when the description gives away later events.',
    }),
    extra: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: 'Fields kept from an imported file that map to nothing above.' }),
  })
  .meta({ description: 'One thing that happened.' });

const Indicator = z.strictObject({
  id: Id,
  type: z.enum(INDICATOR_TYPES),
  value: z
    .string()
    .min(1)
    .meta({ description: 'The indicator refanged, as a tool would search for it.' }),
  defanged: z
    .string()
    .min(1)
    .meta({ description: 'The indicator defanged for display, e.g. 193.142.58[.]126.' }),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits')
    .optional(),
  description: LocalizedText,
  owner: z.string().optional(),
  location: LocalizedText.optional(),
  events: z
    .array(Id)
    .optional()
    .meta({ description: 'Ids of the events this indicator relates to.' }),
  citations: z.array(Citation).min(1),
});

/** The format without the checks across lists; the fast validator runs it on a file's lists other than events. */
export const IncidentObject = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: Id,
    title: LocalizedText,
    summary: LocalizedText,
    briefing: LocalizedText.optional().meta({
      description:
        "The scenario as a tabletop exercise's title slide and situation manual open it: what the room knows at the start.",
    }),
    timeZone: z.literal('UTC').meta({ description: 'All times in this file are UTC.' }),
    languages: z
      .array(z.string().refine(isKnownLanguageTag, 'expected a known language tag'))
      .min(1)
      .meta({ description: 'Languages the text fields are written in; the first is the default.' }),
    sources: z.array(Source).min(1),
    phases: z.array(Phase).min(1),
    systems: z.array(System).min(1),
    actors: z.array(Actor).min(1),
    actions: z.array(Action).min(1),
    techniques: z.array(Technique).optional(),
    events: z.array(Event),
    indicators: z.array(Indicator).optional(),
  })
  .meta({
    title: 'Incident Timeline incident file',
    description: 'A security incident as a list of cited, UTC-timed events.',
  });

export const IncidentSchema = IncidentObject.superRefine((file, ctx) =>
  checkReferences(file, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
);

export type IncidentFile = z.infer<typeof IncidentObject>;
export type EventFile = IncidentFile['events'][number];
export type Phase = IncidentFile['phases'][number];
export type System = IncidentFile['systems'][number];
export type Actor = IncidentFile['actors'][number];
export type Action = IncidentFile['actions'][number];
export type Indicator = NonNullable<IncidentFile['indicators']>[number];
export type Technique = NonNullable<IncidentFile['techniques']>[number];
export type Source = IncidentFile['sources'][number];

/** An event with its interval in epoch ms; `endMs` is exclusive and covers the precision window. */
export interface TimelineEvent extends EventFile {
  startMs: number;
  endMs: number;
}

export interface Incident extends Omit<IncidentFile, 'events'> {
  events: TimelineEvent[];
}

export interface Problem {
  path: string;
  message: string;
  /** On the last line of a capped list: how many problems it stands for. */
  more?: number;
}

export type ParseResult = { ok: true; incident: Incident } | { ok: false; problems: Problem[] };

type Issue = (path: (string | number)[], message: string) => void;

/** An event's times against its precision and each other; both are valid UTC times. */
function checkTimes(e: EventFile, i: number, issue: Issue): void {
  if (!isAlignedToPrecision(e.start, e.precision))
    issue(
      ['events', i, 'start'],
      `start "${e.start}" has more detail than its precision "${e.precision}" allows`,
    );
  if (e.end === undefined) return;
  if (!isAlignedToPrecision(e.end, e.precision))
    issue(
      ['events', i, 'end'],
      `end "${e.end}" has more detail than its precision "${e.precision}" allows`,
    );
  if (Date.parse(e.end) < Date.parse(e.start))
    issue(['events', i, 'end'], `end "${e.end}" is before start "${e.start}"`);
}

/** What JSON Schema cannot say about a file that has its shape: unique ids, references, repeats, precision, order. */
export function checkReferences(
  file: IncidentFile,
  issue: Issue,
  /** Every event's start and end is known to be a valid UTC time (the fast path checked them). */
  timesChecked = false,
): void {
  // Each id with the position of its first item, which the events' cycle search reuses.
  const idsOf = (list: { id: string }[] | undefined, key: string) => {
    const first = new Map<string, number>();
    (list ?? []).forEach((item, i) => {
      if (first.has(item.id)) issue([key, i, 'id'], `duplicate id "${item.id}" in ${key}`);
      else first.set(item.id, i);
    });
    return first;
  };
  const phases = idsOf(file.phases, 'phases');
  const systems = idsOf(file.systems, 'systems');
  const actors = idsOf(file.actors, 'actors');
  const actions = idsOf(file.actions, 'actions');
  const sources = idsOf(file.sources, 'sources');
  const techniques = idsOf(file.techniques, 'techniques');
  const events = idsOf(file.events, 'events');
  idsOf(file.indicators, 'indicators');

  // A large valid file makes millions of these checks: they allocate nothing (no path, no closure) unless one fails.
  const unknown = (id: string, list: string, ...path: (string | number)[]) =>
    issue(path, `unknown ${list} id "${id}": expected one of the ids in ${list}`);
  // A list naming one thing twice says nothing more, and a long one would make every consumer of it slow.
  const once = (
    items: readonly string[] | undefined,
    base: (string | number)[],
    describe = (item: string) => `"${item}"`,
  ) => {
    const first = new Map<string, number>();
    items?.forEach((item, k) => {
      const at = first.get(item);
      if (at === undefined) first.set(item, k);
      else
        issue(
          [...base, k],
          `${describe(item)} is listed twice (first at ${String(base.at(-1))}[${at}]); expected each only once`,
        );
    });
  };
  const cite = (citations: { source: string }[], owner: 'events' | 'indicators', i: number) => {
    for (let k = 0; k < citations.length; k++) {
      const { source } = citations[k]!;
      if (!sources.has(source)) unknown(source, 'sources', owner, i, 'citations', k, 'source');
    }
  };

  const list = file.events;
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    if (!phases.has(e.phase)) unknown(e.phase, 'phases', 'events', i, 'phase');
    if (!actors.has(e.actor)) unknown(e.actor, 'actors', 'events', i, 'actor');
    if (!actions.has(e.action)) unknown(e.action, 'actions', 'events', i, 'action');
    for (let k = 0; k < e.systems.length; k++)
      if (!systems.has(e.systems[k]!)) unknown(e.systems[k]!, 'systems', 'events', i, 'systems', k);
    const { techniques: used, related } = e;
    if (used)
      for (let k = 0; k < used.length; k++)
        if (!techniques.has(used[k]!))
          unknown(used[k]!, 'techniques', 'events', i, 'techniques', k);
    if (related)
      for (let k = 0; k < related.length; k++)
        if (!events.has(related[k]!.event))
          unknown(related[k]!.event, 'events', 'events', i, 'related', k, 'event');
    if (e.systems.length > 1) once(e.systems, ['events', i, 'systems']);
    if (used && used.length > 1) once(used, ['events', i, 'techniques']);
    // Related events are keyed by kind and id; a kind is a word and an id a slug, so the space cannot be ambiguous.
    if (related && related.length > 1)
      once(
        related.map((r) => `${r.kind} "${r.event}"`),
        ['events', i, 'related'],
        (link) => `the link ${link}`,
      );
    cite(e.citations, 'events', i);
    // A time that already failed its own check gets no second, misleading message about precision or order.
    if (timesChecked || (isIsoUtc(e.start) && (e.end === undefined || isIsoUtc(e.end))))
      checkTimes(e, i, issue);
  }
  file.indicators?.forEach((ind, i) => {
    ind.events?.forEach((id, k) => {
      if (!events.has(id)) unknown(id, 'events', 'indicators', i, 'events', k);
    });
    once(ind.events, ['indicators', i, 'events']);
    cite(ind.citations, 'indicators', i);
  });
  const cycle = findCausalCycle(file.events, events);
  if (cycle) {
    const first = file.events.findIndex((e) => e.id === cycle[0]);
    issue(['events', first, 'related'], cycleMessage(cycle));
  }
}

function formatPath(path: PropertyKey[]): string {
  return path.length === 0
    ? '(file)'
    : path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '');
}

// zod's own words for a missing field are "expected string, received undefined"; say that it is required.
function requiredError(issue: {
  code?: string;
  input?: unknown;
  expected?: unknown;
}): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined
    ? `required: expected ${String(issue.expected)}`
    : undefined;
}

/**
 * zod copies a record onto a plain object, where a "__proto__" key sets the prototype instead of adding an entry, so
 * an imported column of that name would vanish: such an `extra` is copied again in its order, that one value checked
 * (zod checked the rest), onto an object without a prototype. `input` has passed the schema, so its events are
 * objects in the same order.
 */
function keepProtoEntries(
  input: unknown,
  events: EventFile[],
): { events: EventFile[]; problems: Problem[] } {
  const raw = (input as { events: { extra?: Record<string, string> }[] }).events;
  const problems: Problem[] = [];
  const kept = events.map((e, i) => {
    const extra = raw[i]!.extra;
    if (extra === undefined || !Object.hasOwn(extra, '__proto__')) return e;
    const value: unknown = Object.getOwnPropertyDescriptor(extra, '__proto__')!.value;
    if (typeof value !== 'string') {
      problems.push({ path: `events[${i}].extra.__proto__`, message: 'expected string' });
      return e;
    }
    // Assigning "__proto__" makes an own entry here, since `copy` has no prototype for it to set.
    const copy: Record<string, string> = Object.create(null);
    for (const [key, text] of Object.entries(extra)) copy[key] = text;
    return { ...e, extra: copy };
  });
  return { events: kept, problems };
}

/**
 * What a check says of a file: its problems, or its incident, built when asked for. A file valid as written comes
 * with its reading order, so that a worker can send the order before it builds the incident (checkIncidentFast).
 */
export type CheckResult =
  | { ok: false; problems: Problem[] }
  | { ok: true; asWritten: true; order: ReadingOrder; incident: () => Incident }
  | { ok: true; asWritten: false; incident: () => Incident };

/** parseIncident's answer as a CheckResult: zod's output is not the file as written. */
export function checkWithZod(input: unknown): CheckResult {
  const result = parseIncident(input);
  return result.ok ? { ok: true, asWritten: false, incident: () => result.incident } : result;
}

/** Validates an already-decoded JSON value; never throws. Problems are capped at MAX_PROBLEMS plus a count. */
export function parseIncident(input: unknown): ParseResult {
  const result = IncidentSchema.safeParse(input, { error: requiredError });
  if (!result.success) {
    const problems = result.error.issues.map((i) => ({
      path: formatPath(i.path),
      message: i.message,
    }));
    return { ok: false, problems: capProblems(problems, '(file)') };
  }
  return finishParse(input, result.data);
}

/**
 * A valid file as the app holds it: imported `__proto__` columns kept, intervals added, events in reading order.
 * `data`'s events are this parse's own (zod's output, or the value just parsed from a file) and gain their
 * intervals in place: copying 100,000 events took longer than checking their references.
 */
export function finishParse(input: unknown, data: IncidentFile): ParseResult {
  const ordered = orderParse(input, data);
  return ordered.ok ? { ok: true, incident: ordered.incident() } : ordered;
}

/** A valid file's reading order and the incident it orders, built only when asked for: finishParse in two steps. */
export type OrderedParse =
  { ok: true; order: ReadingOrder; incident: () => Incident } | { ok: false; problems: Problem[] };

/** finishParse, but the incident is built when asked for: the worker sends the order to the page first. */
export function orderParse(input: unknown, data: IncidentFile): OrderedParse {
  const kept = keepProtoEntries(input, data.events);
  if (kept.problems.length > 0)
    return { ok: false, problems: capProblems(kept.problems, '(file)') };
  const order = readingOrderOf(kept.events);
  return {
    ok: true,
    order,
    incident: () => ({ ...data, events: inReadingOrder(kept.events, order) }),
  };
}
