// Where each event of an incident file's text begins and ends, so the text itself can be sent on instead of a copy.

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
 * Offsets of the top-level `events` array's items in `text` (a JSON file that JSON.parse accepted): for item i,
 * `[2i]` is its opening bracket and `[2i + 1]` one past its closing one, so that `text.slice(spans[2i],
 * spans[2i + 1])` parses to the same value as `JSON.parse(text).events[i]`. Undefined unless the array holds
 * exactly `count` items, all objects or arrays.
 */
export function eventSpans(text: string, count: number): Uint32Array | undefined {
  let spans: Uint32Array | undefined;
  let found = 0;
  let depth = 0;
  let expectKey = false;
  let key = '';
  let inEvents = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const close = jsonStringEnd(text, i);
      if (depth === 1 && expectKey) {
        const raw = text.slice(i + 1, close);
        key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        expectKey = false;
      }
      i = close;
    } else if (c === 123 || c === 91) {
      depth++;
      if (depth === 1) expectKey = c === 123;
      else if (depth === 2 && c === 91 && key === EVENTS_KEY) {
        // JSON.parse keeps the last of repeated keys, and so does this.
        inEvents = true;
        spans ??= new Uint32Array(count * 2);
        found = 0;
      } else if (depth === 3 && inEvents && found < count) spans![found * 2] = i;
    } else if (c === 125 || c === 93) {
      if (depth === 3 && inEvents) {
        if (found < count) spans![found * 2 + 1] = i + 1;
        found++;
      } else if (depth === 2 && inEvents) inEvents = false;
      depth--;
    } else if (c === 44 && depth === 1) expectKey = true;
  }
  return spans && found === count ? spans : undefined;
}
