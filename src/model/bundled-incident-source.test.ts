// The bundled incident against its source: figures, indicators and techniques as the source gives them, Chinese
// in the source's terms but the project's own words, indicators defanged in prose.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en, loadBundled, zh } from './bundled.test-helper';
import { textFields, textVersions } from './text-fields';
import { copiedRun } from './verbatim';

const incident = loadBundled();
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

describe('the bundled incident against its source', () => {
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
});
