import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { builderOf } from '../hooks/use-search-index';
import { idlePeriodsWith } from '../hooks/idle-periods.test-helper';
import { loadBundled } from '../model/bundled.test-helper';
import { buildSearchIndex } from '../model/filters';
import { sceneSteps } from '../model/chart-view';
import { indexWhileChecking, prepareInSteps } from './prepare-incident';

/** Idle periods run by hand, each offering 50 ms, on a clock that moves `msPerRead` each time it is read. */
function longIdlePeriods(msPerRead: number) {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (now += msPerRead));
  return idlePeriodsWith(() => {
    const end = now + 50;
    return { timeRemaining: () => end - now };
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('prepareInSteps', () => {
  /** Runs prepareInSteps and counts the turns it gives the page (its timers). */
  async function turnsOf(...args: Parameters<typeof prepareInSteps>) {
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    const timers = vi.spyOn(globalThis, 'setTimeout');
    await prepareInSteps(...args);
    const turns = timers.mock.calls.length;
    timers.mockRestore();
    return turns;
  }

  it('gives the page a turn before each step when every step takes time', async () => {
    const incident = loadBundled(generateIncident(6000));
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 20));
    expect(await turnsOf(incident)).toBe(sceneSteps(incident).length);
  });

  it('runs the steps already taken for an incident back to back, after one turn', async () => {
    const incident = loadBundled(generateIncident(6000));
    await turnsOf(incident);
    // One turn each cost 4 ms or more in a browser: 50-90 ms before the first view of 20,000 events.
    expect(await turnsOf(incident)).toBe(1);
  });

  it('takes no step after the load is cancelled', async () => {
    const incident = loadBundled(generateIncident(6000));
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 20));
    const cancel = new AbortController();
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    const turn = globalThis.setTimeout;
    let turns = 0;
    // Cancelled during the second turn, after the first step: the loop stops there, with twelve steps left.
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((run: () => void) => {
      if (++turns === 2) cancel.abort(new Error('cancelled'));
      return turn(run, 0);
    }) as typeof setTimeout);
    await expect(prepareInSteps(incident, cancel.signal)).rejects.toThrow('cancelled');
    expect(turns).toBe(2);
  });
});

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
