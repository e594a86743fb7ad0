// The bundled showcase data set: it must validate, be fully bilingual and keep the source's facts and figures.
import { describe, expect, it } from 'vitest';
import { bundledText as text, en, loadBundled as load, zh } from './bundled.test-helper';
import { parseIncident, type MilestoneKind } from './incident';
import { incidentWarnings } from './incident-warnings';
import { computeMetrics } from './metrics';
import { textFields } from './text-fields';

const incident = load();
const byId = new Map(incident.events.map((e) => [e.id, e]));

function milestone(kind: MilestoneKind) {
  const found = incident.events.filter((e) => e.milestones?.includes(kind));
  expect(found, kind).toHaveLength(1);
  return found[0]!;
}

describe('bundled Cloudflare Thanksgiving 2023 incident', () => {
  it('validates against the schema', () => {
    const result = parseIncident(JSON.parse(text));
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(incident.events.length).toBeGreaterThanOrEqual(40);
  });

  it('uses every declared phase, system, actor, action and technique in some event', () => {
    const used = {
      phases: new Set(incident.events.map((e) => e.phase)),
      systems: new Set(incident.events.flatMap((e) => e.systems)),
      actors: new Set(incident.events.map((e) => e.actor)),
      actions: new Set(incident.events.map((e) => e.action)),
      techniques: new Set(incident.events.flatMap((e) => e.techniques ?? [])),
    };
    const declared = {
      phases: incident.phases,
      systems: incident.systems,
      actors: incident.actors,
      actions: incident.actions,
      techniques: incident.techniques ?? [],
    };
    for (const key of Object.keys(declared) as (keyof typeof declared)[]) {
      const unused = declared[key].map((t) => t.id).filter((id) => !used[key].has(id));
      expect(unused, `unused ${key}`).toEqual([]);
    }
  });

  it('gives every text field in both English and Traditional Chinese', () => {
    // ATT&CK's technique names, owners and publishers are proper names in one language.
    const fields = textFields(incident).filter(
      (f) => !/^techniques|\.(owner|publisher)$/.test(f.path),
    );
    expect(fields.length).toBeGreaterThan(300);
    const missing = fields
      .filter(({ text: t }) => typeof t !== 'object' || !t.en?.trim() || !t['zh-Hant']?.trim())
      .map((f) => f.path);
    expect(missing).toEqual([]);
    expect(incident.languages).toEqual(['en', 'zh-Hant']);
  });

  it('cites the zh-Hant edition for every event and names the English original with its differences', () => {
    const zhSource = incident.sources.find((s) => s.language === 'zh-Hant');
    const enSource = incident.sources.find((s) => s.language === 'en');
    expect(zhSource?.url).toBe(
      'https://blog.cloudflare.com/zh-tw/thanksgiving-2023-security-incident/',
    );
    expect(enSource?.url).toBe('https://blog.cloudflare.com/thanksgiving-2023-security-incident/');
    expect(en(enSource?.note)).toContain('194,100');
    expect(en(enSource?.note)).toContain('Domain');
    for (const e of incident.events) {
      expect(
        e.citations.some((c) => c.source === zhSource?.id),
        e.id,
      ).toBe(true);
    }
  });

  it('marks each milestone kind on exactly one event, at the published times', () => {
    const expected: Record<MilestoneKind, string> = {
      'credential-compromise': '2023-10-18T00:00:00Z',
      'first-adversary-activity': '2023-11-14T09:22:49Z',
      detection: '2023-11-23T16:00:00Z',
      containment: '2023-11-24T00:00:00Z',
      eradication: '2023-11-24T11:59:00Z',
      'last-adversary-activity': '2023-11-24T10:44:00Z',
      'recovery-start': '2023-11-27T00:00:00Z',
      'recovery-complete': '2024-01-05T00:00:00Z',
    };
    for (const [kind, start] of Object.entries(expected) as [MilestoneKind, string][]) {
      expect(milestone(kind).start, kind).toBe(start);
    }
  });

  it('puts containment where the source ends all access, not before the last adversary activity', () => {
    const containment = milestone('containment');
    const last = milestone('last-adversary-activity');
    // 「所有威脅行為者的存取和連線均於 11 月 24 日終止」: the day, without a time.
    expect([containment.start, containment.precision]).toEqual(['2023-11-24T00:00:00Z', 'day']);
    expect(containment.endMs).toBeGreaterThan(last.startMs);
    // The 21:31 IP block on 11-23 only continued the response: the threat actor was active again at 10:44.
    expect(byId.get('known-ips-blocked')?.milestones ?? []).toEqual([]);
    const contain = computeMetrics(incident).find((m) => m.id === 'time-to-contain');
    expect([contain?.ms, contain?.precision]).toEqual([24 * 3600_000, 'day']);
  });

  it('raises no loader warning', () => {
    expect(incidentWarnings(incident)).toEqual([]);
  });

  it('measures 9 d 6 h 37 min 11 s from the first probe to the alert', () => {
    const span = milestone('detection').startMs - milestone('first-adversary-activity').startMs;
    expect(span).toBe((((9 * 24 + 6) * 60 + 37) * 60 + 11) * 1000);
  });

  it('has the phases the links depend on, in a distinct colour each', () => {
    const ids = incident.phases.map((p) => p.id);
    for (const id of [
      'credential-compromise',
      'reconnaissance',
      'initial-access',
      'discovery',
      'persistence',
      'lateral-movement',
      'collection',
      'detection',
      'containment',
      'eradication',
      'recovery',
      'post-incident',
    ]) {
      expect(ids).toContain(id);
    }
    const colours = incident.phases.map((p) => p.color.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
    for (const p of incident.phases) {
      expect(p.prompts?.length ?? 0, p.id).toBeGreaterThanOrEqual(2);
      expect(p.prompts?.length ?? 0, p.id).toBeLessThanOrEqual(3);
    }
  });

  it('records the denied Okta login and the São Paulo attempt as failed', () => {
    const failed = incident.events.filter((e) => e.outcome === 'failed');
    const ids = failed.map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'okta-login-denied',
        'dashboard-login-denied',
        'sao-paulo-console-attempt',
      ]),
    );
    expect(failed.some((e) => e.systems.includes('okta'))).toBe(true);
    expect(failed.some((e) => e.systems.includes('sao-paulo-console-server'))).toBe(true);
    expect(
      failed.every((e) => incident.actors.find((a) => a.id === e.actor)?.kind === 'adversary'),
    ).toBe(true);
  });

  it('explains every inferred date, and infers the dates the source only implies', () => {
    for (const e of incident.events.filter((x) => x.inferred)) {
      expect(en(e.inferred?.reason).length, e.id).toBeGreaterThan(20);
      expect(zh(e.inferred?.reason).length, e.id).toBeGreaterThan(10);
    }
    for (const id of [
      'wiki-searches',
      'jira-tickets-accessed',
      'repositories-viewed',
      'repositories-archived',
      'code-red-ends',
      'crowdstrike-final-report',
    ]) {
      expect(byId.get(id)?.inferred, id).toBeDefined();
    }
    expect(byId.get('crowdstrike-final-report')?.start).toBe('2024-01-31T00:00:00Z');
    // Undated Code Red remediation spans Code Red and says so.
    const codeRed = incident.events.filter(
      (e) => e.related?.some((r) => r.event === 'code-red-begins' && r.kind === 'part-of') && e.end,
    );
    expect(codeRed.length).toBeGreaterThanOrEqual(8);
    for (const e of codeRed) {
      expect([e.start, e.end, e.precision, e.inferred !== undefined], e.id).toEqual([
        '2023-11-27T00:00:00Z',
        '2024-01-05T00:00:00Z',
        'day',
        true,
      ]);
    }
  });

  it('dates the wiki searches and the Jira tickets by what the source says of each', () => {
    const access = byId.get('moveworks-token-access')!;
    const pause = byId.get('activity-paused')!;
    const wiki = byId.get('wiki-searches')!;
    const jira = byId.get('jira-tickets-accessed')!;
    // Undated: from the day Confluence opened (11-15 16:28:38) to the day the pause began.
    expect(wiki.startMs).toBeLessThanOrEqual(access.startMs);
    expect(wiki.endMs).toBeGreaterThan(pause.startMs);
    expect(wiki.endMs - pause.startMs).toBeLessThan(24 * 3600_000);
    expect(en(wiki.inferred?.reason)).toMatch(/no date/);
    expect(en(wiki.inferred?.reason)).not.toMatch(/which gives 11-16/);
    // 「第二天,他們開始尋找…並存取了各種 Jira 票證」: the tickets are dated the day after 11-15.
    expect(jira.startMs - Date.parse(access.start.slice(0, 10))).toBe(24 * 3600_000);
    expect(en(jira.inferred?.reason)).toMatch(/began on 11-15/);
  });

  it('claims no way into Bitbucket and no time for the end of all access', () => {
    const bitbucket = byId.get('bitbucket-access')!;
    // The source says access to Bitbucket was obtained, not how.
    expect(bitbucket.action).not.toBe('access-with-stolen-credentials');
    expect(en(incident.actions.find((a) => a.id === bitbucket.action)?.label)).toMatch(
      /not stated/,
    );
    expect(bitbucket.techniques ?? []).toEqual([]);
    expect(en(bitbucket.description)).toMatch(/does not say how/);
    // Sliver was removed at 11:59; all access ended on 11-24 at a time the source does not give.
    const removed = byId.get('sliver-removed')!;
    expect(removed.milestones).toEqual(['eradication']);
    expect(en(removed.title)).not.toMatch(/access/);
    expect(zh(removed.title)).not.toMatch(/存取/);
  });

  it('keeps times at their stated precision and the pause as a range', () => {
    const pause = byId.get('activity-paused');
    expect([pause?.start, pause?.end, pause?.precision]).toEqual([
      '2023-11-17T14:33:52Z',
      '2023-11-20T09:26:53Z',
      'second',
    ]);
    const responseMinutes = ['15:58', '16:00', '16:12', '16:35', '17:23', '17:43', '21:31'];
    const onNov23 = incident.events
      .filter((e) => e.start.startsWith('2023-11-23T') && e.precision === 'minute')
      .map((e) => e.start.slice(11, 16));
    expect(onNov23).toEqual(responseMinutes);
  });

  it('carries ATT&CK techniques on adversary events only', () => {
    const adversaries = new Set(
      incident.actors.filter((a) => a.kind === 'adversary').map((a) => a.id),
    );
    for (const e of incident.events.filter((x) => x.techniques?.length)) {
      expect(adversaries.has(e.actor), e.id).toBe(true);
    }
  });

  it('links the alert to the change it detected and poses it as an inject', () => {
    const alert = milestone('detection');
    expect(alert.related).toContainEqual({ event: 'admin-group-change', kind: 'detected' });
    expect(alert.inject).toBeDefined();
    expect(incident.events.filter((e) => e.inject).length).toBeGreaterThanOrEqual(3);
  });

  it('sorts events deterministically, whatever the file order', () => {
    const order = incident.events.map((e) => e.id);
    expect(load().events.map((e) => e.id)).toEqual(order);
    const raw = JSON.parse(text) as { events: unknown[] };
    let seed = 20231123;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 5; round++) {
      const shuffled = [...raw.events];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      expect(load({ ...raw, events: shuffled }).events.map((e) => e.id)).toEqual(order);
      expect(load({ ...raw, events: [...shuffled].reverse() }).events.map((e) => e.id)).toEqual(
        order,
      );
    }
  });
});
