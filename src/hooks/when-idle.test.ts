import { afterEach, describe, expect, it, vi } from 'vitest';
import { idlePeriods } from './idle-periods.test-helper';
import { stepsWhileIdle } from './when-idle';

const counting = (ran: number[], n: number) =>
  Array.from({ length: n }, (_, i) => () => ran.push(i + 1));

describe('stepsWhileIdle', () => {
  afterEach(() => vi.restoreAllMocks());

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

  it('starts no step in a period with less time left than the longest step took', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const ran: number[] = [];
    const steps = [20, 1, 1].map((ms, i) => () => {
      now += ms;
      ran.push(i + 1);
    });
    const { idle, queue } = idlePeriods(0);
    stepsWhileIdle(steps, idle);
    queue.shift()!({ timeRemaining: () => 15 });
    expect(ran).toEqual([1]);
    queue.shift()!({ timeRemaining: () => 25 });
    expect(ran).toEqual([1, 2, 3]);
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
