// Turns records read from a foreign timeline file into an incident file: times to UTC, values to taxonomies, the rest to `extra`.
import type {
  Action,
  Actor,
  EventFile,
  IncidentFile,
  Phase,
  Problem,
  System,
  Technique,
} from '../incident';
import { capProblems } from '../problems';
import { PRECISIONS, type Precision, toIsoUtc } from '../time';

export type ImportResult = { ok: true; file: IncidentFile } | { ok: false; problems: Problem[] };

export interface ParsedTime {
  /** Epoch ms in UTC, cut down to the precision. */
  ms: number;
  precision: Precision;
  /** Sub-second digits were dropped; the original text is then kept in `extra`. */
  truncated: boolean;
}

/** Reads one cell as a time; a string result says what was expected instead. */
export type TimeReader = (text: string) => ParsedTime | string;

/** One record of the foreign file. */
export interface SourceRecord {
  /** Where it is, for messages and citations: "row 7", "line 3". */
  where: string;
  /** Non-empty values by column or field name. */
  values: Record<string, string>;
}

/** Which column feeds which event field; columns not named here go to `extra`. */
export interface Columns {
  /** Candidates in order of preference: the first with a value in a record gives the start. */
  start: { column: string; read: TimeReader }[];
  end?: { column: string; read: TimeReader };
  title: string;
  description?: string;
  id?: string;
  phase?: string;
  actor?: string;
  action?: string;
  system?: string;
  technique?: string;
  outcome?: string;
}

export interface ImportOptions {
  fileName: string;
  /** Names the format in the source entry: "Timesketch CSV". */
  formatLabel: string;
  /** What the format calls a cell: "column" in CSV, "field" in JSON. */
  cellWord: string;
}

const MIN_MS = Date.parse('0001-01-01T00:00:00Z');
const MAX_MS = Date.parse('9999-12-31T23:59:59Z');

// Date and time, then an optional zone: Z, +hh:mm, +hhmm or +hh.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * An ISO 8601 date (a whole UTC day) or date-time with Z or an offset, converted to UTC. The precision follows the
 * text: a date is a day, hh:mm a minute, hh:mm:ss a second. A time without a zone is refused: it could be any zone.
 */
export function readIsoTime(text: string): ParsedTime | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  if (h !== undefined && zone === undefined) return undefined;
  const wall = `${y}-${mo}-${d}T${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}Z`;
  const wallMs = Date.parse(wall);
  // Date.parse rolls 31 June over to 1 July; a real calendar time survives the round trip unchanged.
  if (!Number.isFinite(wallMs) || new Date(wallMs).toISOString().slice(0, 19) !== wall.slice(0, 19))
    return undefined;
  const ms = wallMs - offsetMs(zone);
  if (!(ms >= MIN_MS && ms <= MAX_MS)) return undefined;
  const precision = h === undefined ? 'day' : s === undefined ? 'minute' : 'second';
  return { ms, precision, truncated: fraction !== undefined && /[1-9]/.test(fraction) };
}

function offsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return NaN;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/** A whole-second time from epoch milliseconds, keeping note of dropped milliseconds. */
export function fromEpochMs(ms: number): ParsedTime | undefined {
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) return undefined;
  const second = Math.floor(ms / 1000) * 1000;
  return { ms: second, precision: 'second', truncated: second !== ms };
}

// PRECISIONS runs from finest to coarsest.
const finer = (a: Precision, b: Precision) =>
  PRECISIONS.indexOf(a) <= PRECISIONS.indexOf(b) ? a : b;

