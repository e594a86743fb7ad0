// Opening a file from this computer: read in the browser, parsed on the same worker path as `?src=` loads.
import type { QueryClient } from '@tanstack/react-query';
import type { ImportChoices } from '../model/formats/generic-csv';
import type { Incident, Problem } from '../model/incident';
import { tooLargeProblem } from '../model/file-size';
import { MAX_INCIDENT_BYTES } from './limits';
import { setLoadProgress } from './load-progress';
import { parseIncidentBytes } from './parse-in-worker';
import type { Columns } from './parse-messages';

/** `src` of a file opened from this computer: it lives in the query cache only, and is never sent anywhere. */
export const LOCAL_PREFIX = 'local:';

export const isLocal = (src: string) => src.startsWith(LOCAL_PREFIX);

export const localSource = (fileName: string) => `${LOCAL_PREFIX}${fileName}`;

/** Puts an opened incident where the incident query finds it, and returns the `src` that names it. */
export function openLocal(client: QueryClient, fileName: string, incident: Incident): string {
  const src = localSource(fileName);
  client.setQueryData(['incident', src], incident);
  return src;
}

export type Opened =
  | { ok: true; src: string }
  | { ok: false; problems: Problem[] }
  /** A CSV of no known shape: which column is which must be asked first. */
  | { ok: false; problems: []; columns: Columns };

/**
 * Reads `file` as an incident (any format the app imports) and opens it. Its progress is reported under its
 * local `src` (see useLoadProgress). Rejects only when reading fails outright (the file vanished, the worker died).
 */
export async function openFile(
  client: QueryClient,
  file: Blob & { name: string },
  mapping?: ImportChoices,
  maxBytes = MAX_INCIDENT_BYTES,
): Promise<Opened> {
  // Refused before a byte is read, with the same message as a download over the limit.
  if (file.size > maxBytes)
    return { ok: false, problems: [tooLargeProblem(file.name, file.size, maxBytes)] };
  const src = localSource(file.name);
  setLoadProgress(src, { stage: 'reading', bytes: file.size });
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await parseIncidentBytes(bytes, file.name, (p) => setLoadProgress(src, p), {
      anyFormat: true,
      mapping,
    });
    if (result.ok) return { ok: true, src: openLocal(client, file.name, result.incident) };
    return result;
  } finally {
    setLoadProgress(src, undefined);
  }
}
