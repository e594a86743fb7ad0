import { describe, expect, it } from 'vitest';
import { loadBundled } from './bundled.test-helper';
import { outcomesIn } from './vocabulary';

const bundled = loadBundled();

describe('outcomesIn', () => {
  it('offers the outcomes the events have, in the schema order', () => {
    expect(outcomesIn(bundled).map((t) => t.id)).toEqual(['succeeded', 'failed', 'unknown']);
  });

  it('offers no "Succeeded 0 / Failed 0" for an imported file whose outcomes are all unknown', () => {
    const unknown = {
      ...bundled,
      events: bundled.events.map((e) => ({ ...e, outcome: 'unknown' as const })),
    };
    expect(outcomesIn(unknown).map((t) => t.id)).toEqual(['unknown']);
    expect(outcomesIn(bundled).map((t) => t.id)).toEqual(['succeeded', 'failed', 'unknown']);
  });
});
