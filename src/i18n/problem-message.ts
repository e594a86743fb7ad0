// A problem's message in the UI language: its code through the catalog, or its own words where it has no code.
import type { Problem } from '../model/incident';
import type { Messages } from './en';

/** What the UI shows for a problem; without a code (zod's own message, an importer's) it is `message` as made. */
export function problemMessage(problem: Problem, t: Messages): string {
  if (problem.code === undefined) return problem.message;
  // The catalog's entry for this code takes this code's params; TypeScript cannot pair the two fields of Problem.
  const say = t.problems[problem.code] as (params: Problem['params']) => string;
  return say(problem.params);
}
