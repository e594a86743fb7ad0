import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { builderOf } from '../hooks/use-search-index';
import { idlePeriodsWith } from '../hooks/idle-periods.test-helper';
import { loadBundled } from '../model/bundled.test-helper';
import { buildSearchIndex } from '../model/filters';
import { indexWhileChecking } from './prepare-incident';

/** Idle periods run by hand, each offering 50 ms, on a clock that moves `msPerRead` each time it is read. */
function longIdlePeriods(msPerRead: number) {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (now += msPerRead));
  return idlePeriodsWith(() => {
    const end = now + 50;
    return { timeRemaining: () => end - now };
  });
}

afterEach(() => vi.restoreAllMocks());

describe('indexWhileChecking', () => {
  it("builds the search index the screen uses, in idle pieces far shorter than the page's idle periods", () => {
    const incident = loadBundled(generateIncident(2000));
    const { idle, queue, runOne } = longIdlePeriods(2);
    indexWhileChecking(incident, new AbortController().signal, idle);
    runOne();
    const afterOne = builderOf(incident).index.narrow.length;
    expect(afterOne).toBeGreaterThan(0);
    // A whole 50 ms period would index the 2,000 events at this clock's pace; 8 ms of it, a few slices.
    expect(afterOne).toBeLessThan(2000);
    let periods = 1;
    while (queue.length > 0) {
      runOne();
      periods++;
    }
    expect(periods).toBeGreaterThan(1);
    expect(builderOf(incident).done).toBe(true);
    expect(builderOf(incident).index).toEqual(buildSearchIndex(incident));
  });

  it('stops when the check ends or the load is cancelled, keeping what it built for the screen', () => {
    const incident = loadBundled(generateIncident(2000));
    const { idle, queue, runOne } = longIdlePeriods(2);
    const checking = new AbortController();
    indexWhileChecking(incident, checking.signal, idle);
    runOne();
    const built = builderOf(incident).index.narrow.length;
    checking.abort();
    expect(queue).toEqual([]);
    expect(builderOf(incident).index.narrow.length).toBe(built);
    expect(builderOf(incident).done).toBe(false);
  });

  it('does nothing for a load already cancelled', () => {
    const incident = loadBundled(generateIncident(200));
    const { idle, queue } = longIdlePeriods(2);
    const checking = new AbortController();
    checking.abort();
    indexWhileChecking(incident, checking.signal, idle);
    expect(queue).toEqual([]);
  });
});
