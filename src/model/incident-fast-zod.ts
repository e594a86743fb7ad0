// The fast check with zod behind it: a file the fast check cannot pass is checked again by zod, for its messages.
import { checkWithZod, type ParseResult } from './incident';
import type { CheckResult } from './incident-checks';
import { fastCheck } from './incident-fast';

/**
 * Validates like parseIncident, several times faster on a large file. A file that fails is validated again by
 * zod, so that its problems read exactly as parseIncident's. The incident is then zod's output, which can differ
 * from the file as written (`asWritten` false): it drops an own "__proto__" key of a text.
 */
export function checkIncidentFast(input: unknown): CheckResult {
  return fastCheck(input) ?? checkWithZod(input);
}

/** checkIncidentFast's incident or problems. */
export function parseIncidentFast(input: unknown): ParseResult {
  const checked = checkIncidentFast(input);
  return checked.ok ? { ok: true, incident: checked.incident() } : checked;
}