/** A slug id from any text: "Atlassian Jira" -> "atlassian-jira"; empty when no letter or digit survives. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}

/** Hands out slug ids that are unique in one list: a taken slug gets "-2", "-3"… */
function uniqueIds(fallback: string): (text: string) => string {
  const taken = new Set<string>();
  // The next suffix to try per slug, so a slug shared by n records costs n tries in all rather than n²/2.
  const nextSuffix = new Map<string, number>();
  return (text) => {
    const base = slugify(text) || fallback;
    let id = base;
    if (taken.has(base)) {
      let n = nextSuffix.get(base) ?? 2;
      while (taken.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      nextSuffix.set(base, n + 1);
    }
    taken.add(id);
    return id;
  };
}

/** One id per distinct label, in order of first appearance. */
function terms(fallback: string) {
  const next = uniqueIds(fallback);
  const byLabel = new Map<string, string>();
  return {
    byLabel,
    idOf(label: string): string {
      let id = byLabel.get(label);
      if (id === undefined) byLabel.set(label, (id = next(label)));
      return id;
    },
  };
}

// A Map, not an object literal: a cell reading "constructor" must find no outcome, not Object's constructor.
const OUTCOMES = new Map<string, EventFile['outcome']>([
  ['succeeded', 'succeeded'],
  ['success', 'succeeded'],
  ['successful', 'succeeded'],
  ['ok', 'succeeded'],
  ['allowed', 'succeeded'],
  ['failed', 'failed'],
  ['failure', 'failed'],
  ['fail', 'failed'],
  ['denied', 'failed'],
  ['blocked', 'failed'],
  ['unknown', 'unknown'],
]);

const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;

// Imported files rarely say whose side an actor is on: a few words mark defenders, anyone else counts as the adversary.
const DEFENDER = /\b(soc|defenders?|responders?|analysts?|security|blue team|incident response)\b/i;

const PALETTE = [
  '#c0392b',
  '#d35400',
  '#8e44ad',
  '#2471a3',
  '#1e8449',
  '#117a65',
  '#7f8c8d',
  '#b7950b',
];

const UNKNOWN = 'Unknown';

interface Draft {
  record: SourceRecord;
  start: ParsedTime;
  end?: ParsedTime;
  title: string;
  description: string;
  phase: string;
  actor: string;
  action: string;
  systems: string[];
  techniques: string[];
  outcome: EventFile['outcome'];
  extra: Record<string, string>;
}

/** Builds an incident file from the records, or lists the problems (capped, as capProblems does) by record and column. */
export function recordsToIncident(
  records: SourceRecord[],
  columns: Columns,
  options: ImportOptions,
): ImportResult {
  const problems: Problem[] = [];
  const drafts: Draft[] = [];
  const mapped = new Set<string | undefined>([
    ...columns.start.map((c) => c.column),
    columns.end?.column,
    columns.title,
    columns.description,
    columns.id,
    columns.phase,
    columns.actor,
    columns.action,
    columns.system,
    columns.technique,
    columns.outcome,
  ]);
  for (const record of records) {
    const draft = readRecord(record, columns, mapped, options, problems);
    if (draft) drafts.push(draft);
  }
  if (problems.length > 0) return { ok: false, problems: capProblems(problems, options.fileName) };
  if (drafts.length === 0)
    return {
      ok: false,
      problems: [
        {
          path: options.fileName,
          message: 'no events: expected at least one record after the header',
        },
      ],
    };
  return { ok: true, file: buildFile(drafts, columns, options) };
}

/** The record's own value in a column: on a plain object "constructor" or "toString" would find Object's methods. */
function ownValue(record: SourceRecord, column: string | undefined): string | undefined {
  return column !== undefined && Object.hasOwn(record.values, column)
    ? record.values[column]
    : undefined;
}

function readRecord(
  record: SourceRecord,
  columns: Columns,
  mapped: Set<string | undefined>,
  options: ImportOptions,
  problems: Problem[],
): Draft | undefined {
  const before = problems.length;
  const at = (column: string) =>
    `${options.fileName}: ${record.where}, ${options.cellWord} ${column}`;
  const fail = (column: string, message: string) =>
    void problems.push({ path: at(column), message });
  const raw = (column: string | undefined) => ownValue(record, column);
  const text = (column: string | undefined) => raw(column)?.trim() || undefined;
  // No prototype, so a column named "__proto__" is kept like any other.
  const extra: Record<string, string> = Object.create(null);
  const time = (column: string, read: TimeReader, cell: string) => {
    const t = read(cell);
    if (typeof t === 'string') return void fail(column, t);
    if (t.truncated) extra[column] = cell;
    return t;
  };

  const startColumn = columns.start.find((c) => text(c.column) !== undefined);
  let start: ParsedTime | undefined;
  if (startColumn) start = time(startColumn.column, startColumn.read, text(startColumn.column)!);
  else {
    const [first, ...others] = columns.start.map((c) => c.column);
    fail(
      first!,
      others.length > 0 ? `required (or ${others.join(' or ')})` : 'required: expected a time',
    );
  }
  const endText = text(columns.end?.column);
  const end =
    columns.end && endText !== undefined
      ? time(columns.end.column, columns.end.read, endText)
      : undefined;
  if (start && end && end.ms < start.ms) fail(columns.end!.column, 'the end is before the start');

  const title = raw(columns.title);
  if (title === undefined || title.trim() === '')
    fail(columns.title, 'required: expected the text of the event');

  const outcomeText = text(columns.outcome);
  const outcome = outcomeText === undefined ? 'unknown' : OUTCOMES.get(outcomeText.toLowerCase());
  if (outcome === undefined)
    fail(
      columns.outcome!,
      `"${outcomeText}" is not an outcome; expected succeeded, failed or unknown`,
    );

  const techniques = (text(columns.technique) ?? '')
    .split(/[;,\s]+/)
    .filter(Boolean)
    .map((t) => t.toUpperCase());
  if (techniques.some((t) => !TECHNIQUE.test(t)))
    fail(
      columns.technique!,
      'expected ATT&CK technique ids such as T1078 or T1059.001, separated by ";"',
    );

  if (problems.length > before || !start || title === undefined || outcome === undefined)
    return undefined;

  for (const [key, value] of Object.entries(record.values))
    if (!mapped.has(key)) extra[key] = value;
  const systems = (text(columns.system) ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

  return {
    record,
    start,
    end,
    title,
    // The schema needs a description; a file without one repeats the title rather than invent text.
    description: raw(columns.description) ?? title,
    phase: text(columns.phase) ?? UNKNOWN,
    actor: text(columns.actor) ?? UNKNOWN,
    action: text(columns.action) ?? UNKNOWN,
    systems: systems.length > 0 ? systems : [UNKNOWN],
    techniques: [...new Set(techniques)],
    outcome,
    extra,
  };
}

function buildFile(
  unsorted: Draft[],
  columns: Columns,
  { fileName, formatLabel }: ImportOptions,
): IncidentFile {
  // Stable sort: records with the same start keep their order in the file.
  const drafts = [...unsorted].sort((a, b) => a.start.ms - b.start.ms);
  const phases = terms('phase');
  const actors = terms('actor');
  const actions = terms('action');
  const systems = terms('system');
  const actorKind = new Map<string, Actor['kind']>();
  const actionKind = new Map<string, Actor['kind']>();
  const techniqueIds = new Set<string>();
  const eventId = uniqueIds('event');
  const sourceId = slugify(fileName) || 'imported-file';

  const events: EventFile[] = drafts.map((d) => {
    const actor = actors.idOf(d.actor);
    if (!actorKind.has(actor))
      actorKind.set(actor, DEFENDER.test(d.actor) ? 'defender' : 'adversary');
    const action = actions.idOf(d.action);
    if (!actionKind.has(action)) actionKind.set(action, actorKind.get(actor)!);
    d.techniques.forEach((t) => techniqueIds.add(t));
    const idText = ownValue(d.record, columns.id);
    return {
      id: eventId(idText ?? d.record.where),
      start: toIsoUtc(d.start.ms),
      ...(d.end && { end: toIsoUtc(d.end.ms) }),
      precision: d.end ? finer(d.start.precision, d.end.precision) : d.start.precision,
      title: d.title,
      description: d.description,
      phase: phases.idOf(d.phase),
      actor,
      action,
      systems: [...new Set(d.systems.map((s) => systems.idOf(s)))],
      outcome: d.outcome,
      ...(d.techniques.length > 0 && { techniques: d.techniques }),
      citations: [{ source: sourceId, locator: d.record.where }],
      ...(Object.keys(d.extra).length > 0 && { extra: d.extra }),
    };
  });

  const list = <T>(
    t: ReturnType<typeof terms>,
    make: (id: string, label: string, i: number) => T,
  ): T[] => [...t.byLabel].map(([label, id], i) => make(id, label, i));

  return {
    schemaVersion: '1.0',
    id: slugify(fileName.replace(/\.[^.]*$/, '')) || 'imported-incident',
    title: fileName,
    summary: `${events.length} events imported from ${fileName} (${formatLabel}).`,
    timeZone: 'UTC',
    languages: ['en'],
    sources: [{ id: sourceId, title: fileName, note: `Imported from a ${formatLabel} file.` }],
    phases: list<Phase>(phases, (id, label, order) => ({
      id,
      label,
      order,
      color: PALETTE[order % PALETTE.length]!,
    })),
    systems: list<System>(systems, (id, label) => ({
      id,
      label,
      kind: 'other',
      ownership: 'first-party',
    })),
    actors: list<Actor>(actors, (id, label) => ({ id, label, kind: actorKind.get(id)! })),
    actions: list<Action>(actions, (id, label) => ({ id, label, actorKind: actionKind.get(id)! })),
    ...(techniqueIds.size > 0 && {
      techniques: [...techniqueIds].sort().map((id): Technique => ({ id, name: id })),
    }),
    events,
  };
}
