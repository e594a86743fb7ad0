// A parsed incident for the format tests: two languages, a range event, awkward text and one indicator of each kind.
import { type Incident, parseIncident } from '../incident';
import { minimalIncident } from '../test-incident';

/** Text that breaks naive CSV, Markdown and STIX writers: a formula, quotes, a pipe, a backslash and a line break. */
export const AWKWARD_TITLE = `=HYPERLINK("http://203.0.113.9") | it's C:\\Temp\nsecond line`;

export function sampleIncident(): Incident {
  const file = minimalIncident();
  file.$schema = '../public/schema/incident.schema.json';
  file.title = { en: 'Example incident', 'zh-Hant': '範例事件' };
  file.languages = ['en', 'zh-Hant'];
  file.systems.push({
    id: 'file-server',
    label: { en: 'File server', 'zh-Hant': '檔案伺服器' },
    kind: 'server',
    ownership: 'first-party',
  });
  file.phases.push({
    id: 'exfiltration',
    label: { en: 'Exfiltration', 'zh-Hant': '資料外洩' },
    order: 1,
    color: '#3366cc',
  });
  file.actions.push({ id: 'upload', label: 'Upload', actorKind: 'adversary' });
  file.techniques!.push(
    { id: 'T1048', name: 'Exfiltration Over Alternative Protocol' },
    { id: 'T1078.004', name: 'Cloud Accounts' },
  );
  file.events.push({
    id: 'exfil',
    start: '2024-01-03T12:00:00Z',
    end: '2024-01-03T14:30:00Z',
    precision: 'minute',
    title: { en: AWKWARD_TITLE, 'zh-Hant': '資料外洩' },
    description: { en: 'Files leave, "quoted", with, commas.', 'zh-Hant': '檔案外流。' },
    phase: 'exfiltration',
    actor: 'attacker',
    action: 'upload',
    systems: ['vpn', 'file-server'],
    outcome: 'unknown',
    techniques: ['T1048', 'T1078', 'T1078.004'],
    citations: [{ source: 'report', locator: 'Exfiltration' }],
    inferred: { reason: 'From firewall byte counts.' },
    related: [{ event: 'first-login', kind: 'part-of' }],
  });
  file.indicators = [
    {
      id: 'ip',
      type: 'ipv4',
      value: '203.0.113.45',
      defanged: '203.0.113[.]45',
      description: 'Login source',
      events: ['first-login'],
      citations: [{ source: 'report', locator: 'IOCs' }],
    },
    {
      id: 'domain',
      type: 'domain',
      value: 'drop.example',
      defanged: 'drop[.]example',
      description: { en: 'Exfiltration endpoint', 'zh-Hant': '外洩端點' },
      events: ['exfil', 'second-login'],
      citations: [{ source: 'report', locator: 'IOCs' }],
    },
    {
      id: 'tool',
      type: 'file',
      value: 'tool.exe',
      defanged: 'tool.exe',
      sha256: 'a'.repeat(64),
      description: 'Uploader',
      citations: [{ source: 'report', locator: 'IOCs' }],
    },
    {
      id: 'script',
      type: 'file',
      value: "it's\\run.ps1",
      defanged: "it's\\run.ps1",
      description: 'Launcher script',
      events: ['second-login'],
      citations: [{ source: 'report', locator: 'IOCs' }],
    },
  ];
  const parsed = parseIncident(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.incident;
}
