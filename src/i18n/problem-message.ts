// A problem's message in the UI language: its code through the catalog, or its own words where it has no code.
import type { Problem } from '../model/incident';
import type { KeptIssue } from '../model/zod-issue';
import type { Messages } from './en';

/** zod's own problem in the UI language (sayIssue), or undefined where its English message stays. */
export type SayIssue = (issue: KeptIssue) => string | undefined;

/**
 * What the UI shows for a problem; without a code it is zod's issue as `sayIssue` says it, or else `message` as
 * made (zod's English, an importer's).
 */
export function problemMessage(problem: Problem, t: Messages, sayIssue?: SayIssue): string {
  if (problem.code === undefined)
    return (problem.zodIssue && sayIssue?.(problem.zodIssue)) ?? problem.message;
  // The catalog's entry for this code takes this code's params; TypeScript cannot pair the two fields of Problem.
  const say = t.problems[problem.code] as (params: Problem['params']) => string;
  return say(problem.params);
}
