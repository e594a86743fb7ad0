// Rows pasted from a spreadsheet into a draft: read like a CSV for the mapping step, then merged as new events.
import { deriveEventId, deriveId, setText, type DraftDoc } from './draft';
import { readCsv } from './formats/csv-cells';
import { type ImportChoices, importGenericCsv } from './formats/generic-csv';
import { PLACEHOLDER_LABELS } from './formats/import-guesses';
import type { ImportResult } from './formats/imported-events';
import { type ColumnsToMap, readColumnsToMap } from './formats/mapping-step';
import { timeShape } from './formats/spreadsheet-time';
import type { EventFile, IncidentFile, LocalizedText } from './incident';
import { allVersions, localize } from './text';

/** Whether pasted text is rows to add (cells split by tabs, commas or semicolons), not an incident file or a word. */
export function looksLikeRows(text: string): boolean {
  if (/^\s*[[{]/.test(text)) return false;
  return text.split(/\r?\n/).some((line) => /[\t,;]/.test(line));
}

const delimiterOf = (line: string) =>
  line.includes('\t') ? '\t' : line.split(';').length > line.split(',').length ? ';' : ',';

const isTime = (cell: string) => ['iso', 'slashed'].includes(timeShape(cell));

/**
 * The pasted text as a table with a header row. Rows copied without their header (a time in the first row) get
 * columns named "column 1", "column 2"…, with the first time column and the first other one guessed as time and title.
 */
export function pastedTable(text: string): { text: string; guess?: Partial<ImportChoices> } {
  const body = text.replace(/^(\s*\r?\n)+/, '').replace(/(\r?\n\s*)+$/, '');
  const first = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = delimiterOf(first);
  const cells = first.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, ''));
  const timeAt = cells.findIndex(isTime);
  if (timeAt < 0) return { text: body };
  const names = cells.map((_, i) => `column ${i + 1}`);
  const titleAt = cells.findIndex((c, i) => i !== timeAt && c !== '' && !isTime(c));
  return {
    text: `${names.join(delimiter)}\n${body}`,
    guess: { time: names[timeAt], ...(titleAt >= 0 && { title: names[titleAt] }) },
  };
}

/** The pasted rows for the mapping step, named `name` in its messages; undefined when there is no row to map. */
export function pastedColumns(
  text: string,
  name: string,
): { table: string; columns: ColumnsToMap; rows: number } | undefined {
  const { text: table, guess } = pastedTable(text);
  const columns = readColumnsToMap(table, name);
  const read = readCsv(table, name);
  if (!columns || !read.ok) return undefined;
  return { table, columns: guess ? { ...columns, guess } : columns, rows: read.records.length };
}

/** The pasted rows read through the chosen mapping, as an incident file of their own (merged by `mergeRows`). */
export function readPastedRows(table: string, name: string, choices: ImportChoices): ImportResult {
  return importGenericCsv(table, name, choices);
}

type Term = { id: string } & Record<string, unknown>;
const LISTS = ['phases', 'systems', 'actors', 'actions', 'sources', 'techniques'] as const;
type List = (typeof LISTS)[number];

const labelOf = (list: List, term: Term): LocalizedText | undefined =>
  (list === 'sources' ? term.title : list === 'techniques' ? term.name : term.label) as
    LocalizedText | undefined;

const words = (text: LocalizedText | undefined) =>
  new Set(allVersions(text).map((w) => w.trim().toLowerCase()));

/** The draft's term a placeholder stands for: the first phase in order, an action of the same side, else the first. */
function defaultTerm(list: List, term: Term, ours: Term[]): Term | undefined {
  if (list === 'sources' || list === 'techniques') return undefined;
  if (list === 'phases')
    return [...ours].sort((a, b) => (a.order as number) - (b.order as number))[0];
  return (
    ours.find((o) => term.actorKind !== undefined && o.actorKind === term.actorKind) ?? ours[0]
  );
}

