import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventSpans } from './event-spans';

/** Each span's text parsed, as the page parses the slices it receives. */
function eventsBySpans(text: string): unknown[] | undefined {
  const events = (JSON.parse(text) as { events: unknown[] }).events;
  const spans = eventSpans(text, events.length);
  if (!spans) return undefined;
  return events.map((_, i) => JSON.parse(text.slice(spans[2 * i], spans[2 * i + 1])) as unknown);
}

describe('eventSpans', () => {
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

  it('says so when the array does not hold the expected number of objects', () => {
    const text = JSON.stringify({ events: [{ id: 'a' }, { id: 'b' }] });
    expect(eventSpans(text, 1)).toBeUndefined();
    expect(eventSpans(text, 3)).toBeUndefined();
    expect(eventSpans(JSON.stringify({ items: [{ id: 'a' }] }), 1)).toBeUndefined();
  });

  it('matches JSON.parse for any JSON events and surroundings', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), value, { maxKeys: 4 }),
        fc.array(fc.dictionary(fc.string(), value, { maxKeys: 4 }), { maxLength: 6 }),
        fc.constantFrom(undefined, 1, '\t'),
        (rest, events, indent) => {
          const file = { ...rest, events };
          const text = JSON.stringify(file, null, indent);
          expect(eventsBySpans(text)).toEqual((JSON.parse(text) as typeof file).events);
        },
      ),
    );
  });
});
