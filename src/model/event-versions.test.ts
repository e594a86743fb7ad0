import { describe, expect, it } from 'vitest';
import { loadBundled } from './bundled.test-helper';
import { noteTextEdit, eventsShape, textEditOf } from './event-versions';

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
    expect(eventsShape(second)).toBe(events);
    expect(eventsShape(events)).toBe(events);
  });

  it('notes nothing when an event’s time, facets or links change, or events come or go', () => {
    const e = events[3]!;
    const changes = [
      events.with(3, { ...e, startMs: e.startMs + 1 }),
      events.with(3, { ...e, phase: 'other' }),
      events.with(3, { ...e, systems: [...e.systems] }),
      events.with(3, { ...e, related: [] }),
      events.with(3, { ...e, milestones: ['detection'] }),
      events.with(3, { ...e, actor: 'other' }),
      events.with(3, { ...e, action: 'other' }),
      events.with(3, { ...e, outcome: e.outcome === 'failed' ? 'succeeded' : 'failed' }),
      events.with(3, { ...e, techniques: ['T1078'] }),
      events.with(3, { ...e, precision: e.precision === 'day' ? 'minute' : 'day' }),
      events.with(3, { ...e, end: '2024-01-01T00:00:00Z' }),
      events.with(3, { ...e, id: 'renamed' }),
      events.slice(1),
    ];
    for (const changed of changes) {
      noteTextEdit(events, changed);
      expect(textEditOf(changed)).toBeUndefined();
      expect(eventsShape(changed)).toBe(changed);
    }
  });
});
