// Turns the raw bytes of an incident file into an Incident or a list of problems that name the file, place and expectation.
import type { ParseResult, Problem } from './incident';
import { jsonStringEnd } from './event-spans';
import { DEFAULT_MAX_BYTES, tooLargeProblem } from './file-size';
import { problemText, type ProblemText } from './problem-codes';

export { DEFAULT_MAX_BYTES, formatBytes, tooLargeProblem } from './file-size';

export const MAX_DEPTH = 64;

/** Where decoding has got to, for a progress indicator: "Reading 32.4 MiB…", then "Validating 100,000 events…". */
export type DecodeProgress =
  { stage: 'reading'; bytes: number } | { stage: 'validating'; events: number };

export interface DecodeOptions {
  maxBytes?: number;
  onProgress?: (progress: DecodeProgress) => void;
}

type Failure = Extract<ParseResult, { ok: false }>;

const fail = (file: string, path: string, text: ProblemText): Failure => ({
  ok: false,
  problems: [{ path: `${file}: ${path}`, ...text }],
});

/** UTF-8 text of a file's bytes, without a byte order mark, or the problem that it is not UTF-8 or too large. */
export function decodeText(
  input: Uint8Array | string,
  fileName: string,
  maxBytes = DEFAULT_MAX_BYTES,
  expected: 'JSON' | 'JSON or CSV' = 'JSON',
): { ok: true; text: string } | Failure {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) return { ok: false, problems: [tooLargeProblem(fileName, size, maxBytes)] };
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return fail(fileName, '(file)', problemText('not-utf8', { expected }));
    }
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Deepest nesting of arrays and objects, counted without parsing. A linear scan is cheaper than catching a
 * stack overflow later, and lets the message say where the nesting went too deep.
 */
export function nestingDepth(text: string, limit = Infinity): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = jsonStringEnd(text, i);
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return { depth: max, offset: i };
    } else if (c === 125 || c === 93) depth--;
  }
  return { depth: max, offset: -1 };
}

function syntaxProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/line \d+ column \d+/.test(message)) return message;
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const { line, column } = lineColumn(text, Number(pos[1]));
    return `${message} (line ${line} column ${column})`;
  }
  return message;
}

/**
 * Decodes UTF-8 bytes (or text) and validates them as an incident file with `parse` (parseIncident, or
 * parseIncidentFast: the same answers); never throws. The validator is given, not imported, so that a page can read
 * a file before zod's code has loaded.
 */
export function decodeIncidentFile(
  input: Uint8Array | string,
  fileName: string,
  parse: (value: unknown) => ParseResult,
  options: DecodeOptions = {},
): ParseResult {
  const read = readIncidentJson(input, fileName, options);
  return read.ok ? withFileName(parse(read.value), fileName) : read;
}

/** readJsonFile, then the progress says how many events are to be validated. */
export function readIncidentJson(
  input: Uint8Array | string,
  fileName: string,
  { maxBytes, onProgress }: DecodeOptions = {},
): ReturnType<typeof readJsonFile> {
  const read = readJsonFile(input, fileName, { maxBytes, onProgress });
  if (read.ok) onProgress?.({ stage: 'validating', events: eventCount(read.value) });
  return read;
}

/** A file's text and its JSON value, or the problem that it is too large, not UTF-8, empty, too deep or not JSON. */
export function readJsonFile(
  input: Uint8Array | string,
  fileName: string,
  {
    maxBytes = DEFAULT_MAX_BYTES,
    onProgress,
    depth,
  }: DecodeOptions & {
    /** The file's nesting depth, when a scan of its bytes (scanEvents) has counted it: the text is not scanned again. */
    depth?: number;
  } = {},
): { ok: true; text: string; value: unknown } | Failure {
  onProgress?.({
    stage: 'reading',
    bytes: typeof input === 'string' ? input.length : input.byteLength,
  });
  const decoded = decodeText(input, fileName, maxBytes);
  if (!decoded.ok) return decoded;
  const { text } = decoded;
  if (text.trim() === '') return fail(fileName, '(file)', problemText('file-empty', {}));
  // Too deep, the text is scanned all the same: its scan says where.
  const nesting =
    depth !== undefined && depth <= MAX_DEPTH
      ? { depth, offset: -1 }
      : nestingDepth(text, MAX_DEPTH);
  if (nesting.depth > MAX_DEPTH) {
    const { line, column } = lineColumn(text, nesting.offset);
    return fail(
      fileName,
      `line ${line} column ${column}`,
      problemText('too-deep', { max: MAX_DEPTH }),
    );
  }
  try {
    return { ok: true, text, value: JSON.parse(text) as unknown };
  } catch (error) {
    return fail(
      fileName,
      '(file)',
      problemText('not-json', { detail: syntaxProblem(text, error) }),
    );
  }
}

/** A validator's answer with the file's name in front of each problem's path. */
export function withFileName(result: ParseResult, fileName: string): ParseResult {
  return result.ok ? result : { ok: false, problems: namedProblems(result.problems, fileName) };
}

/** Problems with the file's name in front of each path. */
export function namedProblems(problems: Problem[], fileName: string): Problem[] {
  return problems.map((p) => ({ ...p, path: `${fileName}: ${p.path}` }));
}

/** How many events a file's JSON value lists, before it is validated (0 when it has no array of them). */
export function eventCount(value: unknown): number {
  const events =
    typeof value === 'object' && value !== null
      ? (value as { events?: unknown }).events
      : undefined;
  return Array.isArray(events) ? events.length : 0;
}
