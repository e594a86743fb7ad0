// The app's own problem messages as codes with their values, so that a UI can say them in its language.
import { formatCount } from './format-count';

/**
 * The values each code's message is made from. Every value is a string, a number, a list of them or another code's
 * detail, so that a problem keeps them through a worker's postMessage.
 */
export interface ProblemParams {
  'id-shape': Record<string, never>;
  'text-required': Record<string, never>;
  'text-map': Record<string, never>;
  'text-shape': Record<string, never>;
  'language-tag-shape': Record<string, never>;
  'language-needed': Record<string, never>;
  'language-tags-known': Record<string, never>;
  'language-tag-known': Record<string, never>;
  'utc-time': Record<string, never>;
  'calendar-time': Record<string, never>;
  'http-url': Record<string, never>;
  colour: Record<string, never>;
  'technique-id': Record<string, never>;
  sha256: Record<string, never>;
  /** zod's "expected string, received undefined" as the English UI says it; `expected` is zod's type name. */
  required: { expected: string };
  'expected-string': Record<string, never>;
  'duplicate-id': { id: string; list: string };
  'unknown-id': { id: string; list: string };
  'listed-twice': { item: string; list: string; at: number };
  'link-listed-twice': { kind: string; event: string; list: string; at: number };
  'too-precise': { field: 'start' | 'end'; time: string; precision: string };
  'end-before-start': { end: string; start: string };
  'causal-cycle': { ids: readonly string[] };
  'file-too-large': { size: number; limit: number };
  'not-utf8': { expected: 'JSON' | 'JSON or CSV' };
  'file-empty': Record<string, never>;
  'too-deep': { max: number };
  'not-json': { detail: string };
  'more-same': { more: number };
  'more-kinds': { more: number; kinds: number };
  /** papaparse's own message, which it gives in English only. */
  'csv-syntax': { detail: string };
  'csv-no-header': Record<string, never>;
  'column-twice': { column: string };
  'cells-beyond-header': { cells: number; columns: number };
  /** `shapes` are timeShape's names; `rows` the first row of each, in the same order. */
  'mixed-time-formats': { shapes: readonly string[]; rows: readonly number[] };
  'not-a-zone': { zone: string };
  'date-order-conflict': Record<string, never>;
  /** `field` is a key of ColumnMapping. */
  'no-column-for': { column: string; field: string; headers: readonly string[] };
  'choose-time-title': Record<string, never>;
  'no-events': Record<string, never>;
  'time-required': { others: readonly string[] };
  'import-end-before-start': Record<string, never>;
  'title-required': Record<string, never>;
  'not-an-outcome': { value: string };
  'not-a-precision': { value: string };
  'precision-not-aligned': { precision: string };
  'no-technique-id': { value: string };
  /** The first of a kind of problem that many rows or lines share: `row` is where it is, `word` "row" or "line". */
  'in-rows': { problem: ProblemDetail; word: string; row: string };
  'timesketch-columns': { headers: readonly string[] };
  'jsonl-object': Record<string, never>;
  'time-range': Record<string, never>;
  'time-needs-zone': { text: string };
  'date-order-unknown': { text: string };
  'not-a-time': { text: string };
  'not-calendar-date': { text: string };
  'offset-time': Record<string, never>;
  'l2t-zone': { zone: string };
  'timesketch-datetime': Record<string, never>;
  'timesketch-microseconds': Record<string, never>;
  'time-years': Record<string, never>;
  /** A warning: `containment` and `last` are UTC stamps as utcStamp writes them, `lastId` the later event's id. */
  'containment-before-last-activity': { containment: string; last: string; lastId: string };
  /** A warning: an indicator written live in a text, with the indicator's id and its defanged form. */
  'live-indicator': { value: string; id: string; defanged: string };
}

export type ProblemCode = keyof ProblemParams;

/** A code with its own values. */
export type ProblemDetail = {
  [K in ProblemCode]: { code: K; params: ProblemParams[K] };
}[ProblemCode];

/** A problem's English message with the code and values it was made from. */
export type ProblemText = ProblemDetail & { message: string };

/** Each code's message for its values; a catalog of the UI says them the same way in its language. */
export type ProblemMessages = { [K in ProblemCode]: (params: ProblemParams[K]) => string };

const quoted = (s: string) => `"${s}"`;

