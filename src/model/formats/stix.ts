// STIX 2.1 export: the incident's indicators as a bundle of indicator objects whose ids and times depend only on the data.
import { v5 as uuidv5 } from 'uuid';
import type { Incident, Indicator, TimelineEvent } from '../incident';
import { localize } from '../text';

// Generated once for this app (a random v4 UUID); changing it would change every exported id.
export const NAMESPACE = '0e89b289-f4dd-46b5-a252-c887c612ffb2';

const SHA256 = /^[0-9a-f]{64}$/i;

// STIX patterning: inside a '…' string literal, a quote and a backslash are escaped with a backslash.
const literal = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/** The STIX pattern that matches the indicator's refanged value. */
export function stixPattern(indicator: Indicator): string {
  const { type, value, sha256 } = indicator;
  switch (type) {
    case 'ipv4':
      return `[ipv4-addr:value = ${literal(value)}]`;
    case 'ipv6':
      return `[ipv6-addr:value = ${literal(value)}]`;
    case 'domain':
      return `[domain-name:value = ${literal(value)}]`;
    case 'url':
      return `[url:value = ${literal(value)}]`;
    case 'file': {
      // A file indicator whose value is itself a hash is matched by hash, not by a file of that name.
      const hash = sha256 ?? (SHA256.test(value) ? value.toLowerCase() : undefined);
      return hash
        ? `[file:hashes.'SHA-256' = ${literal(hash)}]`
        : `[file:name = ${literal(value)}]`;
    }
  }
}

export interface StixIndicator {
  type: 'indicator';
  spec_version: '2.1';
  id: string;
  created: string;
  modified: string;
  name: string;
  description: string;
  pattern: string;
  pattern_type: 'stix';
  valid_from: string;
}

/** A fixed creation time: the earliest source publication date, else the first event, else the epoch. */
export function creationTime(incident: Incident): string {
  const published = incident.sources.flatMap((s) => (s.published ? [s.published] : [])).sort()[0];
  if (published) return `${published}T00:00:00.000Z`;
  // parseIncident sorts events, so the first one is the earliest.
  return new Date(incident.events[0]?.startMs ?? 0).toISOString();
}

/**
 * The indicators related to the given events, or all of them when none relates to them, as STIX indicator objects.
 * Ids are UUIDv5 of the incident id and pattern (the incident id keeps two incidents' different descriptions of
 * one address apart).
 */
export function stixIndicators(
  incident: Incident,
  events: readonly TimelineEvent[],
  lang: string,
): StixIndicator[] {
  const shown = new Set(events.map((e) => e.id));
  const all = incident.indicators ?? [];
  const related = all.filter((ind) => ind.events?.some((id) => shown.has(id)));
  const created = creationTime(incident);
  const startOf = new Map(incident.events.map((e) => [e.id, e.startMs]));
  const byPattern = new Map<string, StixIndicator>();
  for (const ind of related.length > 0 ? related : all) {
    const pattern = stixPattern(ind);
    const description = localize(ind.description, lang);
    const same = byPattern.get(pattern);
    // Two entries for one value become one object: ids come from the pattern and must be unique in a bundle.
    if (same) {
      same.description += `\n\n${description}`;
      continue;
    }
    // A loop, not Math.min(...starts): spreading a long list overflows the call stack.
    let first = Infinity;
    for (const id of ind.events ?? []) first = Math.min(first, startOf.get(id) ?? Infinity);
    byPattern.set(pattern, {
      type: 'indicator',
      spec_version: '2.1',
      id: `indicator--${uuidv5(`${incident.id}\n${pattern}`, NAMESPACE)}`,
      created,
      modified: created,
      name: ind.defanged,
      description,
      pattern,
      pattern_type: 'stix',
      // The indicator is known bad from its first related event; without one, from the creation time.
      valid_from: first < Infinity ? new Date(first).toISOString() : created,
    });
  }
  return [...byPattern.values()];
}

/** A bundle of `stixIndicators`; its id is UUIDv5 of its content, so equal data exports byte-identical files. */
export function exportStix(incident: Incident, events: TimelineEvent[], lang: string): string {
  const objects = stixIndicators(incident, events, lang);
  const bundle = {
    type: 'bundle',
    id: `bundle--${uuidv5(JSON.stringify(objects), NAMESPACE)}`,
    // A bundle's objects, when present, must hold at least one object.
    ...(objects.length > 0 && { objects }),
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
