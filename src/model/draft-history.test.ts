import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEvent, deleteEvent, moveEvent, newIncident, updateEvent, type DraftDoc } from './draft';
import { EMPTY_HISTORY, HISTORY_LIMIT, record, redo, undo, type History } from './draft-history';

const words = {
  lang: 'en',
  title: 'Untitled',
  summary: 'S',
  source: 'Notes',
  phase: 'P',
  system: 'S',
  actor: 'A',
  action: 'O',
};
// With an origin, so every edit, undo and redo is checked to keep it.
const start: DraftDoc = {
  file: newIncident('untitled', words),
  added: [],
  origin: 'local:notes.csv',
};

type Edit =
  | { kind: 'add'; title: string; at: number }
  | { kind: 'title'; pick: number; title: string }
  | { kind: 'move'; pick: number; at: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'summary'; text: string };

const at = fc.integer({ min: 0, max: 4e12 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), title: fc.string(), at }),
  fc.record({ kind: fc.constant('title' as const), pick: fc.nat(), title: fc.string() }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), at }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('summary' as const), text: fc.string({ minLength: 1 }) }),
);

function applyEdit(doc: DraftDoc, e: Edit): DraftDoc {
  const ids = doc.file.events.map((x) => x.id);
  const pick = (n: number) => ids[n % Math.max(1, ids.length)];
  switch (e.kind) {
    case 'add':
      return addEvent(doc, { title: e.title, lang: 'en', startMs: e.at }).doc;
    case 'title': {
      const id = pick(e.pick);
      return id ? updateEvent(doc, id, (x) => ({ ...x, title: e.title }), 'en').doc : doc;
    }
    case 'move': {
      const id = pick(e.pick);
      return id ? moveEvent(doc, id, e.at) : doc;
    }
    case 'delete': {
      const id = pick(e.pick);
      return id ? deleteEvent(doc, id) : doc;
    }
    case 'summary':
      return { ...doc, file: { ...doc.file, summary: e.text } };
  }
}

function run(edits: Edit[]): { doc: DraftDoc; history: History } {
  let doc = start;
  let history = EMPTY_HISTORY;
  for (const e of edits) {
    const next = applyEdit(doc, e);
    history = record(history, doc, next);
    doc = next;
  }
  return { doc, history };
}

// A history is saved as JSON and read back after a reload; the property holds for that copy too.
const reloaded = (h: History): History => JSON.parse(JSON.stringify(h)) as History;
const plain = (d: DraftDoc) => JSON.parse(JSON.stringify(d)) as DraftDoc;

describe('draft history', () => {
  it('any sequence of edits then as many undos restores the start, also after a reload', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        let { doc, history } = run(edits);
        history = reloaded(history);
        doc = plain(doc);
        for (let i = 0; i < history.past.length + history.future.length + 1; i++)
          ({ doc, history } = undo(history, doc));
        expect(doc).toEqual(start);
      }),
    );
  });

  it('undo then redo is the identity', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), fc.nat(), (edits, n) => {
        const { doc, history } = run(edits);
        let state = { doc, history };
        const k = n % (history.past.length + 1);
        for (let i = 0; i < k; i++) state = undo(state.history, state.doc);
        for (let i = 0; i < k; i++) state = redo(state.history, state.doc);
        expect(state.doc).toEqual(doc);
      }),
    );
  });

  it('keeps at least the last 100 changes', () => {
    const edits: Edit[] = Array.from({ length: 150 }, (_, i) => ({
      kind: 'summary',
      text: `v${i}`,
    }));
    let { doc, history } = run(edits);
    expect(history.past.length).toBe(Math.min(150, HISTORY_LIMIT));
    for (let i = 0; i < 100; i++) ({ doc, history } = undo(history, doc));
    expect(doc.file.summary).toBe('v49');
  });

  it('typing in one field undoes as one change', () => {
    let doc = start;
    let history = EMPTY_HISTORY;
    for (const text of ['A', 'Al', 'Ale']) {
      const next = { ...doc, file: { ...doc.file, summary: text } };
      history = record(history, doc, next, 'summary');
      doc = next;
    }
    expect(history.past).toHaveLength(1);
    expect(undo(history, doc).doc).toEqual(start);
  });

  it('keeps an edit of one event among many as that event, not as both lists of events', () => {
    let doc = start;
    for (let i = 0; i < 1000; i++)
      doc = addEvent(doc, { title: `Event ${i}`, lang: 'en', startMs: i * 60_000 }).doc;
    const id = doc.file.events[500]!.id;
    const edited = updateEvent(doc, id, (x) => ({ ...x, title: 'Renamed' }), 'en').doc;
    const added = addEvent(edited, { title: 'Last', lang: 'en', startMs: 0 }).doc;
    const history = record(record(EMPTY_HISTORY, doc, edited), edited, added);
    const [edit, add] = history.past;
    expect(edit!.before.events).toBeUndefined();
    expect(edit!.before.eventSplice).toEqual({
      at: 500,
      remove: 1,
      insert: [doc.file.events[500]],
    });
    expect(edit!.after.eventSplice).toEqual({
      at: 500,
      remove: 1,
      insert: [edited.file.events[500]],
    });
    expect(add!.after.eventSplice).toEqual({
      at: 1000,
      remove: 0,
      insert: [added.file.events[1000]],
    });
    // Kept whole, the two changes' lists made 300 KB of JSON.
    expect(JSON.stringify(history).length).toBeLessThan(2000);
    let back = undo(reloaded(history), plain(added));
    back = undo(back.history, back.doc);
    expect(back.doc).toEqual(plain(doc));
  });

  it('undoes and redoes a change saved before with both lists of events whole', () => {
    const one = addEvent(start, { title: 'Alert', lang: 'en', startMs: 0 }).doc;
    const two = addEvent(one, { title: 'Block', lang: 'en', startMs: 60_000 }).doc;
    const saved: History = {
      past: [
        {
          before: { events: one.file.events, added: one.added },
          after: { events: two.file.events, added: two.added },
        },
      ],
      future: [],
    };
    const back = undo(reloaded(saved), plain(two));
    expect(back.doc).toEqual(plain(one));
    expect(redo(back.history, back.doc).doc).toEqual(plain(two));
  });

  it('typing in one event undoes as one change, and a list made again with the same items is no change', () => {
    let doc = start;
    for (let i = 0; i < 50; i++)
      doc = addEvent(doc, { title: `Event ${i}`, lang: 'en', startMs: i * 60_000 }).doc;
    const id = doc.file.events[20]!.id;
    let history = EMPTY_HISTORY;
    let typed = doc;
    for (const title of ['R', 'Re', 'Red']) {
      const next = updateEvent(typed, id, (x) => ({ ...x, description: title }), 'en').doc;
      history = record(history, typed, next, `description ${id}`);
      typed = next;
    }
    expect(history.past).toHaveLength(1);
    expect(history.past[0]!.after.eventSplice!.insert).toEqual([typed.file.events[20]]);
    expect(undo(reloaded(history), plain(typed)).doc).toEqual(plain(doc));
    const same = { ...typed, added: [...typed.added] };
    expect(record(history, typed, same)).toBe(history);
  });

  it('a new change after an undo drops the redo', () => {
    const { doc, history } = run([{ kind: 'summary', text: 'x' }]);
    const back = undo(history, doc);
    const next = { ...back.doc, file: { ...back.doc.file, summary: 'y' } };
    expect(record(back.history, back.doc, next).future).toEqual([]);
  });
});
