// The incident format's version and fixed word lists, without zod: start-up code reads these, incident.ts builds its schemas from them.

export const SCHEMA_VERSION = '1.0';
// A URN, not a URL: the schema is served by every deployment at schema/incident.schema.json.
export const SCHEMA_ID = 'urn:incident-timeline:schema:incident:1.0';

export const OUTCOMES = ['succeeded', 'failed', 'unknown'] as const;

export const ACTOR_KINDS = ['adversary', 'defender', 'third-party'] as const;

export const MILESTONE_KINDS = [
  'credential-compromise',
  'first-adversary-activity',
  'detection',
  'containment',
  'eradication',
  'last-adversary-activity',
  'recovery-start',
  'recovery-complete',
] as const;

export const RELATION_KINDS = [
  'enabled',
  'led-to',
  'detected',
  'contained',
  'eradicated',
  'responded-to',
  'part-of',
] as const;

export const SYSTEM_KINDS = [
  'identity',
  'saas',
  'collaboration',
  'source-control',
  'server',
  'cloud',
  'network',
  'endpoint',
  'adversary-infrastructure',
  'other',
] as const;

export const OWNERSHIPS = ['first-party', 'third-party'] as const;

export const INDICATOR_TYPES = ['ipv4', 'ipv6', 'domain', 'url', 'file'] as const;
