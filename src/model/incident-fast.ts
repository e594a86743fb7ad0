// The fast path for large files: the generated JSON Schema validator plus what the schema cannot say, zod on failure.
import {
  checkReferences,
  orderParse,
  IncidentObject,
  isCalendarTime,
  isKnownLanguageTag,
  checkWithZod,
  type EventFile,
  type CheckResult,
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

function textOk(text: LocalizedText | undefined): boolean {
  if (text === undefined || typeof text === 'string') return true;
  const tags = Object.keys(text);
  return tags.length > 0 && tags.every(isKnownLanguageTag);
}

/**
 * Whether every text of an event (EVENT_TEXT_PATHS; a test holds the two together) is valid text. Written out
 * rather than walked by path: at 100,000 full-field events in Node, walking the paths (with the times) took
 * 220 ms, this 100.
 */
function eventTextsOk(e: EventFile): boolean {
  if (!textOk(e.title) || !textOk(e.description) || !textOk(e.presentText)) return false;
  if (!textOk(e.inferred?.reason) || !textOk(e.inject?.question)) return false;
  for (let k = 0; k < e.citations.length; k++) if (!textOk(e.citations[k]!.locator)) return false;
  const { prompts } = e;
  if (prompts) for (let k = 0; k < prompts.length; k++) if (!textOk(prompts[k])) return false;
  return true;
}

/** What zod checks and JSON Schema cannot express: language tags, calendar times, everything across lists. */
function passesChecks(file: IncidentFile): boolean {
  // Everything but the events is small: zod checks it exactly (URLs, language tags, dates).
  if (!IncidentObject.safeParse({ ...file, events: [] }).success) return false;
  // The generated validator has matched the times against ISO_UTC, the pattern the schema takes from zod's.
  const eventOk = (e: EventFile) =>
    isCalendarTime(e.start) && (e.end === undefined || isCalendarTime(e.end)) && eventTextsOk(e);
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
 * zod, so that its problems read exactly as parseIncident's. The incident is then zod's output, which can differ
 * from the file as written (`asWritten` false): it drops an own "__proto__" key of a text.
 */
export function checkIncidentFast(input: unknown): CheckResult {
  if (validate(input) && passesChecks(input as IncidentFile)) {
    const ordered = orderParse(input, input as IncidentFile);
    return ordered.ok ? { ...ordered, asWritten: true } : ordered;
  }
  return checkWithZod(input);
}

/** checkIncidentFast's incident or problems. */
export function parseIncidentFast(input: unknown): ParseResult {
  const checked = checkIncidentFast(input);
  return checked.ok ? { ok: true, incident: checked.incident() } : checked;
}
