// A deterministic synthetic incident of N events for the benchmark and scale tests; CLI: `tsx bench/generate.ts 20000 out.json [seed] [kind]`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  SystemKind,
  type EventFile,
  type IncidentFile,
  type MilestoneKind,
} from '../src/model/incident';
import { withFullFields } from './full-fields';
import { mulberry32 } from './random';

export { mulberry32 };

/** `synthetic`: terse one-language events (about 300 bytes); `full`: events like the bundled incident's (about 1 KB). */
export const INCIDENT_KINDS = ['synthetic', 'full'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Monday 2024-01-01 00:00 UTC; the incident spans twelve weeks from here. */
export const GENERATED_START = Date.UTC(2024, 0, 1);
export const GENERATED_WEEKS = 12;
/** Weeks (0-based) with no events at all, so the chart has gaps to fold or skip. */
export const QUIET_WEEKS = [3, 4, 8];

const SYSTEM_KINDS = SystemKind.options;

const PHASES = [
  ['credential-compromise', 'Credential compromise', '#8e44ad'],
  ['reconnaissance', 'Reconnaissance', '#c0392b'],
  ['initial-access', 'Initial access', '#d35400'],
  ['persistence', 'Persistence', '#e67e22'],
  ['lateral-movement', 'Lateral movement', '#b7950b'],
  ['detection', 'Detection', '#2471a3'],
  ['containment', 'Containment', '#117a65'],
  ['recovery', 'Recovery', '#1e8449'],
] as const;

const ACTORS = [
  ['attacker', 'Attacker', 'adversary'],
  ['second-attacker', 'Second attacker', 'adversary'],
  ['soc', 'Security operations', 'defender'],
  ['it-ops', 'IT operations', 'defender'],
  ['vendor', 'Vendor', 'third-party'],
] as const;

const ACTIONS = [
  ['login', 'Login', 'adversary'],
  ['scan', 'Scan', 'adversary'],
  ['download', 'Download', 'adversary'],
  ['execute', 'Execute', 'adversary'],
  ['exfiltrate', 'Exfiltrate', 'adversary'],
  ['alert', 'Alert', 'defender'],
  ['investigate', 'Investigate', 'defender'],
  ['block', 'Block', 'defender'],
  ['rotate-credentials', 'Rotate credentials', 'defender'],
  ['notify', 'Notify', 'third-party'],
] as const;

const TECHNIQUES = [
  ['T1078', 'Valid Accounts'],
  ['T1078.004', 'Cloud Accounts'],
  ['T1046', 'Network Service Discovery'],
  ['T1059', 'Command and Scripting Interpreter'],
  ['T1567', 'Exfiltration Over Web Service'],
] as const;

const SYSTEM_COUNT = 40;

interface Burst {
  center: number;
  /** Standard deviation of the event times around the center. */
  spread: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** An incident with `n` events that validates against the schema; the same (n, seed, kind) always gives the same file. */
export function generateIncident(
  n: number,
  seed = 1,
  kind: IncidentKind = 'synthetic',
): IncidentFile {
  const file = syntheticIncident(n, seed);
  return kind === 'full' ? withFullFields(file, seed) : file;
}

function syntheticIncident(n: number, seed: number): IncidentFile {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Box–Muller: bursts are bell-shaped around their center.
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

  const systems = Array.from({ length: SYSTEM_COUNT }, (_, i) => ({
    id: `system-${pad(i + 1, 2)}`,
    label: `System ${i + 1}`,
    kind: SYSTEM_KINDS[i % SYSTEM_KINDS.length]!,
    ownership: i % 5 === 4 ? ('third-party' as const) : ('first-party' as const),
  }));
  // A few busy systems take most events, as real logs do.
  const systemWeight = systems.map((_, i) => 1 / (i + 1));
  const weightSum = systemWeight.reduce((a, b) => a + b, 0);
  const pickSystem = () => {
    let r = random() * weightSum;
    for (let i = 0; i < systems.length; i++)
      if ((r -= systemWeight[i]!) <= 0) return systems[i]!.id;
    return systems[systems.length - 1]!.id;
  };

  const activeWeeks = Array.from({ length: GENERATED_WEEKS }, (_, w) => w).filter(
    (w) => !QUIET_WEEKS.includes(w),
  );
  const burstCount = Math.max(3, Math.min(80, Math.ceil(n / 1500)));
  const bursts: Burst[] = Array.from({ length: burstCount }, () => ({
    center: GENERATED_START + pick(activeWeeks) * WEEK + random() * WEEK,
    spread: (5 + random() * 115) * MINUTE,
  }));
  const span = GENERATED_WEEKS * WEEK;
  const inActiveWeek = (t: number) => {
    const week = Math.floor((t - GENERATED_START) / WEEK);
    return week >= 0 && week < GENERATED_WEEKS && !QUIET_WEEKS.includes(week);
  };
  const eventTime = () => {
    for (;;) {
      // Most events come in bursts; a trickle of background noise fills the active weeks.
      const burst = pick(bursts);
      const t =
        random() < 0.85
          ? burst.center + gaussian() * burst.spread
          : GENERATED_START + random() * span;
      if (inActiveWeek(t)) return Math.floor(t / SECOND) * SECOND;
    }
  };

  const times = Array.from({ length: n }, eventTime).sort((a, b) => a - b);
  const actionsByKind = (kind: string) => ACTIONS.filter((a) => a[2] === kind);
  const actorsByKind = (kind: string) => ACTORS.filter((a) => a[2] === kind);

  const events: EventFile[] = times.map((t, i) => {
    const roll = random();
    const precision = roll < 0.7 ? 'second' : roll < 0.95 ? 'minute' : 'day';
    const unit = precision === 'second' ? SECOND : precision === 'minute' ? MINUTE : DAY;
    const startMs = Math.floor(t / unit) * unit;
    const kind = random() < 0.6 ? 'adversary' : random() < 0.85 ? 'defender' : 'third-party';
    const action = pick(actionsByKind(kind));
    const actor = pick(actorsByKind(kind));
    const first = pickSystem();
    const second = pickSystem();
    const eventSystems = random() < 0.2 && second !== first ? [first, second] : [first];
    const outcome = random() < 0.15 ? 'failed' : random() < 0.1 ? 'unknown' : 'succeeded';
    // Phases follow the incident's progress, with some overlap.
    const progress = Math.min(
      0.999,
      Math.max(0, (startMs - GENERATED_START) / span + (random() - 0.5) * 0.1),
    );
    const phase = PHASES[Math.floor(progress * PHASES.length)]![0];
    const id = `e-${pad(i + 1, 6)}`;
    const event: EventFile = {
      id,
      start: iso(startMs),
      precision,
      title: `${action[1]} on ${eventSystems.join(', ')}`,
      description: `Synthetic event ${i + 1}.`,
      phase,
      actor: actor[0],
      action: action[0],
      systems: eventSystems,
      outcome,
      citations: [{ source: 'synthetic-log', locator: `line ${i + 1}` }],
    };
    if (random() < 0.05) {
      // Ranges last minutes to two days, rounded to the event's precision.
      const length = Math.max(unit, Math.round((MINUTE + random() ** 3 * 2 * DAY) / unit) * unit);
      event.end = iso(startMs + length);
    }
    if (kind === 'adversary' && random() < 0.3) event.techniques = [pick(TECHNIQUES)[0]];
    return event;
  });
  // Metrics read milestone flags; mark the first adversary action and the first alert.
  markFirst(events, (e) => e.actor === 'attacker', 'first-adversary-activity');
  markFirst(events, (e) => e.action === 'alert', 'detection');

  return {
    schemaVersion: '1.0',
    id: `synthetic-${n}-${seed}`,
    title: `Synthetic incident, ${n.toLocaleString('en')} events`,
    summary: 'Generated for benchmarks and scale tests; not a real incident.',
    timeZone: 'UTC',
    languages: ['en'],
    sources: [{ id: 'synthetic-log', title: 'Synthetic log' }],
    phases: PHASES.map(([id, label, color], order) => ({ id, label, order, color })),
    systems,
    actors: ACTORS.map(([id, label, kind]) => ({ id, label, kind })),
    actions: ACTIONS.map(([id, label, actorKind]) => ({ id, label, actorKind })),
    techniques: TECHNIQUES.map(([id, name]) => ({ id, name })),
    events,
  };
}

function markFirst(events: EventFile[], test: (e: EventFile) => boolean, milestone: MilestoneKind) {
  const event = events.find(test);
  if (event) event.milestones = [milestone];
}

function main(args: string[]) {
  const [count, out, seed = '1', kind = 'synthetic'] = args;
  const n = Number(count);
  const known = (INCIDENT_KINDS as readonly string[]).includes(kind);
  if (!Number.isInteger(n) || n < 0 || !out || !Number.isInteger(Number(seed)) || !known) {
    console.error(
      `usage: tsx bench/generate.ts <events> <out.json> [seed] [${INCIDENT_KINDS.join('|')}]`,
    );
    process.exit(2);
  }
  writeFileSync(
    resolve(out),
    JSON.stringify(generateIncident(n, Number(seed), kind as IncidentKind)),
  );
  console.log(`wrote ${n} ${kind} events to ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  main(process.argv.slice(2));
