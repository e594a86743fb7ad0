// An incident file read as it downloads: its events parsed slice by slice as their bytes arrive, the rest at the end.
import { eventScanner } from './event-spans';
import { DEFAULT_MAX_BYTES, MAX_DEPTH, readJsonFile } from './incident-file';

/** What the file holds, as JSON.parse of the whole file gives it, or its problem as readJsonFile tells it. */
export type StreamRead =
  { ok: true; value: unknown } | Extract<ReturnType<typeof readJsonFile>, { ok: false }>;

export interface IncidentStream {
  /** The next bytes of the file. */
  add(chunk: Uint8Array): void;
  /** Bytes received so far. */
  readonly received: number;
  /** The file is complete. */
  end(): StreamRead;
}

const COMMA = 44;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Whether the bytes between two events are a comma and JSON's whitespace alone (nothing else is an item). */
function onlyComma(bytes: Uint8Array, from: number, to: number): boolean {
  let commas = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    if (c === COMMA) commas++;
    else if (!isSpace(c)) return false;
  }
  return commas === 1;
}

/**
 * Reads an incident file as its bytes arrive (`size` is where its buffer starts): each `eventsPerSlice` events
 * whose bytes are in are decoded and parsed at once, so that at the end only the last slice and the fields around
 * the events are left (at 100,000 full-field events, 104 MB, the decode alone took the parse worker 1.3 s after
 * the download). The value is that of JSON.parse over the whole file: each slice must parse, the bytes between
 * slices must be a comma, and the rest of the file must parse to an object whose events are an empty array once
 * they are cut out. Where any of that fails, or the file repeats its events key, nests too deep, is larger than
 * readJsonFile takes or begins with a byte order mark, the whole file is read as readJsonFile reads it, so that
 * its problem reads as before.
 */
export function incidentStream(
  name: string,
  size: number,
  eventsPerSlice: number,
  maxBytes = DEFAULT_MAX_BYTES,
): IncidentStream {
  let bytes = new Uint8Array(size);
  let received = 0;
  const scanner = eventScanner();
  // No byte order mark is dropped from the text after the last event: JSON.parse of the whole file refuses one.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const events: unknown[] = [];
  let parsed = 0;
  let failed = false;
  const parseTo = (spans: Uint32Array, to: number) => {
    const text = decoder.decode(bytes.subarray(spans[2 * parsed], spans[2 * to - 1]));
    // An item that is not an object inside the slice is kept, as in the whole file; the caller counts the items.
    for (const e of JSON.parse(`[${text}]`) as unknown[]) events.push(e);
    parsed = to;
  };
  const whole = (): StreamRead => {
    const { depth } = scanner.result();
    const read = readJsonFile(bytes.subarray(0, received), name, { depth, maxBytes });
    return read.ok ? { ok: true, value: read.value } : read;
  };
  return {
    add(chunk) {
      if (received + chunk.byteLength > bytes.byteLength) {
        const more = new Uint8Array(Math.max(2 * bytes.byteLength, received + chunk.byteLength));
        more.set(bytes.subarray(0, received));
        bytes = more;
      }
      bytes.set(chunk, received);
      received += chunk.byteLength;
      scanner.scan(bytes, received);
      // A repeated events key: the whole file is read at the end.
      if (failed || scanner.arrays > 1) return;
      const { spans } = scanner.result();
      try {
        while (spans && scanner.found - parsed >= eventsPerSlice)
          parseTo(spans, parsed + eventsPerSlice);
      } catch {
        failed = true;
      }
    },
    get received() {
      return received;
    },
    end() {
      const file = bytes.subarray(0, received);
      const { spans, depth } = scanner.result();
      const found = scanner.found;
      const bom = file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf;
      const tooLarge = received > maxBytes;
      if (
        failed ||
        scanner.arrays !== 1 ||
        !spans ||
        depth === undefined ||
        depth > MAX_DEPTH ||
        bom ||
        tooLarge
      )
        return whole();
      let value: unknown;
      try {
        if (found > parsed) parseTo(spans, found);
        for (let j = eventsPerSlice; j < found; j += eventsPerSlice)
          if (!onlyComma(file, spans[2 * j - 1]!, spans[2 * j]!)) return whole();
        const rest =
          found > 0
            ? decoder.decode(file.subarray(0, spans[0])) +
              decoder.decode(file.subarray(spans[2 * found - 1]))
            : decoder.decode(file);
        value = JSON.parse(rest);
      } catch {
        return whole();
      }
      // With no event cut out, the rest is the whole file, whatever its events hold.
      if (found === 0) return { ok: true, value };
      const head = value as { events?: unknown };
      // A later "events" key that is not an array is not counted as a repeat.
      const emptied = typeof value === 'object' && value !== null && !Array.isArray(value);
      if (!emptied || !Array.isArray(head.events) || head.events.length > 0) return whole();
      head.events = events;
      return { ok: true, value };
    },
  };
}
