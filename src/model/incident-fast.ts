// The fast path for large files, without zod: the generated JSON Schema validator plus what the schema cannot say.
import {
  checkReferences,
  isCalendarTime,
  isKnownLanguageTag,
  orderParse,
  type CheckResult,
} from './incident-checks';
import type { EventFile, IncidentFile, LocalizedText } from './incident';
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

/**
 * zod's http(s) URL check (`z.url` with the http protocols): the scheme followed by "://", and a URL the platform
 * parses. Only for a URL zod would keep as written: one with spaces around it, or a tab or newline in it, zod
 * returns changed, so it goes to zod.
 */
function isHttpUrl(url: string): boolean {
  if (url !== url.trim() || /[\t\n\r]/.test(url) || !/^https?:\/\//i.test(url)) return false;
  // Not URL.canParse, which browsers the build targets lack (Chrome before 120, Safari before 17).
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * What zod checks of everything but the events beyond the generated validator's shape: the texts' languages, the
 * file's languages, the sources' languages and URLs. A test puts a text with no language at every text path the
 * schema has outside the events.
 */
function topLevelOk(file: IncidentFile): boolean {
  if (!file.languages.every(isKnownLanguageTag)) return false;
  if (!textOk(file.title) || !textOk(file.summary) || !textOk(file.briefing)) return false;
  for (const source of file.sources) {
    if (!textOk(source.title) || !textOk(source.note)) return false;
    if (source.language !== undefined && !isKnownLanguageTag(source.language)) return false;
    if (source.url !== undefined && !isHttpUrl(source.url)) return false;
  }
  for (const terms of [file.phases, file.systems, file.actors, file.actions])
    for (const term of terms) if (!textOk(term.label) || !textOk(term.description)) return false;
  for (const phase of file.phases) if (phase.prompts && !phase.prompts.every(textOk)) return false;
  for (const indicator of file.indicators ?? []) {
    if (!textOk(indicator.description) || !textOk(indicator.location)) return false;
    if (!indicator.citations.every((c) => textOk(c.locator))) return false;
  }
  return true;
}

/** What zod checks and JSON Schema cannot express: language tags, URLs, calendar times, everything across lists. */
function passesChecks(file: IncidentFile): boolean {
  if (!topLevelOk(file)) return false;
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
 * The incident of a file that passes every check, as parseIncident would give it, several times faster on a large
 * file; undefined when the file fails one, for zod to say what (checkIncidentFast), so that its problems read
 * exactly as parseIncident's. Without zod, so that a valid file never waits for zod's code to load.
 */
export function fastCheck(input: unknown): CheckResult | undefined {
  if (!validate(input) || !passesChecks(input as IncidentFile)) return undefined;
  const ordered = orderParse(input, input as IncidentFile);
  return ordered.ok ? { ...ordered, asWritten: true } : ordered;
}