// How a time column's ways of writing a time are named (generic-csv's timeShape).
const SHAPE_NAMES: Record<string, string> = {
  iso: 'year-month-day',
  slashed: 'slashed dates',
  excel: 'Excel serial dates',
  other: 'other text',
};

/** A size as the loaders state it; here rather than in file-size.ts, which makes its problem from this table. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** The messages in English: the `message` every problem carries, and the English UI's words for each code. */
export const englishProblems: ProblemMessages = {
  'id-shape': () => 'expected a slug: lowercase letters, digits and single hyphens',
  'text-required': () => 'required: expected text (a string, or a map of language tags to strings)',
  'text-map': () =>
    'expected a map from known language tags such as "en" or "zh-Hant" to non-empty strings',
  'text-shape': () =>
    'expected text: a non-empty string, or a map of language tags such as "en" to strings',
  'language-tag-shape': () => 'expected a BCP 47 language tag such as "en" or "zh-Hant"',
  'language-needed': () => 'expected at least one language',
  'language-tags-known': () => 'expected known language tags',
  'language-tag-known': () => 'expected a known language tag',
  'utc-time': () => 'expected an ISO 8601 UTC time such as "2023-11-22T14:18:22Z"',
  'calendar-time': () => 'expected a real calendar time between years 0001 and 9999',
  'http-url': () => 'expected an http(s) URL',
  colour: () => 'expected a colour such as "#3366cc"',
  'technique-id': () => 'expected an ATT&CK Enterprise technique id such as "T1078.004"',
  sha256: () => 'expected 64 lowercase hex digits',
  required: ({ expected }) => `required: expected ${expected}`,
  'expected-string': () => 'expected string',
  'duplicate-id': ({ id, list }) => `duplicate id "${id}" in ${list}`,
  'unknown-id': ({ id, list }) => `unknown ${list} id "${id}": expected one of the ids in ${list}`,
  'listed-twice': ({ item, list, at }) =>
    `"${item}" is listed twice (first at ${list}[${at}]); expected each only once`,
  'link-listed-twice': ({ kind, event, list, at }) =>
    `the link ${kind} "${event}" is listed twice (first at ${list}[${at}]); expected each only once`,
  'too-precise': ({ field, time, precision }) =>
    `${field} "${time}" has more detail than its precision "${precision}" allows`,
  'end-before-start': ({ end, start }) => `end "${end}" is before start "${start}"`,
  'causal-cycle': ({ ids }) =>
    `the led-to and enabled links form a cycle: ${ids.map(quoted).join(' → ')}; expected no event to lead to itself`,
  'file-too-large': ({ size, limit }) =>
    `the file is ${formatBytes(size)}; the limit is ${formatBytes(limit)}`,
  'not-utf8': ({ expected }) =>
    `the file is not valid UTF-8 text; expected ${expected} encoded as UTF-8`,
  'file-empty': () => 'the file is empty; expected a JSON incident object',
  'too-deep': ({ max }) => `JSON is nested deeper than ${max} levels`,
  'not-json': ({ detail }) => `not valid JSON: ${detail}`,
  'more-same': ({ more }) => `and ${formatCount(more)} more of the same kinds`,
  'more-kinds': ({ more, kinds }) =>
    `and ${formatCount(more)} more, of these kinds and ${formatCount(kinds)} others`,
  'csv-syntax': ({ detail }) => detail,
  'csv-no-header': () => 'the file is empty; expected a header row of column names',
  'column-twice': ({ column }) => `column "${column}" appears twice; expected unique column names`,
  'cells-beyond-header': ({ cells, columns }) =>
    `${cells} cells, but the header names ${columns} columns`,
  'mixed-time-formats': ({ shapes, rows }) =>
    `mixes time formats: ${shapes.map((shape, i) => `${SHAPE_NAMES[shape] ?? shape} (e.g. row ${rows[i]})`).join(', ')}; expected one format in a column`,
  'not-a-zone': ({ zone }) =>
    `"${zone}" is not a zone; expected UTC, an offset such as +08:00, or a zone such as Europe/Berlin`,
  'date-order-conflict': () =>
    'has dates with a day over 12 both first and second; expected one date order',
  'no-column-for': ({ column, field, headers }) =>
    `no column "${column}" for ${field}; the header has ${headers.join(', ')}`,
  'choose-time-title': () => "choose the columns that hold each event's time and title",
  'no-events': () => 'no events: expected at least one record after the header',
  'time-required': ({ others }) =>
    others.length > 0 ? `required (or ${others.join(' or ')})` : 'required: expected a time',
  'import-end-before-start': () => 'the end is before the start',
  'title-required': () => 'required: expected the text of the event',
  'not-an-outcome': ({ value }) =>
    `"${value}" is not an outcome; expected succeeded, failed or unknown`,
  'not-a-precision': ({ value }) =>
    `"${value}" is not a precision; expected second, minute, hour, day or month`,
  'precision-not-aligned': ({ precision }) =>
    `the time is not at the start of its ${precision}, as the precision column says it is known to`,
  'no-technique-id': ({ value }) =>
    `"${value}" has no ATT&CK technique id; expected ids such as T1078 or T1059.001`,
  'in-rows': ({ problem, word, row }) => `${sayIn(englishProblems, problem)}, e.g. ${word} ${row}`,
  'timesketch-columns': ({ headers }) =>
    `expected the columns message and datetime (or timestamp); the header has ${headers.join(', ')}`,
  'jsonl-object': () => 'expected a JSON object such as {"message": …, "datetime": …}',
  'time-range': () => 'expected a time between 1970 and 2100',
  'time-needs-zone': ({ text }) =>
    `"${text}" has no zone: choose the zone of times written without one (UTC, an offset such as +08:00, or a zone such as Europe/Berlin)`,
  'date-order-unknown': ({ text }) =>
    `"${text}" could be month/day or day/month: choose the date order`,
  'not-a-time': ({ text }) =>
    `"${text}" is not a time; expected 2024-03-04 08:12:33, 03/04/2024 08:12, an Excel serial date, or ISO 8601 with an offset`,
  'not-calendar-date': ({ text }) => `"${text}" is not a real calendar time`,
  'offset-time': () =>
    'expected an ISO 8601 time with an offset, such as 2024-03-04T08:15:02+00:00',
  'l2t-zone': ({ zone }) =>
    `"${zone}" in the timezone column is not a zone; expected UTC or a zone name`,
  'timesketch-datetime': () =>
    'expected an ISO 8601 time with offset, such as 2023-11-22T14:18:22+00:00',
  'timesketch-microseconds': () =>
    'expected whole microseconds since 1970-01-01 UTC, such as 1700662702000000',
  'time-years': () => 'expected a time between the years 0001 and 9999',
  'containment-before-last-activity': ({ containment, last, lastId }) =>
    `the containment milestone (${containment} UTC) comes before the last adversary activity ` +
    `(events[id=${lastId}], ${last} UTC): containment cannot come before the last adversary ` +
    'activity it stopped; expected the milestone on the event that ended the access',
  'live-indicator': ({ value, id, defanged }) =>
    `shows the indicator "${value}" (indicators[id=${id}]) live: expected it defanged, as "${defanged}"`,
};

