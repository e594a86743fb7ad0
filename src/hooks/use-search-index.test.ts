import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { loadBundled } from '../model/bundled.test-helper';
import { buildSearchIndex, searchIndexBuilder } from '../model/filters';
import { buildWhileIdle, stepsWhileIdle, type WhenIdle } from './use-search-index';

const incident = loadBundled(generateIncident(2000));

/** Idle periods run by hand: each gives `slices` checks of the deadline before it runs out. */
function idlePeriods(slices: number) {
  const queue: Parameters<WhenIdle>[0][] = [];
  const idle: WhenIdle = (work) => {
    queue.push(work);
    return () => queue.splice(queue.indexOf(work), 1);
  };
  const runOne = () => {
    let left = slices;
    queue.shift()!({ timeRemaining: () => (left-- > 0 ? 10 : 0) });
  };
  return { idle, queue, runOne };
}

describe('buildWhileIdle', () => {
  it('builds the whole search index over several idle periods, leaving the page free between them', () => {
    const builder = searchIndexBuilder(incident);
    const { idle, queue, runOne } = idlePeriods(2);
    buildWhileIdle(builder, idle);
    expect(builder.index.size).toBe(0);
    runOne();
    expect(builder.done).toBe(false);
    expect(builder.index.size).toBeGreaterThan(0);
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
    const built = builder.index.size;
    cancel();
    expect(queue).toEqual([]);
    expect(builder.index.size).toBe(built);
    expect(builder.done).toBe(false);
  });
});

describe('stepsWhileIdle', () => {
  const counting = (ran: number[], n: number) =>
    Array.from({ length: n }, (_, i) => () => ran.push(i + 1));

  it('runs the steps in order, as many per idle period as it has time for, and at least one', () => {
    const ran: number[] = [];
    const { idle, queue, runOne } = idlePeriods(1);
    stepsWhileIdle(counting(ran, 5), idle);
    expect(ran).toEqual([]);
    runOne();
    expect(ran).toEqual([1, 2]);
    runOne();
    expect(ran).toEqual([1, 2, 3, 4]);
    runOne();
    expect(ran).toEqual([1, 2, 3, 4, 5]);
    expect(queue).toEqual([]);
    const late: number[] = [];
    stepsWhileIdle(counting(late, 2), idle);
    queue.shift()!({ timeRemaining: () => 0 });
    expect(late).toEqual([1]);
  });

  it('runs no more steps once cancelled, as when the incident changes', () => {
    const ran: number[] = [];
    const { idle, queue, runOne } = idlePeriods(0);
    const cancel = stepsWhileIdle(counting(ran, 3), idle);
    runOne();
    cancel();
    expect(queue).toEqual([]);
    expect(ran).toEqual([1]);
  });
});
