import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildReport, reportMarkdown, tagged, type ReportWords } from './after-action';
import { loadBundled } from './bundled.test-helper';
import { presentSteps } from './present';
import { stepKey, type Session, type StepNote } from './tabletop';

const incident = loadBundled();
const steps = presentSteps(incident.events).slice(0, 5);
const session: Session = {
  id: 's1',
  incidentId: incident.id,
  startedAt: Date.UTC(2026, 10, 30, 23, 0),
  elapsedMs: 0,
  targetMinutes: 60,
};
const words: ReportWords = {
  title: (i) => `After-action report: ${i}`,
  date: 'Date',
  duration: 'Duration',
  target: (m) => `target ${m} min`,
  step: (n) => `Step ${n}`,
  timeSpent: 'Time spent',
  question: 'Inject',
  answer: "The room's answer",
  notes: 'Notes',
  tags: 'Tags',
  none: 'None.',
  tagNames: { strength: 'Strength', gap: 'Gap', 'follow-up': 'Follow-up' },
  tables: { strength: 'Strengths', gap: 'Gaps', 'follow-up': 'Follow-ups' },
  columns: { step: 'Step', event: 'Event', notes: 'Notes' },
};
const notes: Record<string, StepNote> = {
  [stepKey(steps[0]!)]: {
    text: 'Rotate *all* of them | even "unused" ones',
    tags: ['gap', 'follow-up'],
    spentMs: 125_000,
  },
  [stepKey(steps[2]!)]: { text: 'Logs caught it <b>fast</b>', tags: ['strength'], spentMs: 30_000 },
};
const report = buildReport(incident, steps, session, notes, 3_723_000, 'en');
const text = (md: string) =>
  (marked.parse(md, { async: false }) as string)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

describe('after-action report', () => {
  it('has every step with its time spent, question and answer, and a table per tag', () => {
    expect(report.steps).toHaveLength(5);
    expect(report.steps[0]).toMatchObject({ n: 1, spentMs: 125_000, tags: ['gap', 'follow-up'] });
    expect(report.steps[0]!.question).toBeTruthy();
    expect(report.steps[1]!.question).toBeUndefined();
    expect(tagged(report, 'strength').map((s) => s.n)).toEqual([3]);
    const md = reportMarkdown(report, words);
    expect(md).toContain('- Duration: 1:02:03 (target 60 min)');
    expect(md).toContain('- Date: 2026-11-30');
    expect(md).toContain('- Time spent: 0:02:05');
    for (const heading of ['## Strengths', '## Gaps', '## Follow-ups'])
      expect(md).toContain(heading);
    for (const s of report.steps) expect(md).toContain(`## Step ${s.n}: `);
  });

  it('renders notes as the facilitator typed them, never as markup or table syntax', () => {
    const md = reportMarkdown(report, words);
    const html = marked.parse(md, { async: false }) as string;
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<em>');
    expect(text(md)).toContain('Rotate *all* of them | even "unused" ones');
    expect(text(md)).toContain('Logs caught it <b>fast</b>');
    // The gaps table has one row with three cells: the pipe in the note did not split it.
    const gaps = html.slice(html.indexOf('Gaps'), html.indexOf('Follow-ups</h2>'));
    expect(gaps.match(/<td>/g)).toHaveLength(3);
  });

  it('is plain data tagged with its format, for comparing sessions', () => {
    expect(report).toMatchObject({ format: 'incident-timeline-after-action', version: 1 });
    expect(report.session.startedAt).toBe('2026-11-30T23:00:00Z');
  });
});
