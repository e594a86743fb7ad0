import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIncident } from './incident';
import { outcomesIn } from './vocabulary';

const bundled = (() => {
  const r = parseIncident(
    JSON.parse(
      readFileSync(
        new URL('../../data/cloudflare-thanksgiving-2023.json', import.meta.url),
        'utf8',
      ),
    ),
  );
  if (!r.ok) throw new Error('bundled incident does not parse');
  return r.incident;
})();

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
  });
});