/** A code's message in `messages`' language; for a code whose message holds another's. */
export function sayIn(messages: ProblemMessages, { code, params }: ProblemDetail): string {
  // The entry for this code takes this code's params; TypeScript cannot pair the two fields of a ProblemDetail.
  return (messages[code] as (params: ProblemParams[ProblemCode]) => string)(params);
}

/** The problem text for `code` and its values: the English message, with them for a UI to translate. */
export function problemText<K extends ProblemCode>(code: K, params: ProblemParams[K]): ProblemText {
  return { code, params, message: englishProblems[code](params) } as ProblemText;
}

let byMessage: Map<string, ProblemDetail> | undefined;

/**
 * The code of a message the format's schema gives as a fixed string (a regex's or a refinement's), or of the English
 * "required" zod's map gives. Only a failed parse asks, so the table is built on the first failure.
 */
export function detailOfMessage(message: string): ProblemDetail | undefined {
  byMessage ??= new Map(
    Object.entries(englishProblems)
      // A message made from no values: a function of no parameters.
      .filter(([, say]) => say.length === 0)
      .map(([code, say]) => [(say as () => string)(), { code, params: {} } as ProblemDetail]),
  );
  const known = byMessage.get(message);
  if (known) return known;
  const required = /^required: expected (\w+)$/.exec(message);
  return required ? { code: 'required', params: { expected: required[1]! } } : undefined;
}
