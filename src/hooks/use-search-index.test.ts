import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { loadBundled } from '../model/bundled.test-helper';
import { noteTextEdit } from '../model/event-versions';
import { buildSearchIndex, searchIndexBuilder } from '../model/filters';
import { idlePeriods } from './idle-periods.test-helper';
import { builderOf, buildWhileIdle } from './use-search-index';

const incident = loadBundled(generateIncident(2000));

describe('buildWhileIdle', () => {
  it('builds the whole search index over several idle periods, leaving the page free between them', () => {
    const builder = searchIndexBuilder(incident);
    const { idle, queue, runOne } = idlePeriods(2);
    buildWhileIdle(builder, idle);
    expect(builder.index.narrow.length).toBe(0);
    runOne();
    expect(builder.done).toBe(false);
    expect(builder.index.narrow.length).toBeGreaterThan(0);
    let periods = 1;
    while (queue.length > 0) {
      runOne();
      periods++;
    }
    expect(periods).toBeGreaterThan(2);
    expect(builder.done).toBe(true);
    expect(builder.index).toEqual(buildSearchIndex(incident));
  });

  it('stops when cancelled, as when the incident changes', () => {
    const builder = searchIndexBuilder(incident);
    const { idle, queue, runOne } = idlePeriods(1);
    const cancel = buildWhileIdle(builder, idle);
    runOne();
    const built = builder.index.narrow.length;
    cancel();
    expect(queue).toEqual([]);
    expect(builder.index.narrow.length).toBe(built);
    expect(builder.done).toBe(false);
  });
});

describe('builderOf', () => {
  it('starts a text edit’s index from the index so far of the incident before it, the edited events made again', () => {
    const before = loadBundled(generateIncident(2000, 3));
    const builder = builderOf(before);
    builder.step(1500);
    const e = before.events[10]!;
    const edited = {
      ...before,
      events: before.events.with(10, { ...e, description: { en: 'A needle in the stack.' } }),
    };
    noteTextEdit(before.events, edited.events);
    const next = builderOf(edited);
    expect(next.index.narrow).toHaveLength(1500);
    expect(next.index.narrow[10]).toContain('needle');
    expect(builder.index.narrow[10]).not.toContain('needle');
    next.step(Infinity);
    expect(next.index).toEqual(buildSearchIndex(edited));
  });

  it('starts afresh when the edit changed the lists of terms the texts name', () => {
    const before = loadBundled(generateIncident(500, 4));
    builderOf(before).step(Infinity);
    const e = before.events[0]!;
    const events = before.events.with(0, { ...e, title: 'Retitled' });
    const relabelled = {
      ...before,
      events,
      systems: before.systems.map((s) => ({ ...s, label: `${String(s.label)} renamed` })),
    };
    noteTextEdit(before.events, events);
    expect(builderOf(relabelled).index.narrow).toHaveLength(0);
  });
});
