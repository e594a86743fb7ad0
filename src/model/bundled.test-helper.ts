// Test-only: the bundled incident, parsed, and the readers its tests share.
import { readFileSync } from 'node:fs';
import { parseIncident, type Incident, type LocalizedText } from './incident';

export const bundledText = readFileSync(
  new URL('../../data/cloudflare-thanksgiving-2023.json', import.meta.url),
  'utf8',
);

/** The bundled incident parsed, or any other incident file given; throws with the problems if it does not validate. */
export function loadBundled(input: unknown = JSON.parse(bundledText)): Incident {
  const result = parseIncident(input);
  if (!result.ok)
    throw new Error(`incident does not validate:\n${JSON.stringify(result.problems, null, 2)}`);
  return result.incident;
}

export const en = (t: LocalizedText | undefined) => (typeof t === 'string' ? t : (t?.en ?? ''));
export const zh = (t: LocalizedText | undefined) =>
  typeof t === 'string' ? t : (t?.['zh-Hant'] ?? '');
