import type { QueryClient } from '@tanstack/react-query';
import type { Incident } from '../model/incident';

/** `src` of a file opened from this computer: it lives in the query cache only, and is never sent anywhere. */
export const LOCAL_PREFIX = 'local:';

export const isLocal = (src: string) => src.startsWith(LOCAL_PREFIX);

/** Puts an opened file where the incident query finds it, and returns the `src` that names it. */
export function openLocal(client: QueryClient, fileName: string, incident: Incident): string {
  const src = `${LOCAL_PREFIX}${fileName}`;
  client.setQueryData(['incident', src], incident);
  return src;
}
