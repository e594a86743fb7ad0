import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { readJsonFile } from './incident-file';
import { incidentStream } from './incident-stream';

/** The stream's reading of `bytes` fed in pieces ending at `cuts`, with its buffer starting at `size`. */
function streamed(bytes: Uint8Array, cuts: number[], eventsPerSlice: number, size = bytes.length) {
  const stream = incidentStream('big.json', size, eventsPerSlice);
  let at = 0;
  for (const cut of [...cuts, bytes.length].sort((a, b) => a - b)) {
    stream.add(bytes.slice(at, cut));
    at = cut;
  }
  return stream.end();
}

/** What reading the whole file gives, as the stream's answer has it. */
function whole(bytes: Uint8Array) {
  const read = readJsonFile(bytes, 'big.json');
  return read.ok ? { ok: true, value: read.value } : read;
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('incidentStream', () => {
  it('reads a generated incident in any pieces as JSON.parse reads the whole file', () => {
    const bytes = encode(JSON.stringify(generateIncident(57, 2, 'full'), null, 1));
    for (const cuts of [[], [1, 2, 3], [bytes.length >> 1], [100, 5000, 5001, 20000]])
      for (const perSlice of [1, 7, 57, 100])
        expect(streamed(bytes, cuts, perSlice, 16)).toEqual(whole(bytes));
  });

  it('gives the same value or the same problem as a read of the whole file, for any file in any pieces', () => {
    const value = fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' });
    const item = fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(fc.string(), value, { maxKeys: 3 }) },
      value,
    );
    // Edits that make the file something JSON.parse refuses, or that the slices alone would miss.
    const edit = fc.constantFrom(
      (t: string) => t,
      (t: string) => `\uFEFF${t}`,
      (t: string) => t.replace('},', '},\uFEFF'),
      (t: string) => t.replace('},', '},,'),
      (t: string) => t.replace('},', '} 5,'),
      (t: string) => t.replace(']', '],"events":[]'),
      (t: string) => `${t} x`,
      (t: string) => t.slice(0, -3),
      (t: string) =>
        t.replace(
          '{"id"',
          '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{"id"',
        ),
      (t: string) => t.replace('"id"', '"\\x"'),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), value, { maxKeys: 3 }),
        fc.array(item, { maxLength: 9 }),
        edit,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(undefined, 1),
        (rest, events, change, picks, perSlice, indent) => {
          const withIds = events.map((e, i) =>
            typeof e === 'object' && e !== null && !Array.isArray(e) ? { id: `e${i}`, ...e } : e,
          );
          const bytes = encode(change(JSON.stringify({ ...rest, events: withIds }, null, indent)));
          const cuts = picks.map((p) => p % (bytes.length + 1));
          expect(streamed(bytes, cuts, perSlice)).toEqual(whole(bytes));
        },
      ),
    );
  });

  it.each([
    ['a missing item between two slices', '{"events":[{"id":"a"},,{"id":"b"}]}'],
    ['an item that is not an event between two slices', '{"events":[{"id":"a"}, 5 ,{"id":"b"}]}'],
    ['one before the first event', '{"events":[5,{"id":"a"},{"id":"b"}]}'],
    ['one after the last', '{"events":[{"id":"a"},{"id":"b"},"x"]}'],
    ['a byte order mark between two events', '{"events":[{"id":"a"},\uFEFF{"id":"b"}]}'],
    ['a byte order mark before the file', '\uFEFF{"events":[{"id":"a"},{"id":"b"}]}'],
    ['a byte order mark after the last event', '{"events":[{"id":"a"},{"id":"b"}\uFEFF]}'],
    ['two events arrays', '{"events":[{"id":"a"}],"events":[{"id":"b"},{"id":"c"}]}'],
    ['text after the file', '{"events":[{"id":"a"},{"id":"b"}]} x'],
    ['a later events key that is not an array', '{"events":[{"id":"a"},{"id":"b"}],"events":null}'],
    ['events that are none of them objects', '{"title":"x","events":["x",5]}'],
    ['a top-level array naming events', '[1,"events",[{"id":"a"},{"id":"b"}]]'],
    ['nesting too deep', `{"events":[{"id":"a"},{"deep":${'['.repeat(70)}${']'.repeat(70)}}]}`],
  ])('reads %s as a read of the whole file does', (_, text) => {
    const bytes = encode(text);
    for (const perSlice of [1, 2])
      for (const cuts of [[], [bytes.length >> 1], [12, 13, 25]])
        expect(streamed(bytes, cuts, perSlice)).toEqual(whole(bytes));
  });

  it('refuses a file over the size limit as a read of the whole file does', () => {
    const bytes = encode('{"events":[{"id":"a"},{"id":"b"}]}');
    const stream = incidentStream('big.json', 8, 1, 20);
    stream.add(bytes);
    const read = stream.end();
    expect(read).toEqual(readJsonFile(bytes, 'big.json', { maxBytes: 20 }));
    expect(read.ok).toBe(false);
  });

  it('tells bytes that are not UTF-8, inside an event or around them, as a read of the whole file does', () => {
    const text = JSON.stringify({ title: 'x', events: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
    for (const at of [text.indexOf('"b"') + 1, 3]) {
      const bytes = encode(text);
      bytes[at] = 0xff;
      const read = streamed(bytes, [at, at + 1], 1);
      expect(read).toEqual(whole(bytes));
      expect(read.ok).toBe(false);
    }
  });
});
