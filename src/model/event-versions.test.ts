import { describe, expect, it } from 'vitest';
import { loadBundled } from './bundled.test-helper';
import { noteTextEdit, shapeOf, textEditOf } from './event-versions';

const incident = loadBundled();
const { events } = incident;

describe('noteTextEdit', () => {
  it('notes a list that only changed events’ texts, back to the first list of the run', () => {
    const first = events.with(3, { ...events[3]!, description: { en: 'Rewritten.' } });
    noteTextEdit(events, first);
    expect(textEditOf(first)).toEqual({ before: events, after: first, replaced: [3] });
    const second = first.with(9, { ...first[9]!, title: 'Retitled', citations: [] });
    noteTextEdit(first, second);
    expect(textEditOf(second)?.replaced).toEqual([9]);
    expect(textEditOf(first)).toBeUndefined();
    expect(shapeOf(second)).toBe(events);
    expect(shapeOf(events)).toBe(events);
  });

  it('notes nothing when an event’s time, facets or links change, or events come or go', () => {
    const e = events[3]!;
    const changes = [
      events.with(3, { ...e, startMs: e.startMs + 1 }),
      events.with(3, { ...e, phase: 'other' }),
      events.with(3, { ...e, systems: [...e.systems] }),
      events.with(3, { ...e, related: [] }),
      events.with(3, { ...e, milestones: ['detection'] }),
      events.slice(1),
    ];
    for (const changed of changes) {
      noteTextEdit(events, changed);
      expect(textEditOf(changed)).toBeUndefined();
      expect(shapeOf(changed)).toBe(changed);
    }
  });
});
