import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventScanner, scanEvents } from './event-spans';
import { nestingDepth } from './incident-file';

/** Each span's bytes decoded and parsed, as the page reads the slices it receives. */
function eventsBySpans(text: string): unknown[] | undefined {
  const bytes = new TextEncoder().encode(text);
  const { spans } = scanEvents(bytes);
  if (!spans) return undefined;
  const decoder = new TextDecoder();
  return Array.from({ length: spans.length / 2 }, (_, i) =>
    JSON.parse(decoder.decode(bytes.subarray(spans[2 * i], spans[2 * i + 1]))),
  );
}

describe('scanEvents', () => {
  it('finds each event of a compact file', () => {
    const file = { title: 'x', events: [{ id: 'a' }, { id: 'b', n: [1, [2]] }] };
    expect(eventsBySpans(JSON.stringify(file))).toEqual(file.events);
  });

  it('finds them in an indented file with the events before other keys', () => {
    const file = { events: [{ id: 'a', tags: ['x'] }, { id: 'b' }], phases: [{ id: 'p' }] };
    expect(eventsBySpans(JSON.stringify(file, null, 2))).toEqual(file.events);
  });

  it('is not misled by brackets, quotes and backslashes inside strings', () => {
    const tricky = ['{', '}', '[', ']', '"', '\\', 'a\\', '"events": [{', '\\"', ',"events":[{}]'];
    const file = {
      note: tricky.join(''),
      events: tricky.map((text, i) => ({ id: `e${i}`, [text]: text, list: [text] })),
    };
    expect(eventsBySpans(JSON.stringify(file))).toEqual(file.events);
  });

  it('ignores "events" keys below the top level and reads a key written with escapes', () => {
    const text = `{"phases":[{"events":[{"id":"no"}]}],"extra":{"events":[{"id":"no"}]},"ev\\u0065nts":[{"id":"yes"}]}`;
    expect(eventsBySpans(text)).toEqual([{ id: 'yes' }]);
  });

  it('takes the last of repeated "events" keys, as JSON.parse does', () => {
    const text = `{"events":[{"id":"first"},{"id":"x"}],"events":[{"id":"last"}]}`;
    expect(eventsBySpans(text)).toEqual([{ id: 'last' }]);
  });

  it('keeps an own "__proto__" key, as JSON.parse does', () => {
    const text = `{"events":[{"id":"a","extra":{"__proto__":"kept"}}]}`;
    const [event] = eventsBySpans(text) as { extra: object }[];
    expect(Object.getOwnPropertyDescriptor(event!.extra, '__proto__')?.value).toBe('kept');
  });

  it('finds text of any script, byte for byte, beside a quote and a backslash', () => {
    const file = { events: [{ id: '事件', title: '繁體"中文\\', emoji: '🛡️' }, { id: 'b' }] };
    expect(eventsBySpans(JSON.stringify(file))).toEqual(file.events);
  });

  it('finds nothing in bytes whose top-level key is not a JSON string, rather than throwing', () => {
    const bytes = new TextEncoder().encode(String.raw`{"C:\Windows":1,"events":[{"id":"a"}]}`);
    expect(scanEvents(bytes)).toEqual({});
  });

  it('counts only the objects and arrays, so that the caller can tell a list of anything else', () => {
    const spans = (value: unknown) =>
      scanEvents(new TextEncoder().encode(JSON.stringify(value))).spans;
    expect(spans({ events: [{ id: 'a' }, 5, 'x', { id: 'b' }] })?.length).toBe(4);
    expect(spans({ events: [] })?.length).toBe(0);
    expect(spans({ items: [{ id: 'a' }] })).toBeUndefined();
    expect(spans([{ events: [{ id: 'a' }] }])).toBeUndefined();
  });

  it('matches JSON.parse for any JSON events and surroundings', () => {
    // Any code point, so that multi-byte UTF-8 is scanned too.
    const value = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), value, { maxKeys: 4 }),
        fc.array(fc.dictionary(fc.string({ unit: 'binary' }), value, { maxKeys: 4 }), {
          maxLength: 6,
        }),
        fc.constantFrom(undefined, 1, '\t'),
        (rest, events, indent) => {
          const file = { ...rest, events };
          const text = JSON.stringify(file, null, indent);
          expect(eventsBySpans(text)).toEqual((JSON.parse(text) as typeof file).events);
        },
      ),
    );
  });

  it('counts the nesting depth as a scan of the decoded text does, strings and all', () => {
    const value = fc.jsonValue({ maxDepth: 8, stringUnit: 'binary' });
    fc.assert(
      fc.property(
        fc.oneof(value, fc.dictionary(fc.string(), value)),
        fc.constantFrom(undefined, 1),
        (v, indent) => {
          const text = JSON.stringify(v, null, indent);
          expect(scanEvents(new TextEncoder().encode(text)).depth).toBe(nestingDepth(text).depth);
        },
      ),
    );
    const deep = `{"a":"[[[{{{","b":[${'['.repeat(80)}${']'.repeat(80)}]}`;
    expect(scanEvents(new TextEncoder().encode(deep)).depth).toBe(82);
  });
});

