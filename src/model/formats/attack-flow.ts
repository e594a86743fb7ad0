// Attack Flow 2.0 export: a STIX 2.1 bundle using MITRE's Attack Flow extension, one attack-action per adversary event.
import { v5 as uuidv5 } from 'uuid';
import type { Incident, TimelineEvent } from '../incident';
import { localize } from '../text';
import { utcStamp, type Precision } from '../time';
import { creationTime, NAMESPACE, stixIndicators } from './stix';

export const ATTACK_FLOW_EXTENSION = 'extension-definition--fb9c968a-745b-4ade-9b25-c324172197f4';
// The extension's own definition and its author, as Attack Flow 2.0 publishes them; tools read the bundle with these.
const EXTENSION_AUTHOR = 'identity--d673f8cb-c168-42da-8ed4-0cb26725f86c';
const EXTENSION_CREATED = '2022-08-02T19:34:35.143Z';
const EXTENSION_SCHEMA =
  'https://center-for-threat-informed-defense.github.io/attack-flow/stix/attack-flow-schema-2.0.0.json';

const extensions = { [ATTACK_FLOW_EXTENSION]: { extension_type: 'new-sdo' } };
const iso = (text: string) => new Date(Date.parse(text)).toISOString();

// A STIX timestamp has no precision: a time known to the hour, day or month would read as exactly on the hour.
const EXACT: ReadonlySet<Precision> = new Set(['second', 'minute']);

/** A coarse time as the description says it, e.g. "When (UTC, known to the day): 2023-11-15 – 2023-11-17". */
function coarseTime(e: TimelineEvent): string {
  const at = (text: string) => utcStamp(Date.parse(text), e.precision);
  const span = e.end && at(e.end) !== at(e.start) ? `${at(e.start)} – ${at(e.end)}` : at(e.start);
  return `When (UTC, known to the ${e.precision}): ${span}`;
}

/** The flow's links: each adversary event's `led-to` and `enabled` links to other exported adversary events. */
function effectsOf(actions: readonly TimelineEvent[]): Map<string, string[]> {
  const exported = new Set(actions.map((e) => e.id));
  return new Map(
    actions.map((e) => [
      e.id,
      (e.related ?? [])
        .filter((r) => (r.kind === 'led-to' || r.kind === 'enabled') && exported.has(r.event))
        .map((r) => r.event),
    ]),
  );
}

/**
 * The adversary's events among `events` as an Attack Flow: the extension definition, one `attack-flow` (scope
 * incident) starting at the actions nothing else led to, an `attack-action` per adversary event (first ATT&CK
 * technique as `technique_id`, the rest named in the description; `execution_start`/`execution_end` from its times
 * when they are known to the minute or second, else the time as known in the description, since a timestamp
 * would make a date read as midnight; `effect_refs` along its `led-to`/`enabled` links), an `attack-asset` per
 * system they touch, and the related indicators as the STIX export writes them. Every id is UUIDv5 of the incident
 * id and the thing it stands for. Throws when the events hold no adversary event, since a flow must start somewhere.
 */
export function exportAttackFlow(
  incident: Incident,
  events: TimelineEvent[],
  lang: string,
): string {
  const kindOf = new Map(incident.actors.map((a) => [a.id, a.kind]));
  const actions = events.filter((e) => kindOf.get(e.actor) === 'adversary');
  if (actions.length === 0)
    throw new Error('the view holds no adversary event to start a flow from');
  const id = (type: string, key: string) =>
    `${type}--${uuidv5(`${incident.id}\n${type}\n${key}`, NAMESPACE)}`;
  const created = creationTime(incident);
  const common = (type: string, key: string) => ({
    type,
    spec_version: '2.1',
    id: id(type, key),
    created,
    modified: created,
  });
  const effects = effectsOf(actions);
  const caused = new Set([...effects.values()].flat());
  const techniqueName = new Map((incident.techniques ?? []).map((t) => [t.id, t.name]));
  const systems = new Map(incident.systems.map((s) => [s.id, s]));
  const assetIds = [...new Set(actions.flatMap((e) => e.systems))];

  const flow = {
    ...common('attack-flow', incident.id),
    name: localize(incident.title, lang),
    description: localize(incident.summary, lang),
    scope: 'incident',
    start_refs: actions.filter((e) => !caused.has(e.id)).map((e) => id('attack-action', e.id)),
    extensions,
  };
  const actionObjects = actions.map((e) => {
    const [first, ...rest] = e.techniques ?? [];
    const also = rest.map((t) => `${t} ${techniqueName.get(t) ?? ''}`.trim());
    const effectRefs = effects.get(e.id)!.map((to) => id('attack-action', to));
    const exact = EXACT.has(e.precision);
    return {
      ...common('attack-action', e.id),
      name: localize(e.title, lang),
      ...(first !== undefined && { technique_id: first }),
      description: [
        localize(e.description, lang),
        ...(exact ? [] : [coarseTime(e)]),
        ...(also.length ? [`ATT&CK: ${also.join('; ')}`] : []),
      ].join('\n\n'),
      ...(exact && { execution_start: iso(e.start), execution_end: iso(e.end ?? e.start) }),
      asset_refs: e.systems.map((s) => id('attack-asset', s)),
      ...(effectRefs.length > 0 && { effect_refs: effectRefs }),
      extensions,
    };
  });
  const assets = assetIds.map((s) => {
    const system = systems.get(s);
    const description = system?.description && localize(system.description, lang);
    return {
      ...common('attack-asset', s),
      name: system ? localize(system.label, lang) : s,
      ...(description && { description }),
      extensions,
    };
  });
  const objects = [
    {
      type: 'extension-definition',
      id: ATTACK_FLOW_EXTENSION,
      spec_version: '2.1',
      name: 'Attack Flow',
      description: 'Extends STIX 2.1 with features to create Attack Flows.',
      created: EXTENSION_CREATED,
      modified: EXTENSION_CREATED,
      created_by_ref: EXTENSION_AUTHOR,
      schema: EXTENSION_SCHEMA,
      version: '2.0.0',
      extension_types: ['new-sdo'],
    },
    flow,
    ...actionObjects,
    ...assets,
    ...stixIndicators(incident, actions, lang),
  ];
  const bundle = {
    type: 'bundle',
    id: `bundle--${uuidv5(JSON.stringify(objects), NAMESPACE)}`,
    objects,
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
