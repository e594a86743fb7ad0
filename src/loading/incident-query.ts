import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Problem } from '../model/incident';
import { setLoadProgress } from './load-progress';
export { useLoadProgress, type LoadProgress } from './load-progress';
import { parseIncidentBytes } from './parse-in-worker';

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

async function download(src: string, signal: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(src, { signal });
  if (!response.ok) throw new Error(`Could not load ${src}: the server answered ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The single-file build carries the bundled incident in a JSON data block, since file:// pages cannot fetch. */
function bundledBytes(): Uint8Array | undefined {
  const block = document.getElementById('bundled-incident');
  return block?.textContent ? new TextEncoder().encode(block.textContent) : undefined;
}

// Progress goes to the load-progress store (read it with useLoadProgress(src)); large files parse in a worker.
async function fetchIncident(src: string, signal: AbortSignal) {
  setLoadProgress(src, { stage: 'downloading' });
  try {
    const bytes = src === DEFAULT_SOURCE ? (bundledBytes() ?? (await download(src, signal))) : await download(src, signal);
    const result = await parseIncidentBytes(bytes, src, (progress) => setLoadProgress(src, progress), { signal });
    if (!result.ok) throw new IncidentFileError(src, result.problems);
    return result.incident;
  } finally {
    setLoadProgress(src, undefined);
  }
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