describe('eventScanner', () => {
  /** The scan of `bytes` fed to the scanner in pieces ending at `cuts`, as a download arrives. */
  function scannedInPieces(bytes: Uint8Array, cuts: number[]) {
    const scanner = eventScanner();
    const found: number[] = [];
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      scanner.scan(bytes, cut);
      found.push(scanner.found);
    }
    scanner.scan(bytes);
    return { result: scanner.result(), found, arrays: scanner.arrays };
  }

  it('finds in a file read in any pieces what one scan of the whole finds, counting whole events as they come', () => {
    const value = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });
    const tricky = fc.constantFrom('"', '\\', '\\"', '{', ']', '"events":[{', '繁體', '🛡️');
    const text = fc.oneof(fc.string({ unit: 'binary' }), tricky);
    fc.assert(
      fc.property(
        fc.dictionary(text, value, { maxKeys: 3 }),
        fc.array(fc.dictionary(text, fc.oneof(value, text), { maxKeys: 4 }), { maxLength: 6 }),
        fc.constantFrom(undefined, 1),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rest, events, indent, picks) => {
          const bytes = new TextEncoder().encode(JSON.stringify({ ...rest, events }, null, indent));
          const { result, found } = scannedInPieces(
            bytes,
            picks.map((p) => p % (bytes.length + 1)),
          );
          expect(result).toEqual(scanEvents(bytes));
          // Never more than the whole file has, and never fewer as more arrives.
          for (let i = 0; i < found.length; i++) {
            expect(found[i]).toBeLessThanOrEqual(events.length);
            if (i > 0) expect(found[i]).toBeGreaterThanOrEqual(found[i - 1]!);
          }
        },
      ),
    );
  });

  it('finds an event only once its closing bracket has arrived', () => {
    const bytes = new TextEncoder().encode('{"events":[{"id":"a"},{"id":"b\\"}"}]}');
    const close = bytes.indexOf(125, 12);
    expect(scannedInPieces(bytes, [close]).found).toEqual([0]);
    expect(scannedInPieces(bytes, [close + 1]).found).toEqual([1]);
    // The second event's brace inside its string is not its end.
    expect(scannedInPieces(bytes, [bytes.length - 4]).found).toEqual([1]);
  });

  it('counts the events arrays begun, so that a reader can tell its spans were started again', () => {
    const bytes = new TextEncoder().encode('{"events":[{"id":"a"}],"events":[{"id":"b"}]}');
    expect(scannedInPieces(bytes, [20]).arrays).toBe(2);
  });

  it('stops, as the whole scan does, at a top-level key split across pieces that is not a JSON string', () => {
    const bytes = new TextEncoder().encode(String.raw`{"C:\Windows":1,"events":[{"id":"a"}]}`);
    expect(scannedInPieces(bytes, [4, 9]).result).toEqual({});
  });
});
