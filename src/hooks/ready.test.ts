import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idlePeriods } from './idle-periods.test-helper';
import { afterFirstView, markReady, restartQuietWaits } from './ready';

describe('afterFirstView', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    performance.clearMarks();
  });
  afterEach(() => {
    vi.useRealTimers();
    performance.clearMarks();
  });

  const setUp = () => {
    const periods = idlePeriods(1);
    const input = new EventTarget();
    const work = vi.fn();
    const cancel = afterFirstView(work, {
      quietMs: 5_000,
      latestMs: 15_000,
      idle: periods.idle,
      input,
    });
    return { ...periods, input, work, cancel };
  };

  it('waits for the first view, then for the user to leave the page alone, then for the page to be idle', () => {
    const { queue, runOne, input, work } = setUp();
    vi.advanceTimersByTime(14_000);
    markReady();
    vi.advanceTimersByTime(4_000);
    input.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(4_000);
    input.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(4_999);
    expect(queue).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(work).not.toHaveBeenCalled();
    runOne();
    expect(work).toHaveBeenCalledTimes(1);
    input.dispatchEvent(new Event('wheel'));
    vi.advanceTimersByTime(20_000);
    markReady();
    expect(queue).toHaveLength(0);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("starts the quiet wait again on a view change without input (the benchmark's hooks), until it has run", () => {
    markReady();
    const { queue, runOne, work } = setUp();
    vi.advanceTimersByTime(4_000);
    restartQuietWaits();
    vi.advanceTimersByTime(4_999);
    expect(queue).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(queue).toHaveLength(1);
    runOne();
    expect(work).toHaveBeenCalledTimes(1);
    restartQuietWaits();
    vi.advanceTimersByTime(20_000);
    expect(queue).toHaveLength(0);
  });

  it('counts the quiet time from the start on a page whose first view is already on screen', () => {
    markReady();
    const { queue, runOne, work } = setUp();
    vi.advanceTimersByTime(5_000);
    expect(queue).toHaveLength(1);
    runOne();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('starts waiting for quiet after the longest wait on a page that never shows an incident, once', () => {
    const { queue, work, runOne } = setUp();
    vi.advanceTimersByTime(15_000);
    markReady();
    vi.advanceTimersByTime(5_000);
    expect(queue).toHaveLength(1);
    runOne();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('does nothing once cancelled, at any stage', () => {
    const first = setUp();
    first.cancel();
    markReady();
    vi.advanceTimersByTime(30_000);
    expect(first.queue).toHaveLength(0);
    const second = setUp();
    vi.advanceTimersByTime(4_000);
    second.cancel();
    second.input.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(30_000);
    expect(second.queue).toHaveLength(0);
    const third = setUp();
    vi.advanceTimersByTime(5_000);
    expect(third.queue).toHaveLength(1);
    third.cancel();
    expect(third.queue).toHaveLength(0);
    for (const { work } of [first, second, third]) expect(work).not.toHaveBeenCalled();
  });

  it('leaves other idle work alone when cancelled after it has run', () => {
    markReady();
    const { idle, queue, runOne, work, cancel } = setUp();
    vi.advanceTimersByTime(5_000);
    runOne();
    const other = vi.fn();
    idle(other);
    cancel();
    expect(queue).toEqual([other]);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
