import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Problem } from '../model/incident';
import { decodeIncidentFile } from '../model/incident-file';

export const DEFAULT_SOURCE = 'data/cloudflare-thanksgiving-2023.json';

/** Thrown for a file that loads but does not validate, so the view can list each problem. */
export class IncidentFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(`${file} is not a valid incident file (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
  }
}

async function fetchIncident(src: string, signal: AbortSignal) {
  const response = await fetch(src, { signal });
  if (!response.ok) throw new Error(`Could not load ${src}: the server answered ${response.status} ${response.statusText}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const result = decodeIncidentFile(bytes, src);
  if (!result.ok) throw new IncidentFileError(src, result.problems);
  return result.incident;
}

export const incidentQueryOptions = (src: string) =>
  queryOptions({
    queryKey: ['incident', src],
    queryFn: ({ signal }) => fetchIncident(src, signal),
    staleTime: Infinity,
    retry: false,
  });

export function useIncident(src: string) {
  return useQuery(incidentQueryOptions(src));
}
