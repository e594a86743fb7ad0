// The after-action report of a tabletop session: one structure, written as Markdown and as JSON for comparison.
import { markdownCell } from './formats/markdown';
import type { Incident } from './incident';
import type { Step } from './present';
import { clockText, stepKey, TAGS, type Session, type StepNote, type Tag } from './tabletop';
import { localize } from './text';
import { toIsoUtc, utcStamp } from './time';

export const REPORT_FORMAT = 'incident-timeline-after-action';

export interface ReportStep {
  n: number;
  key: string;
  event: string;
  /** The inject question asked at this step; absent for an event step. */
  question?: string;
  title: string;
  when: string;
  spentMs: number;
  notes: string;
  tags: Tag[];
}

export interface AfterActionReport {
  format: typeof REPORT_FORMAT;
  version: 1;
  incident: { id: string; title: string };
  lang: string;
  session: { id: string; startedAt: string; durationMs: number; targetMinutes: number };
  steps: ReportStep[];
}

/** Every step of the session, with its notes, tags and the time spent on it. */
export function buildReport(
  incident: Incident,
  steps: readonly Step[],
  session: Session,
  notes: Readonly<Record<string, StepNote>>,
  durationMs: number,
  lang: string,
): AfterActionReport {
  return {
    format: REPORT_FORMAT,
    version: 1,
    incident: { id: incident.id, title: localize(incident.title, lang) },
    lang,
    session: {
      id: session.id,
      startedAt: toIsoUtc(session.startedAt),
      durationMs,
      targetMinutes: session.targetMinutes,
    },
    steps: steps.map((step, i) => {
      const note = notes[stepKey(step)];
      const e = step.event;
      return {
        n: i + 1,
        key: stepKey(step),
        event: e.id,
        question: step.inject && e.inject ? localize(e.inject.question, lang) : undefined,
        title: localize(e.title, lang),
        when: utcStamp(e.startMs, e.precision),
        spentMs: note?.spentMs ?? 0,
        notes: note?.text ?? '',
        tags: note?.tags ?? [],
      };
    }),
  };
}

/** The steps tagged `tag`, for the strengths, gaps and follow-ups tables. */
export const tagged = (report: AfterActionReport, tag: Tag) =>
  report.steps.filter((s) => s.tags.includes(tag));

export interface ReportWords {
  title: (incident: string) => string;
  date: string;
  duration: string;
  target: (minutes: number) => string;
  step: (n: number) => string;
  timeSpent: string;
  question: string;
  answer: string;
  notes: string;
  tags: string;
  none: string;
  tagNames: Record<Tag, string>;
  tables: Record<Tag, string>;
  columns: { step: string; event: string; notes: string };
}

/** The report as Markdown: every piece of text from data or notes is escaped, so it renders as itself. */
export function reportMarkdown(report: AfterActionReport, w: ReportWords): string {
  const out: string[] = [`# ${markdownCell(w.title(report.incident.title))}`, ''];
  out.push(`- ${w.date}: ${report.session.startedAt.slice(0, 10)}`);
  out.push(
    `- ${w.duration}: ${clockText(report.session.durationMs)} (${w.target(report.session.targetMinutes)})`,
    '',
  );
  for (const s of report.steps) {
    out.push(`## ${w.step(s.n)}: ${markdownCell(s.title)}`, '');
    out.push(`- ${s.when} UTC`, `- ${w.timeSpent}: ${clockText(s.spentMs)}`);
    if (s.tags.length > 0) out.push(`- ${w.tags}: ${s.tags.map((t) => w.tagNames[t]).join(', ')}`);
    out.push('');
    if (s.question) out.push(`**${w.question}:** ${markdownCell(s.question)}`, '');
    const label = s.question ? w.answer : w.notes;
    out.push(`**${label}:** ${s.notes ? markdownCell(s.notes) : w.none}`, '');
  }
  for (const tag of TAGS) {
    out.push(`## ${w.tables[tag]}`, '');
    const rows = tagged(report, tag);
    if (rows.length === 0) {
      out.push(w.none, '');
      continue;
    }
    out.push(
      `| ${w.columns.step} | ${w.columns.event} | ${w.columns.notes} |`,
      '| --- | --- | --- |',
    );
    for (const s of rows)
      out.push(`| ${s.n} | ${markdownCell(s.title)} | ${markdownCell(s.notes)} |`);
    out.push('');
  }
  return out.join('\n');
}
