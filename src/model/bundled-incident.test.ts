// The bundled showcase data set: it must validate, be fully bilingual and keep the source's facts and figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIncident, type Incident, type LocalizedText, type MilestoneKind } from './incident';
import { incidentWarnings } from './incident-warnings';
import { computeMetrics } from './metrics';
import { textFields, textVersions } from './text-fields';
import { copiedRun } from './verbatim';

const text = readFileSync(
  new URL('../../data/cloudflare-thanksgiving-2023.json', import.meta.url),
  'utf8',
);

function load(input: unknown = JSON.parse(text)): Incident {
  const result = parseIncident(input);
  if (!result.ok)
    throw new Error(
      `bundled incident does not validate:\n${JSON.stringify(result.problems, null, 2)}`,
    );
  return result.incident;
}

const incident = load();
/** Hashes of the source's text windows (scripts/source-fingerprint.ts), to catch copying without keeping the post. */
const sourceWindows = new Set(
  readFileSync(
    new URL('../../data/fixtures/cloudflare-thanksgiving-2023.source-windows.txt', import.meta.url),
    'utf8',
  )
    .split('\n')
    .filter((line) => /^[0-9a-f]+$/.test(line)),
);
/** The Traditional Chinese version of every text field, with its path. */
const zhTexts = textVersions(textFields(incident)).filter((t) => t.path.endsWith('.zh-Hant'));
const byId = new Map(incident.events.map((e) => [e.id, e]));
const en = (t: LocalizedText | undefined) => (typeof t === 'string' ? t : (t?.en ?? ''));
const zh = (t: LocalizedText | undefined) => (typeof t === 'string' ? t : (t?.['zh-Hant'] ?? ''));

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

  it('writes indicators defanged in every text, in every language', () => {
    const live = (incident.indicators ?? []).filter((i) => i.value !== i.defanged);
    expect(live.map((i) => i.value)).toEqual(['193.142.58.126', '198.244.174.214', 'idowall.com']);
    const texts = textVersions(textFields(incident));
    for (const ind of live) {
      const found = texts
        .filter((t) => t.text.toLowerCase().includes(ind.value))
        .map((t) => t.path);
      expect(found, ind.value).toEqual([]);
    }
    // Prose about the infrastructure still names it, defanged.
    const system = (id: string) => incident.systems.find((s) => s.id === id)?.description;
    expect(zh(system('threat-actor-infrastructure'))).toContain('193.142.58[.]126');
    expect(en(system('sliver-c2'))).toContain('198.244.174[.]214');
    expect(en(system('sliver-c2'))).toContain('idowall[.]com');
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

  it('publishes the four indicators exactly as the source gives them', () => {
    const indicators = Object.fromEntries((incident.indicators ?? []).map((i) => [i.value, i]));
    expect(Object.keys(indicators).sort()).toEqual([
      '193.142.58.126',
      '198.244.174.214',
      'idowall.com',
      'jvm-agent',
    ]);
    expect(indicators['193.142.58.126']).toMatchObject({
      type: 'ipv4',
      defanged: '193.142.58[.]126',
      owner: 'M247 Europe SRL',
    });
    expect(en(indicators['193.142.58.126']?.location)).toBe('Bucharest, Romania');
    expect(indicators['198.244.174.214']).toMatchObject({
      type: 'ipv4',
      defanged: '198.244.174[.]214',
      owner: 'OVH SAS',
    });
    expect(en(indicators['198.244.174.214']?.location)).toBe('London, England');
    expect(en(indicators['198.244.174.214']?.description)).toMatch(/Sliver/);
    expect(indicators['idowall.com']).toMatchObject({ type: 'domain', defanged: 'idowall[.]com' });
    expect(indicators['jvm-agent']).toMatchObject({
      type: 'file',
      defanged: 'jvm-agent',
      sha256: 'bdd1a085d651082ad567b03e5186d1d46d822bb7794157ab8cce95d850a3caaf',
    });
    for (const ind of incident.indicators ?? []) {
      expect(ind.events?.length ?? 0, ind.id).toBeGreaterThan(0);
      expect(
        ind.events?.every((id) => byId.has(id)),
        ind.id,
      ).toBe(true);
    }
  });

  it("keeps the source's figures in the event descriptions, in both languages", () => {
    const all = incident.events.map((e) => `${en(e.description)}\n${zh(e.description)}`).join('\n');
    for (const figure of [
      '36',
      '2,059,357',
      '202',
      '14,099',
      '194,100',
      '120',
      '11,904',
      '76',
      '5,000',
      '4,893',
    ]) {
      expect(all, figure).toContain(figure);
    }
    const descriptionOf = (id: string) => byId.get(id)?.description;
    expect(en(descriptionOf('jira-tickets-accessed'))).toMatch(/36 .*2,059,357/);
    expect(zh(descriptionOf('jira-tickets-accessed'))).toMatch(/2,059,357.*36/);
    expect(en(descriptionOf('wiki-searches'))).toMatch(/202 of 14,099/);
    expect(en(descriptionOf('repositories-viewed'))).toMatch(/120 of .*11,904/);
    expect(en(descriptionOf('repositories-archived'))).toMatch(/76/);
    expect(en(descriptionOf('production-credentials-rotated'))).toMatch(/more than 5,000/);
    expect(en(descriptionOf('forensic-triage'))).toMatch(/4,893/);
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

  it("writes the Chinese in the project's own words, not the source's", () => {
    expect(sourceWindows.size).toBeGreaterThan(5000);
    // Locators quote the source's headings on purpose; everything else is paraphrase.
    const copied = zhTexts
      .filter((t) => !t.path.includes('.locator.'))
      .flatMap((t) => {
        const run = copiedRun(t.text, sourceWindows);
        return run ? [`${t.path}: ${run}`] : [];
      });
    expect(copied).toEqual([]);
    // The check does see copying: a sentence of the source is caught.
    expect(
      copiedRun('我們的安全團隊在 16:00 收到出現威脅行為者的警示', sourceWindows),
    ).toBeDefined();
  });

  it("uses the source's Chinese terms and the project's spacing", () => {
    // "Secret" is 密碼 in this edition (密碼、用戶端密碼、密碼變換、嵌入式密碼), in titles and descriptions alike.
    const fields = textFields(incident);
    for (const f of fields.filter((x) => /secret/i.test(en(x.text)))) {
      expect(zh(f.text), f.path).toContain('密碼');
      expect(zh(f.text), f.path).not.toMatch(/機密|secret/i);
    }
    expect(zhTexts.filter((t) => /機密/.test(t.text)).map((t) => t.path)).toEqual([]);
    // The threat actor is 他們 or 威脅行為者, as in the source, never the impersonal 它.
    const aboutActor = fields.filter((f) => /threat actor/i.test(en(f.text)));
    expect(aboutActor.length).toBeGreaterThan(50);
    expect(aboutActor.filter((f) => /它(?!們)/.test(zh(f.text))).map((f) => f.path)).toEqual([]);
    // A token does not "open" (打開) a system.
    expect(zhTexts.filter((t) => t.text.includes('打開')).map((t) => t.path)).toEqual([]);
    // A space between Chinese and Latin letters or digits: 「在 11 月 20 日」.
    const cramped = /\p{Script=Han}[A-Za-z0-9]|[A-Za-z0-9]\p{Script=Han}/u;
    expect(zhTexts.filter((t) => cramped.test(t.text)).map((t) => t.path)).toEqual([]);
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

  it('maps techniques no further than the source goes', () => {
    // The names ATT&CK Enterprise gives each technique used.
    expect(Object.fromEntries((incident.techniques ?? []).map((t) => [t.id, t.name]))).toEqual({
      T1021: 'Remote Services',
      T1059: 'Command and Scripting Interpreter',
      T1071: 'Application Layer Protocol',
      'T1074.002': 'Data Staged: Remote Data Staging',
      T1078: 'Valid Accounts',
      'T1078.004': 'Valid Accounts: Cloud Accounts',
      T1098: 'Account Manipulation',
      T1105: 'Ingress Tool Transfer',
      T1133: 'External Remote Services',
      T1136: 'Create Account',
      T1213: 'Data from Information Repositories',
      'T1213.001': 'Data from Information Repositories: Confluence',
      'T1213.003': 'Data from Information Repositories: Code Repositories',
      T1505: 'Server Software Component',
      'T1550.001': 'Use Alternate Authentication Material: Application Access Token',
      T1552: 'Unsecured Credentials',
      T1560: 'Archive Collected Data',
    });
    // 「自託管 Atlassian 伺服器」: Jira, Confluence, Bitbucket and their server are self-hosted, not cloud.
    const selfHosted = ['jira', 'confluence', 'bitbucket', 'atlassian-server'];
    for (const id of selfHosted) {
      const system = incident.systems.find((s) => s.id === id);
      expect([system?.ownership, en(system?.description)], id).toEqual([
        'first-party',
        expect.stringMatching(/self-hosted/),
      ]);
    }
    const cloudOnly = [
      'T1021.007',
      'T1069.003',
      'T1078.004',
      'T1087.004',
      'T1098.001',
      'T1098.003',
      'T1136.003',
      'T1552.005',
    ];
    const onSelfHosted = incident.events.filter((e) =>
      e.systems.some((s) => selfHosted.includes(s)),
    );
    expect(onSelfHosted.length).toBeGreaterThan(10);
    for (const e of onSelfHosted)
      expect(e.techniques?.filter((t) => cloudOnly.includes(t)) ?? [], e.id).toEqual([]);
    // Cloud accounts stay where they are right: Okta, the dashboard and the AWS environment.
    expect(
      incident.events
        .filter((e) => e.techniques?.includes('T1078.004'))
        .map((e) => e.id)
        .sort(),
    ).toEqual([
      'aws-environment-accessed',
      'dashboard-login-denied',
      'okta-login-denied',
      'probing-begins',
    ]);
    // The source never names Sliver's transport, so no sub-technique of Application Layer Protocol.
    expect(byId.get('sliver-installed')?.techniques).toContain('T1071');
    expect(
      incident.events.flatMap((e) => e.techniques ?? []).filter((t) => t.startsWith('T1071.')),
    ).toEqual([]);
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
