// A tabletop session's record as data: the facilitator's notes and tags per step, and the session's clock.
import type { Step } from './present';

export const TAGS = ['strength', 'gap', 'follow-up'] as const;
export type Tag = (typeof TAGS)[number];

/** What the facilitator captured at one step: the room's answer and notes, quick tags, and time spent on it. */
export interface StepNote {
  text: string;
  tags: Tag[];
  spentMs: number;
  /** Epoch ms up to which `spentMs` has counted the step's time on screen. */
  countedTo?: number;
}

export const EMPTY_NOTE: StepNote = { text: '', tags: [], spentMs: 0 };

/** One exercise session of one incident; its clock runs while `runningSince` is set. */
export interface Session {
  id: string;
  incidentId: string;
  /** Epoch ms when the session was started. */
  startedAt: number;
  /** Clock time banked before the current run. */
  elapsedMs: number;
  runningSince?: number;
  /** How long the exercise is meant to take, for the per-phase budgets. */
  targetMinutes: number;
}

export const DEFAULT_TARGET_MINUTES = 60;

/** The key of a step's notes: the event id, with "#inject" for its inject question. */
export const stepKey = (step: Step): string =>
  step.inject ? `${step.event.id}#inject` : step.event.id;

export function sessionElapsed(session: Session, now: number): number {
  return (
    session.elapsedMs +
    (session.runningSince === undefined ? 0 : Math.max(0, now - session.runningSince))
  );
}

export function pauseSession(session: Session, now: number): Session {
  if (session.runningSince === undefined) return session;
  return { ...session, elapsedMs: sessionElapsed(session, now), runningSince: undefined };
}

export function resumeSession(session: Session, now: number): Session {
  return session.runningSince === undefined ? { ...session, runningSince: now } : session;
}

export function resetSession(session: Session, now: number): Session {
  return {
    ...session,
    elapsedMs: 0,
    runningSince: session.runningSince === undefined ? undefined : now,
  };
}

/**
 * Where a step's clock starts counting when a window shows the step with the session clock running (since
 * `runningSince`): a window reopened on the step that was being timed when it closed (no step counted later) carries on
 * from its last count, so a reload loses no time; any other step starts now.
 */
export function stepClockFrom(
  notes: Readonly<Record<string, StepNote>>,
  step: string,
  runningSince: number,
  now: number,
): number {
  const own = notes[step]?.countedTo;
  if (own === undefined) return now;
  const latest = Math.max(...Object.values(notes).map((n) => n.countedTo ?? 0));
  return own < latest ? now : Math.min(now, Math.max(own, runningSince));
}

/**
 * The step's note with its time on screen from `from` to `to` counted, up to `to`: at each tick, and for the part of a
 * tick a step change, pause or closing window cuts short. A clock set back counts nothing.
 */
export function countStepTime(note: StepNote, from: number, to: number): StepNote {
  return { ...note, spentMs: note.spentMs + Math.max(0, to - from), countedTo: to };
}

/** "1:02:05" for a clock on the facilitator's screen. */
export function clockText(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export interface AgendaItem {
  phase: string;
  /** 0-based index of the phase's first step. */
  first: number;
  steps: number;
  /** The phase's share of the target length, by its number of steps. */
  budgetMs: number;
  /** Time spent so far on the phase's steps. */
  spentMs: number;
}

/** The session's phases in the order they first come up, each with its share of the target and time spent on it. */
export function agenda(
  steps: readonly Step[],
  targetMinutes: number,
  notes: Readonly<Record<string, StepNote>>,
): AgendaItem[] {
  const items = new Map<string, AgendaItem>();
  steps.forEach((step, i) => {
    const phase = step.event.phase;
    const item = items.get(phase) ?? { phase, first: i, steps: 0, budgetMs: 0, spentMs: 0 };
    item.steps += 1;
    item.spentMs += notes[stepKey(step)]?.spentMs ?? 0;
    items.set(phase, item);
  });
  const target = targetMinutes * 60_000;
  return [...items.values()].map((item) => ({
    ...item,
    budgetMs: steps.length === 0 ? 0 : Math.round((target * item.steps) / steps.length),
  }));
}
