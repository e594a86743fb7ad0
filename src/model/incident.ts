// Incident file format: zod schemas (the single source of truth), inferred types and parseIncident().
import './zod-jitless';
import { z } from 'zod';
import {
  ID_MAX,
  ID_SHAPE,
  ISO_UTC,
  isCalendarTime,
  isKnownLanguageTag,
  LANG_TAG,
  checkReferences,
  orderParse,
  type CheckResult,
} from './incident-checks';
import { capProblems } from './problems';
import { keepIssue, type KeptIssue } from './zod-issue';
import {
  detailOfMessage,
  englishProblems,
  type ProblemCode,
  type ProblemDetail,
  type ProblemParams,
  type ProblemText,
} from './problem-codes';
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
import { PRECISIONS } from './time';

export { SCHEMA_ID, SCHEMA_VERSION } from './format-constants';

const Id = z
  .string()
  .regex(ID_SHAPE, englishProblems['id-shape']({}))
  .max(ID_MAX)
  .meta({ description: 'Stable slug id, unique within its list.' });

// A union's default message is "Invalid input"; say what text may look like instead.
function textError(issue: { input?: unknown }): string {
  if (issue.input === undefined) return englishProblems['text-required']({});
  if (typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input))
    return englishProblems['text-map']({});
  return englishProblems['text-shape']({});
}

export const LocalizedText = z
  .union(
    [
      z.string().min(1),
      z
        .record(
          z.string().regex(LANG_TAG, englishProblems['language-tag-shape']({})),
          z.string().min(1),
        )
        .refine((m) => Object.keys(m).length > 0, englishProblems['language-needed']({}))
        .refine(
          (m) => Object.keys(m).every(isKnownLanguageTag),
          englishProblems['language-tags-known']({}),
        ),
    ],
    { error: textError },
  )
  .meta({
    id: 'LocalizedText',
    description:
      'Human-readable text: a plain string, or a map from BCP 47 language tag to text ({"en": "…", "zh-Hant": "…"}).',
  });
export type LocalizedText = z.infer<typeof LocalizedText>;

const IsoUtc = z
  .string()
  .regex(ISO_UTC, englishProblems['utc-time']({}))
  // A time of another shape has the message above, not this one too.
  .refine((s) => !ISO_UTC.test(s) || isCalendarTime(s), englishProblems['calendar-time']({}))
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
      .url({ protocol: /^https?$/, error: englishProblems['http-url']({}) })
      .optional()
      .meta({
        description: 'http(s) address of the source; absent for a local file or an interview.',
      }),
    publisher: z.string().min(1).optional(),
    published: IsoDate.optional(),
    language: z
      .string()
      .refine(isKnownLanguageTag, englishProblems['language-tag-known']({}))
      .optional(),
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
    .regex(/^#[0-9a-fA-F]{6}$/, englishProblems.colour({}))
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
  id: z.string().regex(/^T\d{4}(\.\d{3})?$/, englishProblems['technique-id']({})),
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
    .regex(/^[0-9a-f]{64}$/, englishProblems.sha256({}))
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

/** The format without the checks across lists, from which the published JSON Schema and its fast validator are made. */
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
      .array(z.string().refine(isKnownLanguageTag, englishProblems['language-tag-known']({})))
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
  checkReferences(file, (path, { message, code, params }) =>
    ctx.addIssue({ code: 'custom', path, message, params: { code, params } }),
  ),
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
  /**
   * In English, in every UI language (the editor's too): tests, logs and the English UI read it, and a UI shows it
   * where it has no `code` nor `zodIssue` (a file that could not be read says the browser's own error).
   */
  message: string;
  /** On the last line of a capped list: how many problems it stands for. */
  more?: number;
  /** What `message` says, for a UI to say in its language; absent where the message is zod's own. */
  code?: ProblemCode;
  /** The values `message` is made from, as `code` names them (ProblemParams). */
  params?: ProblemParams[ProblemCode];
  /** zod's issue, where `message` is zod's own, for zod's locale of the UI language to say it (sayIssue). */
  zodIssue?: KeptIssue;
}

