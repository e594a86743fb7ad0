import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en, loadBundled, zh } from './bundled.test-helper';
import type { LocalizedText, TimelineEvent } from './incident';
import { presentSteps } from './present';
import { moduleRuns, situationManual } from './situation-manual';
import { localize } from './text';
import { utcStamp } from './time';

const incident = loadBundled();
const mark = (t: LocalizedText): LocalizedText => `${localize(t, 'en')} (ongoing)`;
const texts = (e: TimelineEvent) => [
  en(e.title),
  en(e.description),
  zh(e.title),
  zh(e.description),
];

describe('situation manual', () => {
  it('has one module per run of one phase, covering every step once', () => {
    const steps = presentSteps(incident.events);
    const runs = moduleRuns(steps);
    expect(runs[0]!.first).toBe(0);
    expect(runs.at(-1)!.last).toBe(steps.length - 1);
    runs.slice(1).forEach((r, i) => {
      expect(r.first).toBe(runs[i]!.last + 1);
      expect(r.phase).not.toBe(runs[i]!.phase);
    });
    const manual = situationManual(incident, steps, 'facilitator', 'en', mark);
    expect(manual.modules).toHaveLength(runs.length);
    expect(manual.briefing).toBe(en(incident.briefing));
  });

  it('gives players only the title and briefing: no event, question, phase or prompt (any selection of events)', () => {
    fc.assert(
      fc.property(
        fc.subarray(incident.events, { minLength: 1 }),
        fc.constantFrom('en', 'zh-Hant'),
        (events, lang) => {
          const manual = situationManual(incident, presentSteps(events), 'players', lang, mark);
          const body = JSON.stringify(manual);
          const words = (t: LocalizedText | undefined) =>
            t === undefined ? [] : [localize(t, lang)];
          const told = [
            ...events.flatMap((e) => [
              ...words(e.title),
              ...words(e.description),
              ...words(e.presentText),
              ...words(e.inject?.question),
              ...(e.prompts ?? []).flatMap(words),
              utcStamp(e.startMs, e.precision),
            ]),
            ...incident.phases.flatMap((p) => [
              ...words(p.label),
              ...(p.prompts ?? []).flatMap(words),
            ]),
          ];
          for (const t of told) expect(body).not.toContain(t);
          expect(manual.modules).toEqual([]);
          expect(manual.briefing).toBe(localize(incident.briefing!, lang));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('never shows in a facilitator’s module, answers aside, any text or end time of an event revealed later', () => {
    fc.assert(
      fc.property(
        fc.subarray(incident.events, { minLength: 1 }),
        fc.constantFrom('en', 'zh-Hant'),
        (events, lang) => {
          const steps = presentSteps(events);
          const manual = situationManual(incident, steps, 'facilitator', lang, mark);
          const runs = moduleRuns(steps);
          expect(manual.modules).toHaveLength(runs.length);
          manual.modules.forEach((m, i) => {
            const body = JSON.stringify({ ...m, answers: [] });
            const end = steps[runs[i]!.last]!.event.startMs;
            const later = steps.slice(runs[i]!.last + 1).map((s) => s.event);
            const seen = new Set(m.soFar.map((e) => e.id));
            for (const e of later.filter((e) => !seen.has(e.id)))
              for (const t of texts(e)) expect(body).not.toContain(t);
            for (const e of events)
              if (e.end !== undefined && Date.parse(e.end) > end && e.endMs > end)
                expect(body).not.toContain(utcStamp(Date.parse(e.end), e.precision) + '"');
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the facilitator the answers: full descriptions and real ends', () => {
    const steps = presentSteps(incident.events);
    const manual = situationManual(incident, steps, 'facilitator', 'en', mark);
    const attempts = manual.modules
      .flatMap((m) => m.answers)
      .find((e) => e.id === 'other-systems-attempts')!;
    expect(attempts.when).toContain('2023-11-24');
    const real = incident.events.find((e) => e.id === 'other-systems-attempts')!;
    expect(attempts.description).toBe(en(real.description));
  });
});
