// The schema's problems with a draft, worked out once per version of it: the editor, the header and the exports all ask.
import { draftProblems } from './draft';
import type { IncidentFile, Problem } from './incident';

const known = new WeakMap<IncidentFile, Problem[]>();

/** `draftProblems(file)`, remembered for this very object (a draft's file is replaced, never changed, on each edit). */
export function problemsOf(file: IncidentFile): Problem[] {
  let problems = known.get(file);
  if (!problems) {
    problems = draftProblems(file);
    known.set(file, problems);
  }
  return problems;
}