export type ParseResult = { ok: true; incident: Incident } | { ok: false; problems: Problem[] };

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

/** parseIncident's answer as a CheckResult: zod's output is not the file as written. */
export function checkWithZod(input: unknown): CheckResult {
  const result = parseIncident(input);
  return result.ok ? { ok: true, asWritten: false, incident: () => result.incident } : result;
}

/** A check's code as checkReferences gave it, or the code of one of the schema's fixed messages. */
function detailOfIssue(issue: z.core.$ZodIssue): ProblemDetail | undefined {
  if (issue.code === 'custom' && issue.params?.code !== undefined)
    return issue.params as ProblemDetail;
  return detailOfMessage(issue.message);
}

/** A zod issue as a problem: with its code where the message is the format's own, else with zod's issue kept. */
export function problemOfIssue(issue: z.core.$ZodIssue): Problem {
  const detail = detailOfIssue(issue);
  const said = { path: formatPath(issue.path), message: issue.message };
  return detail ? { ...said, ...detail } : { ...said, zodIssue: keepIssue(issue) };
}

/**
 * Validates an already-decoded JSON value; never throws. Problems are capped at MAX_PROBLEMS plus a count, their
 * messages in English: a UI says them in its language from their code or zod's issue.
 */
export function parseIncident(input: unknown): ParseResult {
  // The input's type is kept with zod's own problems (keepIssue); the format's own (a regex's, a check's) have a code.
  const result = IncidentSchema.safeParse(input, { error: requiredError, reportInput: true });
  if (!result.success) {
    const problems = result.error.issues.map(problemOfIssue);
    return { ok: false, problems: capProblems(problems, '(file)') };
  }
  return finishParse(input, result.data);
}

// Whether zod went on to the checks across lists in eventProblems' parse: it stops at a problem of a field's type.
let refined = false;
const ShapeThenChecks = IncidentObject.superRefine(() => {
  refined = true;
});

/**
 * parseIncident's problems with a file whose fields and events but those at `positions` (in order) are valid, from
 * a parse of those events alone, their paths the file's; and whether parseIncident would go on to the checks across
 * lists, whose problems follow these. At 100,000 events zod's parse of the whole file took 1.2–2.4 s of each change
 * to a draft with a problem. No problem when zod finds none in those events.
 */
export function eventProblems(
  file: IncidentFile,
  positions: readonly number[],
): { problems: Problem[]; checksRun: boolean } {
  refined = false;
  const part = { ...file, events: positions.map((i) => file.events[i]) };
  const result = ShapeThenChecks.safeParse(part, { error: requiredError, reportInput: true });
  const problems = result.success
    ? []
    : result.error.issues.map(({ path, ...issue }) => {
        const [key, at, ...rest] = path;
        const own = key === 'events' && typeof at === 'number';
        return problemOfIssue({ ...issue, path: own ? [key, positions[at]!, ...rest] : path });
      });
  return { problems, checksRun: refined };
}

/** A problem the checks across lists found, as parseIncident gives it (IncidentSchema's refinement). */
export const problemOfCheck = (path: (string | number)[], text: ProblemText): Problem => ({
  path: formatPath(path),
  message: text.message,
  code: text.code,
  params: text.params,
});

/**
 * A valid file as the app holds it: imported `__proto__` columns kept, intervals added, events in reading order.
 * `data`'s events are this parse's own (zod's output, or the value just parsed from a file) and gain their
 * intervals in place: copying 100,000 events took longer than checking their references.
 */
export function finishParse(input: unknown, data: IncidentFile): ParseResult {
  const ordered = orderParse(input, data);
  return ordered.ok ? { ok: true, incident: ordered.incident() } : ordered;
}
