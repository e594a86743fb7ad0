// The schema's problems with a draft, worked out once per version of it: the editor, the header and the exports all ask.
// It holds zod, so the page loads it only when a draft is open (src/loading/draft-check-loader.ts).
import { noteTextEdit, sameButEvents } from './event-versions';
import { checkChangedReferences } from './incident-checks';
import {
  checkChange,
  fastCheck,
  fastChecked,
  fastCheckSteps,
  type Change,
  type FastChecked,
} from './incident-fast';
import {
  eventProblems,
  parseIncident,
  problemOfCheck,
  type Incident,
  type IncidentFile,
  type ParseResult,
  type Problem,
} from './incident';
import type { ListChange } from './list-diff';
import { capProblems } from './problems';

const known = new WeakMap<IncidentFile, Problem[]>();
/**
 * The latest version's parse alone: each parse holds a whole incident, and a session makes a version per keystroke.
 * `base` is the last version that passed the fast check, for each later one to be checked as a change of it.
 */
let latest:
  { file: IncidentFile; result: ParseResult; base?: FastChecked; change?: ListChange } | undefined;

/**
 * Whether `file` is a version of the last valid one that checkChange could check (kept): its events edited, added,
 * deleted or moved, and nothing else.
 */
function checkedAsChange(file: IncidentFile): boolean {
  const base = latest?.base;
  const change = base && checkChange(base, file);
  if (!change) return false;
  if (change.ok) {
    noteTextEdit(base.incident.events, change.checked.incident.events);
    const result: ParseResult = { ok: true, incident: change.checked.incident };
    latest = { file, result, base: change.checked };
    return true;
  }
  const problems = problemsOfChange(base, file, change);
  if (!problems) return false;
  latest = { file, result: { ok: false, problems }, base, change: change.change };
  return true;
}

/**
 * parseIncident's problems with `file`, a change of the valid `base` that checkChange refused: zod's with the events
 * that failed their own check, then those of the checks across lists where zod would go on to them. Undefined when
 * zod finds nothing wrong with those events, for zod to read the whole file.
 */
function problemsOfChange(
  base: FastChecked,
  file: IncidentFile,
  { change, bad }: Extract<Change, { ok: false }>,
): Problem[] | undefined {
  const { problems, checksRun } =
    bad.length > 0 ? eventProblems(file, bad) : { problems: [], checksRun: true };
  if (bad.length > 0 && problems.length === 0) return undefined;
  if (checksRun)
    checkChangedReferences(file, base.file.events, change, (path, text) =>
      problems.push(problemOfCheck(path, text)),
    );
  return capProblems(problems, '(file)');
}

/**
 * parseIncident's answer for a draft's file: a valid one through the fast check, which at 100,000 events took a
 * fraction of zod's seconds, and a version that only changed some of the last valid one's events through those
 * events' checks (checkedAsChange); zod says what is wrong with one that fails, as on the load screen. After a
 * version with problems that is not such a change, the next goes to zod alone, so a draft being fixed is not
 * checked twice per keystroke.
 */
function parseDraft(file: IncidentFile): ParseResult {
  if (latest?.file === file || checkedAsChange(file)) return latest!.result;
  // The fast check gives the events their times in place: copies keep the draft's own events as written.
  const fast =
    latest?.result.ok === false || failedSteps.has(file)
      ? undefined
      : fastCheck({ ...file, events: file.events.map((e) => ({ ...e })) });
  if (fast?.ok && fast.asWritten) {
    const incident = sameEvents(fast.incident(), file);
    const result: ParseResult = { ok: true, incident };
    latest = { file, result, base: fastChecked(file, incident, fast.order.order) };
    return result;
  }
  const result = parseIncident(file);
  // The last valid version stays the base only for versions of it: another draft's would only be held in memory.
  const base = latest?.base;
  latest = {
    file,
    result,
    base: !result.ok && base && sameButEvents(base.file, file) ? base : undefined,
  };
  return result;
}

/** Events checked between two of the page's turns by checkInSteps: about 20 ms at 1 KB an event. */
const CHECK_SLICE = 5000;

/**
 * Checks a large `file` as parseDraft would, with a turn for the page (`pause`) between steps of CHECK_SLICE events
 * when it is checked whole, and keeps the answer for parseDraft when the file is valid; one that is not is left to
 * parseDraft, whose zod says what is wrong. At 100,000 full-field events a whole check was one task of about half a
 * second, as a stored draft opened or a change other than a text's was shown. Asked again for a file whose check is
 * under way, it waits for that check.
 */
export function checkInSteps(file: IncidentFile, pause: () => Promise<void>): Promise<void> {
  // A smaller draft's check is short, and an edit's is: parseDraft makes them when asked.
  if (latest?.file === file || file.events.length < CHECK_SLICE || checkedAsChange(file))
    return Promise.resolve();
  let running = stepping.get(file);
  if (!running) {
    running = stepThrough(file, pause).finally(() => {
      stepping.delete(file);
      stepsEnded.forEach((listener) => listener());
    });
    stepping.set(file, running);
  }
  return running;
}

