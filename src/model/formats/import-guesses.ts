// What an imported file rarely says outright: outcomes in everyday words, technique ids, defenders, phase colours.
import type { EventFile } from '../incident';

// A Map, not an object literal: a cell reading "constructor" must find no outcome, not Object's constructor.
export const OUTCOMES = new Map<string, EventFile['outcome']>([
  ['succeeded', 'succeeded'],
  ['success', 'succeeded'],
  ['successful', 'succeeded'],
  ['ok', 'succeeded'],
  ['allowed', 'succeeded'],
  ['failed', 'failed'],
  ['failure', 'failed'],
  ['fail', 'failed'],
  ['denied', 'failed'],
  ['blocked', 'failed'],
  ['unknown', 'unknown'],
]);

/** The outcome an everyday word stands for, shown as the default in the mapping step. */
export const guessOutcome = (value: string): EventFile['outcome'] =>
  OUTCOMES.get(value.toLowerCase()) ?? 'unknown';

// Imported files rarely say whose side an actor is on: a few words mark defenders and third parties.
export const DEFENDER =
  /\b(soc|defenders?|responders?|analysts?|security|blue team|incident response|ir|it|helpdesk|help desk|service desk|legal|hr|admins?|administrators?|cert|csirt|management|comms|communications|team)\b/i;

const THIRD_PARTY =
  /\b(vendors?|consultants?|counsel|law enforcement|police|fbi|regulators?|insurers?|partners?|supplier|mssp|mdr|contractors?|third[- ]party)\b/i;

/** A first guess at an actor's side from its name, which the mapping step shows for the user to correct. */
export function guessActorKind(name: string): 'adversary' | 'defender' | 'third-party' {
  if (THIRD_PARTY.test(name)) return 'third-party';
  return DEFENDER.test(name) && !/\b(threat|attacker|adversary|intruder)\b/i.test(name)
    ? 'defender'
    : 'adversary';
}

/** Suggested phase terms for the mapping step: the incident-response phases the bundled incident uses. */
export const PHASE_TERMS = [
  'Reconnaissance',
  'Initial access',
  'Execution',
  'Persistence',
  'Credential access',
  'Lateral movement',
  'Collection',
  'Exfiltration',
  'Detection',
  'Containment',
  'Eradication',
  'Recovery',
  'Post-incident',
];

export const PALETTE = [
  '#c0392b',
  '#d35400',
  '#8e44ad',
  '#2471a3',
  '#1e8449',
  '#117a65',
  '#7f8c8d',
  '#b7950b',
];

export const UNKNOWN = 'Unknown';

/** The phase of events a file gives none: it has no band on the chart. */
export const NO_PHASE = 'No phase';

/** What an event without an action column did, by the side of its actor. */
export const ACTIVITY: Record<'adversary' | 'defender' | 'third-party', string> = {
  adversary: 'Adversary activity',
  defender: 'Response activity',
  'third-party': 'Third-party activity',
};

/** How each placeholder of ours reads, in each language the app speaks. */
export const PLACEHOLDER_LABELS = new Map<string, { en: string; 'zh-Hant': string }>([
  [UNKNOWN, { en: UNKNOWN, 'zh-Hant': '不明' }],
  [NO_PHASE, { en: NO_PHASE, 'zh-Hant': '無階段' }],
  [ACTIVITY.adversary, { en: ACTIVITY.adversary, 'zh-Hant': '攻擊者活動' }],
  [ACTIVITY.defender, { en: ACTIVITY.defender, 'zh-Hant': '應變活動' }],
  [ACTIVITY['third-party'], { en: ACTIVITY['third-party'], 'zh-Hant': '第三方活動' }],
]);
