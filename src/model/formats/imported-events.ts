// Turns records read from a foreign timeline file into an incident file: times to UTC, values to taxonomies, the rest to `extra`.
import type {
  Action,
  Actor,
  EventFile,
  IncidentFile,
  LocalizedText,
  Phase,
  Problem,
  System,
  Technique,
} from '../incident';
import { problemText, type ProblemText } from '../problem-codes';
import { capProblems } from '../problems';
import { coarser, isAlignedToPrecision, PRECISIONS, toIsoUtc } from '../time';
import { finer, type ParsedTime, type TimeReader } from './foreign-time';
import { ATTACK_NAMES } from './attack-names';
import {
  ACTIVITY,
  guessActorKind,
  NO_PHASE,
  OUTCOMES,
  PALETTE,
  PLACEHOLDER_LABELS,
  UNKNOWN,
} from './import-guesses';
import { groupProblems } from './import-problems';
import { slugify, terms, uniqueIds } from './import-ids';

export type ImportResult = { ok: true; file: IncidentFile } | { ok: false; problems: Problem[] };

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
  /** A column naming each time's precision (second to month); it may say less than the time's text, never more. */
  precision?: string;
  title: string;
  description?: string;
  id?: string;
  phase?: string;
  actor?: string;
  action?: string;
  system?: string;
  technique?: string;
  outcome?: string;
  /** Side of each actor value, as the user chose; a value not listed is guessed from its name. */
  actorKinds?: Record<string, Actor['kind']>;
  /** The term each value of the phase or action column stands for; a value not listed is a term of its own. */
  phaseTerms?: Record<string, string>;
  actionTerms?: Record<string, string>;
  /** The outcome each value of the outcome column stands for, beyond the everyday words read anyway. */
  outcomeTerms?: Record<string, EventFile['outcome']>;
  /** Records with the same start and systems become one event. */
  groupSameTime?: boolean;
}

export interface ImportOptions {
  fileName: string;
  /** Names the format in the source entry: "Timesketch CSV". */
  formatLabel: string;
  /** What the format calls a cell: "column" in CSV, "field" in JSON. */
  cellWord: string;
}