const stepping = new WeakMap<IncidentFile, Promise<void>>();
const stepsEnded = new Set<() => void>();
// Files whose check in steps found a problem: parseDraft gives them to zod at once, not to the fast check again.
const failedSteps = new WeakSet<IncidentFile>();

/**
 * Whether `file` is being checked in steps: what shows its problems waits for that check's end (subscribeSteps)
 * rather than check it again at once, in one task.
 */
export const checkingInSteps = (file: IncidentFile) => stepping.has(file);

/** Calls `listener` whenever a check in steps ends; returns the unsubscribe. */
export function subscribeSteps(listener: () => void): () => void {
  stepsEnded.add(listener);
  return () => stepsEnded.delete(listener);
}

async function stepThrough(file: IncidentFile, pause: () => Promise<void>) {
  const before = latest;
  const events: IncidentFile['events'] = [];
  // The fast check gives the events their times in place: copies keep the draft's own events as written.
  for (let from = 0; from < file.events.length; from += CHECK_SLICE) {
    for (const e of file.events.slice(from, from + CHECK_SLICE)) events.push({ ...e });
    await pause();
  }
  const steps = fastCheckSteps({ ...file, events }, CHECK_SLICE);
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  const fast = step.value;
  if (!fast?.ok || !fast.asWritten) {
    failedSteps.add(file);
    return;
  }
  // Another version checked meanwhile (a render asked, another draft opened) is the latest: this one is not.
  if (latest !== before) return;
  const incident = sameEvents(fast.incident(), file);
  latest = {
    file,
    result: { ok: true, incident },
    base: fastChecked(file, incident, fast.order.order),
  };
}

/**
 * Takes `file` as valid, shown as `incident`: `file` is `fileOf(incident)`, an incident already checked (a file
 * loaded, or the bundled one, becoming a draft), whose events `fileOf` keeps in their order. The draft then shows
 * that very incident, and every view made of it is kept; at 100,000 full-field events checking the file again took
 * 0.4 s of the click on Edit, and making the views again for the copy 0.3 s more.
 */
export function takeAsChecked(file: IncidentFile, incident: Incident): void {
  const order = new Uint32Array(incident.events.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  latest = { file, result: { ok: true, incident }, base: fastChecked(file, incident, order) };
}

/**
 * `incident` with the last version's list of events when the draft's events are those of that version: a change to
 * the incident's own fields (its title, its lists of terms) then finds every view made from the events made already.
 */
function sameEvents(incident: Incident, file: IncidentFile): Incident {
  const before = latest?.result;
  return before?.ok && latest!.file.events === file.events
    ? { ...incident, events: before.incident.events }
    : incident;
}

/**
 * `draftProblems(file)`, remembered for this very object (a draft's file is replaced, never changed, on each edit):
 * one parse per version, in any UI language.
 */
export function problemsOf(file: IncidentFile): Problem[] {
  const seen = known.get(file);
  if (seen) return seen;
  const problems = draftProblems(file);
  known.set(file, problems);
  return problems;
}

/**
 * Every problem the schema finds in the draft, with its field path; empty when the draft is a valid file. Their
 * messages are English; the UI says them in its language (useProblemMessage).
 */
export function draftProblems(file: IncidentFile): Problem[] {
  const result = parseDraft(file);
  return result.ok ? [] : result.problems;
}

/**
 * What the chart and list can show of a draft: the whole incident when valid, else the incident without the events
 * that have problems (they are listed instead), or undefined when the problems are outside the events.
 */
export function showableIncident(file: IncidentFile): Incident | undefined {
  const first = parseDraft(file);
  if (first.ok) return first.incident;
  const bad = new Set<number>();
  for (const p of first.problems) {
    const m = /^events\[(\d+)\]/.exec(p.path);
    if (!m) return undefined;
    bad.add(Number(m[1]));
  }
  // Only events added to the last valid version, and those alone with problems: without them it is that version.
  const added = latest?.file === file ? latest.change : undefined;
  if (
    added?.removed.length === 0 &&
    added.added.length === bad.size &&
    added.added.every((i) => bad.has(i))
  )
    return latest!.base!.incident;
  const kept = file.events.filter((_, i) => !bad.has(i));
  // The ids that links name, and those of them a kept event has: a set of every kept id took 28 ms of each change at
  // 100,000 events.
  const named = new Set<string>();
  for (const e of kept) for (const r of e.related ?? []) named.add(r.event);
  const there = new Set<string>();
  for (const e of kept) if (named.has(e.id)) there.add(e.id);
  // Only an event that linked to one left out is copied, so that the rest stay the very events checked before.
  const events = kept.map((e) =>
    e.related?.some((r) => !there.has(r.event))
      ? { ...e, related: e.related.filter((r) => there.has(r.event)) }
      : e,
  );
  // Usually the last valid version with the new events that have problems left out: checked as that change.
  const shown = { ...file, events };
  const base = latest?.base;
  const change = base && checkChange(base, shown);
  if (change?.ok) return change.checked.incident;
  const second = parseIncident(shown);
  return second.ok ? second.incident : undefined;
}
