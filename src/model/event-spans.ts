// Where each event of an incident file's bytes begins and ends, so its own text can go to the page before the parse.

/** The key at the top level whose array holds the events. */
const EVENTS_KEY = 'events';

const QUOTE = 34;
const BACKSLASH = 92;

/** Index of the quote that closes the JSON string whose opening quote is at `open` (the text's length if none). */
export function jsonStringEnd(text: string, open: number): number {
  // indexOf runs natively over the long texts, which are most of a file; only quotes are looked at here.
  let close = text.indexOf('"', open + 1);
  for (;;) {
    if (close < 0) return text.length;
    let slashes = 0;
    while (text.charCodeAt(close - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
}

/**
 * jsonStringEnd over UTF-8 bytes, looking for the close from `from`. Every byte of a multi-byte character is 0x80
 * or above, so a quote or a backslash byte is always that character: the same scan finds the same structure as
 * over the decoded text.
 */
function bytesStringEnd(bytes: Uint8Array, open: number, from = open + 1): number {
  let close = bytes.indexOf(QUOTE, from);
  for (;;) {
    if (close < 0) return bytes.length;
    let slashes = 0;
    while (bytes[close - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return close;
    close = bytes.indexOf(QUOTE, close + 1);
  }
}

/** What one pass over a file's bytes finds; each is undefined when the scan stopped early. */
export interface EventScan {
  /**
   * Byte offsets of the top-level `events` array's items: for item i, `[2i]` is its opening bracket and `[2i + 1]`
   * one past its closing one. For a file that JSON.parse accepts, the bytes of item i decode and parse to the same
   * value as `JSON.parse(text).events[i]`, and there are as many spans as items unless an item is not an object or
   * an array (the caller compares the counts). Undefined when no such array was found.
   */
  spans?: Uint32Array;
  /** The deepest nesting of arrays and objects, as nestingDepth counts it over the decoded text. */
  depth?: number;
}

/**
 * Where the events are in `bytes` (a UTF-8 JSON file), found without decoding or parsing it, so that they can be
 * sent on before the file is parsed, and how deep the file nests, so that its text need not be scanned again. The
 * scan stops at a top-level key that is not a JSON string (the file is not JSON; its parse says where).
 */
export function scanEvents(bytes: Uint8Array): EventScan {
  const scanner = eventScanner();
  scanner.scan(bytes);
  return scanner.result();
}

/** scanEvents over a file as it downloads: each `scan` goes on from where the one before stopped. */
export interface EventScanner {
  /** Scans the first `upTo` bytes; those an earlier call scanned must be the same bytes. */
  scan(bytes: Uint8Array, upTo?: number): void;
  /** Events whose bytes have all been scanned (0 once the scan has stopped). */
  readonly found: number;
  /** How many top-level `events` arrays have begun: a file that repeats the key starts its spans again. */
  readonly arrays: number;
  /** What scanEvents returns for the bytes scanned so far, were they the whole file. */
  result(): EventScan;
}

export function eventScanner(): EventScanner {
  let spans: Uint32Array | undefined;
  let found = 0;
  let depth = 0;
  let deepest = 0;
  let expectKey = false;
  // Only an object's commas come before a key.
  let topObject = false;
  let key = '';
  let inEvents = false;
  let arrays = 0;
  // The next byte to scan, and the opening quote of a string whose close has not been scanned yet (-1: none).
  let next = 0;
  let open = -1;
  let stopped = false;
  const decoder = new TextDecoder();
  /** The string opened at `at` closes at `close`: a key at the top level is read. False where the scan stops. */
  const closeString = (bytes: Uint8Array, at: number, close: number): boolean => {
    if (depth !== 1 || !expectKey) return true;
    const raw = decoder.decode(bytes.subarray(at + 1, close));
    if (!raw.includes('\\')) key = raw;
    else
      try {
        key = JSON.parse(`"${raw}"`) as string;
      } catch {
        return false;
      }
    expectKey = false;
    return true;
  };
  return {
    scan(all, upTo = all.length) {
      if (stopped) return;
      const bytes = all.subarray(0, upTo);
      let i = next;
      if (open >= 0) {
        const close = bytesStringEnd(bytes, open, next);
        if (close === bytes.length) return void (next = bytes.length);
        if (!closeString(bytes, open, close)) return void (stopped = true);
        open = -1;
        i = close + 1;
      }
      for (; i < bytes.length; i++) {
        const c = bytes[i]!;
        if (c === QUOTE) {
          const close = bytesStringEnd(bytes, i);
          if (close === bytes.length) {
            open = i;
            break;
          }
          if (!closeString(bytes, i, close)) return void (stopped = true);
          i = close;
        } else if (c === 123 || c === 91) {
          depth++;
          if (depth > deepest) deepest = depth;
          if (depth === 1) expectKey = topObject = c === 123;
          else if (depth === 2 && c === 91 && key === EVENTS_KEY) {
            // Each array under the key starts the spans again; `arrays` tells a reader that the key repeats.
            inEvents = true;
            arrays++;
            spans = new Uint32Array(1024);
            found = 0;
          } else if (depth === 3 && inEvents) {
            if (2 * found + 2 > spans!.length) spans = grown(spans!);
            spans![2 * found] = i;
          }
        } else if (c === 125 || c === 93) {
          if (depth === 3 && inEvents) spans![2 * found++ + 1] = i + 1;
          else if (depth === 2 && inEvents) inEvents = false;
          depth--;
        } else if (c === 44 && depth === 1) expectKey = topObject;
      }
      next = bytes.length;
    },
    get found() {
      return stopped || !spans ? 0 : found;
    },
    get arrays() {
      return arrays;
    },
    result() {
      return stopped ? {} : { spans: spans?.subarray(0, 2 * found), depth: deepest };
    },
  };
}

function grown(spans: Uint32Array): Uint32Array {
  const more = new Uint32Array(spans.length * 2);
  more.set(spans);
  return more;
}
