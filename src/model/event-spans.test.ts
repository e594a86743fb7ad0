import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanEvents } from './event-spans';
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
