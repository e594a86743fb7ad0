import { useSyncExternalStore } from 'react';
import type { IncidentFile } from '../model/incident';

interface Checks {
  checkingInSteps(file: IncidentFile): boolean;
  subscribeSteps(listener: () => void): () => void;
}
const nothing = () => () => {};

/**
 * Whether `file` is being checked in steps (a large draft opened or changed other than in its texts), rendering
 * again when that check ends: what shows its problems waits for it rather than check the draft again in one task.
 */
export function useCheckingInSteps(
  checks: Checks | undefined,
  file: IncidentFile | undefined,
): boolean {
  return useSyncExternalStore(
    checks?.subscribeSteps ?? nothing,
    () => file !== undefined && checks?.checkingInSteps(file) === true,
  );
}
