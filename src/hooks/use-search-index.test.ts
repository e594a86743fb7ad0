import { describe, expect, it } from 'vitest';
import { generateIncident } from '../../bench/generate';
import { loadBundled } from '../model/bundled.test-helper';
import { buildSearchIndex, searchIndexBuilder } from '../model/filters';
import { idlePeriods } from './idle-periods.test-helper';
import { buildWhileIdle } from './use-search-index';

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
