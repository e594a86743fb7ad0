// The fast path for large files: the generated JSON Schema validator plus what the schema cannot say, zod on failure.
import {
  checkReferences,
  finishParse,
  IncidentObject,
  isIsoUtc,
  isKnownLanguageTag,
  parseIncident,
  type EventFile,
  type IncidentFile,
  type LocalizedText,
  type ParseResult,
} from './incident';
import { validate } from './incident-validator.generated.js';

/** Every text of an event, by path; `[]` steps into each item of a list. The schema test checks it lists them all. */
export const EVENT_TEXT_PATHS = [
  'title',
  'description',
  'citations[].locator',
  'inferred.reason',
  'prompts[]',
  'inject.question',
  'presentText',
] as const;

const TEXT_STEPS = EVENT_TEXT_PATHS.map((path) =>
  path.split('.').map((step) => ({ key: step.replace('[]', ''), list: step.endsWith('[]') })),
);

const textOk = (text: LocalizedText) =>
  typeof text === 'string' ||
  (Object.keys(text).length > 0 && Object.keys(text).every(isKnownLanguageTag));

/** Whether every text at `steps` from `value` is valid text, skipping absent optional parts. */
function textsOk(value: unknown, steps: (typeof TEXT_STEPS)[number], from = 0): boolean {
  if (from === steps.length) return textOk(value as LocalizedText);
  const { key, list } = steps[from]!;
  const next = (value as Record<string, unknown>)[key];
  if (next === undefined) return true;
  if (!list) return textsOk(next, steps, from + 1);
  return (next as unknown[]).every((item) => textsOk(item, steps, from + 1));
}

/** What zod checks and JSON Schema cannot express: language tags, calendar times, everything across lists. */
function passesChecks(file: IncidentFile): boolean {
  // Everything but the events is small: zod checks it exactly (URLs, language tags, dates).
  if (!IncidentObject.safeParse({ ...file, events: [] }).success) return false;
  const eventOk = (e: EventFile) =>
    isIsoUtc(e.start) &&
    (e.end === undefined || isIsoUtc(e.end)) &&
    TEXT_STEPS.every((steps) => textsOk(e, steps));
  if (!file.events.every(eventOk)) return false;
  let clean = true;
  checkReferences(
    file,
    () => {
      clean = false;
    },
    true,
  );
  return clean;
}

/**
 * Validates like parseIncident, several times faster on a large file. A file that fails is validated again by
 * zod, so that its problems read exactly as parseIncident's.
 */
export const parseIncidentFast = (input: unknown): ParseResult => checkIncidentFast(input).result;

/**
 * parseIncidentFast's answer, and whether a valid incident is the input as written (plus intervals, in reading
 * order). When zod answers it is its output, which can differ: it drops an own "__proto__" key of a text.
 */
export function checkIncidentFast(input: unknown): { result: ParseResult; asWritten: boolean } {
  if (!validate(input) || !passesChecks(input as IncidentFile))
    return { result: parseIncident(input), asWritten: false };
  return { result: finishParse(input, input as IncidentFile), asWritten: true };
}