/** The draft's term that `term` of the rows is: same technique id, same label in any language, or its placeholder's. */
function sameTerm(list: List, term: Term, ours: Term[]): Term | undefined {
  if (list === 'techniques') return ours.find((o) => o.id === term.id);
  const label = labelOf(list, term);
  const named = words(label);
  const byLabel = ours.find((o) => [...words(labelOf(list, o))].some((w) => named.has(w)));
  const placeholder = typeof label === 'object' && PLACEHOLDER_LABELS.has(localize(label, 'en'));
  return byLabel ?? (placeholder ? defaultTerm(list, term, ours) : undefined);
}

/** `term` of the rows as a new term of the draft: an id unique in its list, text in `lang`, phases ordered last. */
function newTerm(list: List, term: Term, ours: Term[], lang: string): Term {
  if (list === 'techniques') return term;
  const label = labelOf(list, term);
  const id = deriveId(
    localize(label, lang),
    ours.map((o) => o.id),
    list.slice(0, -1),
  );
  const text = typeof label === 'string' ? setText(undefined, lang, label) : label;
  if (list === 'sources') return { ...term, id, title: text };
  if (list === 'phases')
    return {
      ...term,
      id,
      label: text,
      order: Math.max(-1, ...ours.map((o) => o.order as number)) + 1,
    };
  return { ...term, id, label: text };
}

/**
 * Adds the events of `rows` (an imported file) to the draft. Each gets an id derived from its title, unique among the
 * draft's; a phase, system, actor, action, source or technique the rows name is the draft's term with that label (or
 * technique id), or else is added. Placeholders the import makes for a column left unmapped ("Unknown", "No phase")
 * become the draft's first term instead. The draft's own events are untouched.
 */
export function mergeRows(
  doc: DraftDoc,
  rows: IncidentFile,
  lang: string,
): { doc: DraftDoc; ids: string[] } {
  const lists = {} as Record<List, Term[]>;
  const idMaps = {} as Record<List, Map<string, string>>;
  for (const list of LISTS) {
    const ours = [...((doc.file[list] ?? []) as unknown as Term[])];
    const map = new Map<string, string>();
    for (const term of (rows[list] ?? []) as unknown as Term[]) {
      const same = sameTerm(list, term, ours) ?? newTerm(list, term, ours, lang);
      if (!ours.includes(same)) ours.push(same);
      map.set(term.id, same.id);
    }
    lists[list] = ours;
    idMaps[list] = map;
  }
  const to = (list: List, id: string) => idMaps[list].get(id) ?? id;
  const text = (t: LocalizedText): LocalizedText =>
    typeof t === 'string' ? setText(undefined, lang, t) : t;
  // One set, each new id added: a copy of every id per row was quadratic in a large draft.
  const taken = new Set(doc.file.events.map((e) => e.id));
  const ids: string[] = [];
  const events = rows.events.map((e): EventFile => {
    const id = deriveEventId(localize(e.title, lang), e.start, e.precision, (x) => taken.has(x));
    taken.add(id);
    ids.push(id);
    return {
      ...e,
      id,
      title: text(e.title),
      ...(e.description !== undefined && { description: text(e.description) }),
      phase: to('phases', e.phase),
      actor: to('actors', e.actor),
      action: to('actions', e.action),
      systems: [...new Set(e.systems.map((s) => to('systems', s)))],
      ...(e.techniques && { techniques: e.techniques.map((t) => to('techniques', t)) }),
      citations: e.citations.map((c) => ({ ...c, source: to('sources', c.source) })),
    };
  });
  const { techniques, ...named } = lists;
  const file = {
    ...doc.file,
    ...named,
    // An empty list stays absent, as the draft had it.
    ...(techniques.length > 0 && { techniques }),
    events: [...doc.file.events, ...events],
  } as IncidentFile;
  return { doc: { ...doc, file, added: [...doc.added, ...ids] }, ids };
}
