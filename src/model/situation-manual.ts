// The situation manual of a tabletop exercise: the players' handout, and the facilitator's modules with the answers.
import type { Incident, LocalizedText, TimelineEvent } from './incident';
import { revealedEvents, type Step } from './present';
import { asTheRoomSees } from './present-clip';
import { localize } from './text';
import { utcStamp } from './time';

export type Edition = 'players' | 'facilitator';

export interface ManualEvent {
  id: string;
  title: string;
  /** Start, and end when it is known at the module's end, UTC at the event's precision. */
  when: string;
  ongoing: boolean;
  description: string;
}

export interface ManualModule {
  n: number;
  phase: string;
  phaseLabel: string;
  /** The events revealed in this module, as the room sees them at its end. */
  events: ManualEvent[];
  questions: string[];
  prompts: string[];
  /** Every event the room has seen by the module's end, as it sees them then. */
  soFar: ManualEvent[];
  /** What actually happened, with real ends and full descriptions. */
  answers: ManualEvent[];
}

export interface SituationManual {
  edition: Edition;
  title: string;
  briefing?: string;
  /** The facilitator's edition only: a players' handout goes out before the exercise, so it holds no step at all. */
  modules: ManualModule[];
}

/** Consecutive steps in one phase: an inject question and its event always share one. */
export function moduleRuns(
  steps: readonly Step[],
): { phase: string; first: number; last: number }[] {
  const runs: { phase: string; first: number; last: number }[] = [];
  steps.forEach((step, i) => {
    const run = runs.at(-1);
    if (run && run.phase === step.event.phase) run.last = i;
    else runs.push({ phase: step.event.phase, first: i, last: i });
  });
  return runs;
}

const range = (e: TimelineEvent) =>
  e.end === undefined
    ? utcStamp(e.startMs, e.precision)
    : `${utcStamp(e.startMs, e.precision)} – ${utcStamp(Date.parse(e.end), e.precision)}`;

/**
 * The manual for `edition` in `lang`. The players' holds the title and the briefing, what the room knows before step 1:
 * events, inject questions, phase names and prompts all tell what the room is there to find out. The facilitator's has
 * one module per run of steps in one phase, as the room sees it by the module's end (ranges cut there and marked by
 * `mark`, the room's text for each event), with the answers.
 */
export function situationManual(
  incident: Incident,
  steps: readonly Step[],
  edition: Edition,
  lang: string,
  mark: (title: LocalizedText) => LocalizedText,
): SituationManual {
  const phases = new Map(incident.phases.map((p) => [p.id, p]));
  const runs = edition === 'players' ? [] : moduleRuns(steps);
  const modules = runs.map((run, i): ManualModule => {
    const last = steps[run.last]!;
    const room = asTheRoomSees(revealedEvents(steps, run.last), last, mark);
    const asSeen = (e: TimelineEvent): ManualEvent => ({
      id: e.id,
      title: localize(e.title, lang),
      when: room.ongoing.has(e.id) ? utcStamp(e.startMs, e.precision) : range(e),
      ongoing: room.ongoing.has(e.id),
      description: localize(e.description, lang),
    });
    const own = steps.slice(run.first, run.last + 1);
    const revealedHere = new Set(own.filter((s) => !s.inject).map((s) => s.event.id));
    const phase = phases.get(run.phase);
    const prompts = [
      ...(phase?.prompts ?? []),
      ...[...new Set(own.map((s) => s.event))].flatMap((e) => e.prompts ?? []),
    ].map((p) => localize(p, lang));
    return {
      n: i + 1,
      phase: run.phase,
      phaseLabel: phase ? localize(phase.label, lang) : run.phase,
      events: room.events.filter((e) => revealedHere.has(e.id)).map(asSeen),
      questions: own.flatMap((s) =>
        s.inject && s.event.inject ? [localize(s.event.inject.question, lang)] : [],
      ),
      prompts: [...new Set(prompts)],
      soFar: room.events.map(asSeen),
      answers: [...new Set(own.map((s) => s.event))].map((e) => ({
        id: e.id,
        title: localize(e.title, lang),
        when: range(e),
        ongoing: false,
        description: localize(e.description, lang),
      })),
    };
  });
  return {
    edition,
    title: localize(incident.title, lang),
    briefing: incident.briefing === undefined ? undefined : localize(incident.briefing, lang),
    modules,
  };
}