interface Draft {
  record: SourceRecord;
  start: ParsedTime;
  end?: ParsedTime;
  title: string;
  description?: string;
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
    columns.precision,
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
  if (problems.length > 0)
    return { ok: false, problems: capProblems(groupProblems(problems), options.fileName) };
  if (drafts.length === 0)
    return {
      ok: false,
      problems: [{ path: options.fileName, ...problemText('no-events', {}) }],
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
  const fail = (column: string, problem: ProblemText | string) =>
    void problems.push({
      path: at(column),
      ...(typeof problem === 'string' ? { message: problem } : problem),
    });
  const raw = (column: string | undefined) => ownValue(record, column);
  const text = (column: string | undefined) => raw(column)?.trim() || undefined;
  // No prototype, so a column named "__proto__" is kept like any other.
  const extra: Record<string, string> = Object.create(null);
  const time = (column: string, read: TimeReader, cell: string) => {
    const t = read(cell);
    if (typeof t === 'string' || 'message' in t) return void fail(column, t);
    if (t.truncated) extra[column] = cell;
    return t;
  };

  const startColumn = columns.start.find((c) => text(c.column) !== undefined);
  let start: ParsedTime | undefined;
  if (startColumn) start = time(startColumn.column, startColumn.read, text(startColumn.column)!);
  else {
    const [first, ...others] = columns.start.map((c) => c.column);
    fail(first!, problemText('time-required', { others }));
  }
  const endText = text(columns.end?.column);
  const end =
    columns.end && endText !== undefined
      ? time(columns.end.column, columns.end.read, endText)
      : undefined;
  if (start && end && end.ms < start.ms)
    fail(columns.end!.column, problemText('import-end-before-start', {}));
  const precisionText = text(columns.precision);
  const stated = PRECISIONS.find((p) => p === precisionText?.toLowerCase());
  if (precisionText !== undefined && stated === undefined)
    fail(columns.precision!, problemText('not-a-precision', { value: precisionText }));
  // A date exported as midnight at its day's precision reads as that day again, not as a second.
  const known = (t: ParsedTime | undefined) => {
    if (!t || !stated) return t;
    const precision = coarser(t.precision, stated);
    if (!isAlignedToPrecision(toIsoUtc(t.ms), precision))
      fail(columns.precision!, problemText('precision-not-aligned', { precision }));
    return { ...t, precision };
  };
  const startAt = known(start);
  const endAt = known(end);

  const title = raw(columns.title);
  if (title === undefined || title.trim() === '')
    fail(columns.title, problemText('title-required', {}));

  const outcomeText = text(columns.outcome);
  const outcome =
    outcomeText === undefined
      ? 'unknown'
      : (chosen(columns.outcomeTerms, outcomeText) ?? OUTCOMES.get(outcomeText.toLowerCase()));
  if (outcome === undefined)
    fail(columns.outcome!, problemText('not-an-outcome', { value: outcomeText! }));

  const techniqueText = text(columns.technique) ?? '';
  // Ids anywhere in the cell count, so "T1059.001 PowerShell" and "T1059.001, T1105" both read.
  const techniques = [...techniqueText.toUpperCase().matchAll(TECHNIQUE_IN_TEXT)].map((m) => m[0]);
  if (techniqueText !== '' && techniques.length === 0)
    fail(columns.technique!, problemText('no-technique-id', { value: techniqueText }));

  if (problems.length > before || !start || title === undefined || outcome === undefined)
    return undefined;

  for (const [key, value] of Object.entries(record.values))
    if (!mapped.has(key)) extra[key] = value;
  const systems = splitList(text(columns.system));
  const phase = text(columns.phase);
  const action = text(columns.action);

  return {
    record,
    start: startAt!,
    end: endAt,
    title,
    description: text(columns.description),
    phase: phase === undefined ? NO_PHASE : chosen(columns.phaseTerms, phase)?.trim() || phase,
    actor: text(columns.actor) ?? UNKNOWN,
    action: action === undefined ? '' : chosen(columns.actionTerms, action)?.trim() || action,
    systems: systems.length > 0 ? systems : [UNKNOWN],
    techniques: [...new Set(techniques)],
    outcome,
    extra,
  };
}

const TECHNIQUE_IN_TEXT = /\bT\d{4}(?:\.\d{3})?\b/g;

/** A list cell split on commas, semicolons and line breaks, blanks and repeats dropped. */
export function splitList(cell: string | undefined): string[] {
  if (cell === undefined) return [];
  return [...new Set(cell.split(/[,;\r\n]+/).map((s) => s.trim()))].filter(Boolean);
}

/** The user's choice for a value, looked up as an own key so "constructor" finds nothing. */
function chosen<T>(choices: Record<string, T> | undefined, value: string): T | undefined {
  return choices && Object.hasOwn(choices, value) ? choices[value] : undefined;
}

/** One draft for each run of drafts (already sorted) sharing a start and systems: titles listed, the rest merged. */
function groupSameTime(drafts: Draft[]): Draft[] {
  const groups: Draft[][] = [];
  let key = '';
  for (const d of drafts) {
    const k = `${d.start.ms}\n${d.systems.join('\n')}`;
    if (k === key) groups.at(-1)!.push(d);
    else groups.push([d]);
    key = k;
  }
  return groups.map((group) => {
    if (group.length === 1) return group[0]!;
    const [first] = group as [Draft, ...Draft[]];
    const extra: Record<string, string> = Object.create(null);
    for (const d of group)
      for (const [k, v] of Object.entries(d.extra))
        extra[k] = extra[k] === undefined || extra[k] === v ? v : `${extra[k]}; ${v}`;
    return {
      ...first,
      title: `${first.title} (+${group.length - 1})`,
      description: group.map((d) => d.title).join('\n'),
      techniques: [...new Set(group.flatMap((d) => d.techniques))],
      extra,
    };
  });
}

function buildFile(
  unsorted: Draft[],
  columns: Columns,
  { fileName, formatLabel }: ImportOptions,
): IncidentFile {
  // Stable sort: records with the same start keep their order in the file.
  const sorted = [...unsorted].sort((a, b) => a.start.ms - b.start.ms);
  const drafts = columns.groupSameTime ? groupSameTime(sorted) : sorted;
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
      actorKind.set(actor, chosen(columns.actorKinds, d.actor) ?? guessActorKind(d.actor));
    const action = actions.idOf(d.action || ACTIVITY[actorKind.get(actor)!]);
    if (!actionKind.has(action)) actionKind.set(action, actorKind.get(actor)!);
    d.techniques.forEach((t) => techniqueIds.add(t));
    const idText = ownValue(d.record, columns.id);
    return {
      id: eventId(idText ?? d.record.where),
      start: toIsoUtc(d.start.ms),
      ...(d.end && { end: toIsoUtc(d.end.ms) }),
      precision: d.end ? finer(d.start.precision, d.end.precision) : d.start.precision,
      title: d.title,
      ...(d.description !== undefined && { description: d.description }),
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
  // The placeholder for a missing column is ours, not the file's, so it speaks the reader's language.
  const labelOf = (label: string): LocalizedText => PLACEHOLDER_LABELS.get(label) ?? label;

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
      label: labelOf(label),
      order,
      color: PALETTE[order % PALETTE.length]!,
      ...(label === NO_PHASE && { band: false as const }),
    })),
    systems: list<System>(systems, (id, label) => ({
      id,
      label: labelOf(label),
      kind: 'other',
      ownership: 'first-party',
    })),
    actors: list<Actor>(actors, (id, label) => ({
      id,
      label: labelOf(label),
      kind: actorKind.get(id)!,
    })),
    actions: list<Action>(actions, (id, label) => ({
      id,
      label: labelOf(label),
      actorKind: actionKind.get(id)!,
    })),
    ...(techniqueIds.size > 0 && {
      techniques: [...techniqueIds]
        .sort()
        .map((id): Technique => ({ id, name: ATTACK_NAMES.get(id) ?? id })),
    }),
    events,
  };
}
