import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../bundled.test-helper';
import type { Incident } from '../incident';
import attackFlowSchema from './attack-flow-2.0.test-schema.json';
import { ATTACK_FLOW_EXTENSION, exportAttackFlow } from './attack-flow';
import { sampleIncident } from './sample-incident';
import bundleSchema from './stix-2.1-bundle.test-schema.json';
import indicatorSchema from './stix-2.1.test-schema.json';

// Neither schema the issue names can be committed: MITRE's attack-flow-schema-2.0.0.json ships in no npm package,
// and the OASIS STIX 2.1 schemas are not ours. attack-flow-2.0.test-schema.json restates the published Attack Flow
// schema's rules in our own JSON; stix-2.1-bundle.test-schema.json (with stix-2.1.test-schema.json for indicators)
// restates what the STIX 2.1 specification requires of a bundle and its objects.
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addSchema(indicatorSchema);
ajv.addSchema(bundleSchema);
const validateBundle = ajv.getSchema('urn:incident-timeline:test:stix-2.1-bundle')!;
const validateFlowObject = ajv.compile(attackFlowSchema);

type StixObject = Record<string, unknown> & { type: string; id: string };
interface Bundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

const bundled = loadBundled();
const exported = (incident: Incident, events = incident.events, lang = 'en'): Bundle =>
  JSON.parse(exportAttackFlow(incident, events, lang));
const ofType = (bundle: Bundle, type: string) => bundle.objects.filter((o) => o.type === type);

/** Every problem with a bundle: against both schemas, and the document rules the schemas cannot state. */
function problems(bundle: Bundle): string[] {
  const found: string[] = [];
  if (!validateBundle(bundle)) found.push(`STIX: ${ajv.errorsText(validateBundle.errors)}`);
  for (const o of bundle.objects.filter((x) => x.type.startsWith('attack-')))
    if (!validateFlowObject(o)) found.push(`${o.id}: ${ajv.errorsText(validateFlowObject.errors)}`);
  // Attack Flow: exactly one attack-flow object; STIX: ids unique, each id's prefix its object's type.
  if (ofType(bundle, 'attack-flow').length !== 1) found.push('not exactly one attack-flow');
  const ids = bundle.objects.map((o) => o.id);
  if (new Set(ids).size !== ids.length) found.push('repeated ids');
  for (const o of bundle.objects)
    if (!o.id.startsWith(`${o.type}--`)) found.push(`${o.id} is not a ${o.type}`);
  // Every reference the flow makes points at an object in the bundle.
  const known = new Set(ids);
  for (const o of bundle.objects)
    for (const key of ['start_refs', 'effect_refs', 'asset_refs'])
      for (const ref of (o[key] as string[] | undefined) ?? [])
        if (!known.has(ref)) found.push(`${o.id}.${key} names ${ref}, not in the bundle`);
  return found;
}

describe('exportAttackFlow', () => {
  it('is valid against both schemas, for the bundled incident and the sample one', () => {
    expect(problems(exported(bundled))).toEqual([]);
    expect(problems(exported(bundled, bundled.events, 'zh-Hant'))).toEqual([]);
    expect(problems(exported(sampleIncident()))).toEqual([]);
  });

  it.each([
    ['an action without a name', (b: Bundle) => delete ofType(b, 'attack-action')[0]!.name],
    ['a flow without start_refs', (b: Bundle) => delete ofType(b, 'attack-flow')[0]!.start_refs],
    [
      'a property Attack Flow does not define',
      (b: Bundle) => (ofType(b, 'attack-asset')[0]!.colour = 'red'),
    ],
    [
      'an effect that is an asset',
      (b: Bundle) =>
        (ofType(b, 'attack-action')[0]!.effect_refs = [ofType(b, 'attack-asset')[0]!.id]),
    ],
    [
      'no extension named',
      (b: Bundle) => (ofType(b, 'attack-action')[0]!.extensions = { 'x-ext': { a: 1 } }),
    ],
    [
      'a time without Z',
      (b: Bundle) => (ofType(b, 'attack-action')[0]!.execution_start = '2023-11-22T14:18:22+00:00'),
    ],
    [
      'created without milliseconds',
      (b: Bundle) => (ofType(b, 'attack-flow')[0]!.created = '2024-02-01T00:00:00Z'),
    ],
    [
      'a second flow',
      (b: Bundle) =>
        void b.objects.push({
          ...ofType(b, 'attack-flow')[0]!,
          id: `attack-flow--${'0'.repeat(8)}-0000-5000-8000-${'0'.repeat(12)}`,
        }),
    ],
    [
      'a dangling effect',
      (b: Bundle) =>
        (ofType(b, 'attack-action')[0]!.effect_refs = [
          `attack-action--${'1'.repeat(8)}-1111-5111-8111-${'1'.repeat(12)}`,
        ]),
    ],
  ])('would be refused with %s', (_, spoil) => {
    const bundle = exported(bundled);
    spoil(bundle);
    expect(problems(bundle)).not.toEqual([]);
  });

  it('holds one attack-action per adversary event shown, with its technique and times', () => {
    const shown = bundled.events.filter((e) => e.phase !== 'initial-access');
    const actions = ofType(exported(bundled, shown), 'attack-action');
    const adversary = shown.filter((e) => e.actor === 'threat-actor');
    expect(actions.map((a) => a.name)).toEqual(
      adversary.map((e) => (e.title as { en: string }).en),
    );
    const sliver = actions.find((a) => String(a.name).startsWith('Sliver installed'))!;
    expect(sliver).toMatchObject({
      technique_id: 'T1078',
      execution_start: '2023-11-22T14:18:22.000Z',
      execution_end: '2023-11-22T14:18:22.000Z',
    });
    expect(sliver.description).toContain('T1505 ');
    // The defenders' events are not actions of the flow.
    expect(JSON.stringify(actions)).not.toContain('Automated alert');
  });

  it('gives exact times only to events known to the minute or second, and says a coarser time in the description', () => {
    const actions = ofType(exported(bundled), 'attack-action');
    const byName = (start: string) => actions.find((a) => String(a.name).startsWith(start))!;
    const okta = byName('Okta compromise');
    expect(okta).not.toHaveProperty('execution_start');
    expect(okta).not.toHaveProperty('execution_end');
    expect(okta.description).toContain('When (UTC, known to the day): 2023-10-18');
    expect(byName('Threat actor searches the wiki').description).toContain(
      'When (UTC, known to the day): 2023-11-15 – 2023-11-17',
    );
    expect(byName('Smartsheet service account added').execution_start).toBe(
      '2023-11-23T15:58:00.000Z',
    );
    const times = actions.flatMap((a) => [a.execution_start, a.execution_end]).filter(Boolean);
    expect(times.filter((t) => String(t).endsWith('T00:00:00.000Z'))).toEqual([]);
  });

  it('follows led-to and enabled links as effects, and starts where nothing led', () => {
    const bundle = exported(bundled);
    const byName = (start: string) =>
      ofType(bundle, 'attack-action').find((a) => String(a.name).startsWith(start))!;
    const okta = byName('Okta compromise');
    expect(okta.effect_refs).toContain(byName('Moveworks').id);
    expect(byName('Smartsheet service account used').effect_refs).toContain(
      byName('Sliver installed').id,
    );
    expect(ofType(bundle, 'attack-flow')[0]!.start_refs).toContain(okta.id);
    expect(ofType(bundle, 'attack-flow')[0]!.start_refs).not.toContain(
      byName('Sliver installed').id,
    );
  });

  it('names the systems as assets and carries the indicators', () => {
    const bundle = exported(bundled);
    expect(ofType(bundle, 'attack-asset').map((a) => a.name)).toContain('Sliver C2 infrastructure');
    const patterns = ofType(bundle, 'indicator').map((i) => i.pattern);
    expect(patterns).toContain("[ipv4-addr:value = '198.244.174.214']");
  });

  it('is byte-identical on a second export, with name-based (v5) ids apart from the extension’s own', () => {
    expect(exportAttackFlow(bundled, bundled.events, 'en')).toBe(
      exportAttackFlow(loadBundled(), loadBundled().events, 'en'),
    );
    const ids = exported(bundled)
      .objects.map((o) => o.id)
      .filter((id) => id !== ATTACK_FLOW_EXTENSION);
    for (const id of ids) expect(id).toMatch(/--[0-9a-f]{8}-[0-9a-f]{4}-5/);
  });

  it('refuses a view with no adversary event, saying why', () => {
    const defenders = bundled.events.filter((e) => e.actor !== 'threat-actor');
    expect(() => exportAttackFlow(bundled, defenders, 'en')).toThrow(/no adversary event/);
  });
});
