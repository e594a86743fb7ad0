// Full-field benchmark incidents: a synthetic incident's events given what real ones carry (about 1 KB an event).
import type { EventFile, IncidentFile, Indicator } from '../src/model/incident';
import { mulberry32 } from './random';

type Text = { en: string; 'zh-Hant': string };
type Vars = Record<'sys' | 'user' | 'ip' | 'host' | 'n' | 'ref', string>;

const fill = (template: string, vars: Vars) =>
  template.replace(/\{(\w+)\}/g, (_, k: keyof Vars) => vars[k]);
/** Per action: title and first sentence, in English and Traditional Chinese. Of these texts only `execute`'s has an "x". */
const ACTION_TEXT: Record<string, [string, string, string, string]> = {
  login: [
    'Sign-in to {sys} as {user} from {ip}',
    '以 {user} 從 {ip} 登入 {sys}',
    'The account {user} signed in to {sys} from {ip}, an address not seen for this account in the previous 90 days.',
    '帳號 {user} 從 {ip} 登入 {sys},此位址在過去 90 天內未曾出現於該帳號。',
  ],
  scan: [
    'Port scan of {sys} from {ip}',
    '{ip} 對 {sys} 進行連接埠掃描',
    '{n} connection attempts against {sys} came from {ip} within a few minutes, on ports used for management interfaces.',
    '{ip} 在數分鐘內對 {sys} 發出 {n} 次連線嘗試,針對管理介面常用的連接埠。',
  ],
  download: [
    'Bulk download from {sys} by {user}',
    '{user} 從 {sys} 大量下載',
    '{user} downloaded {n} documents from {sys}, far more than the daily volume usual for this account.',
    '{user} 從 {sys} 下載了 {n} 份文件,遠超過該帳號平日的用量。',
  ],
  execute: [
    'Command run on {host} through {sys}',
    '透過 {sys} 在 {host} 上執行指令',
    'A script run through {sys} executed a command on {host} that fetched a binary from {ip} and started it as a service.',
    '透過 {sys} 執行的指令碼在 {host} 上執行命令,從 {ip} 取得執行檔並以服務形式啟動。',
  ],
  exfiltrate: [
    'Data sent from {sys} to {ip}',
    '資料從 {sys} 傳送至 {ip}',
    'About {n} MB left {sys} for {ip} over HTTPS in a single session lasting several minutes.',
    '約 {n} MB 的資料在一次持續數分鐘的 HTTPS 連線中從 {sys} 傳往 {ip}。',
  ],
  alert: [
    'Alert raised for activity on {sys}',
    '{sys} 上的活動觸發警示',
    'The SIEM raised a high-severity alert for {user} on {sys} after a rule matched traffic from {ip}.',
    'SIEM 在規則比對到來自 {ip} 的流量後,針對 {sys} 上的 {user} 發出高嚴重性警示。',
  ],
  investigate: [
    'Analysts review activity on {sys}',
    '分析師檢視 {sys} 上的活動',
    'Security analysts reviewed the logs of {sys} for {user} and traced the sessions back to {ip}.',
    '資安分析師檢視 {sys} 中 {user} 的紀錄,並將連線追溯至 {ip}。',
  ],
  block: [
    'Address {ip} blocked at {sys}',
    '於 {sys} 封鎖位址 {ip}',
    'The team added {ip} to the deny list of {sys} and confirmed that new connections from it were refused.',
    '團隊將 {ip} 加入 {sys} 的封鎖清單,並確認其新連線皆遭拒絕。',
  ],
  'rotate-credentials': [
    'Credentials of {user} rotated',
    '輪換 {user} 的憑證',
    'The password and access tokens of {user} were replaced and every active session on {sys} was revoked.',
    '{user} 的密碼與存取權杖已更換,{sys} 上所有進行中的工作階段均已撤銷。',
  ],
  notify: [
    'Vendor told about {sys}',
    '通知供應商有關 {sys} 的情況',
    'The vendor was told about suspicious use of {sys} by {user} and asked to keep its logs for {ip}.',
    '已通知供應商 {user} 對 {sys} 的可疑使用,並請其保留 {ip} 的相關紀錄。',
  ],
};

const CONTEXT: [string, string][] = [
  [
    'The activity matches the pattern seen earlier in the incident.',
    '此活動與事件稍早觀察到的模式一致。',
  ],
  [
    'Logs from the identity provider confirm the timing to the second.',
    '身分識別提供者的紀錄精確確認了時間。',
  ],
  [
    'No other account showed similar behaviour during the same hour.',
    '同一小時內沒有其他帳號出現類似行為。',
  ],
  [
    'The on-call engineer noted it in the incident channel at the time.',
    '值班工程師當時已在事件頻道中記錄此事。',
  ],
  [
    'Later forensic work found no sign that the step was automated.',
    '後續鑑識工作沒有發現此步驟為自動化執行的跡象。',
  ],
  [
    'The same source address appears in the firewall logs of two other sites.',
    '相同的來源位址也出現在另外兩個據點的防火牆紀錄中。',
  ],
];

const EVIDENCE: [string, string][] = [
  ['Evidence: SIEM event {ref}, kept for 400 days.', '證據:SIEM 事件 {ref},保存 400 天。'],
  ['Evidence: audit log entry {ref} of {sys}.', '證據:{sys} 的稽核紀錄 {ref}。'],
  ['Evidence: packet capture {ref} from the border sensor.', '證據:邊界感測器的封包擷取 {ref}。'],
];

const ZH_LABELS: Record<string, string> = {
  'credential-compromise': '憑證遭竊',
  reconnaissance: '偵察',
  'initial-access': '初始存取',
  persistence: '持續存取',
  'lateral-movement': '橫向移動',
  detection: '偵測',
  containment: '遏制',
  recovery: '復原',
  attacker: '攻擊者',
  'second-attacker': '第二名攻擊者',
  soc: '資安維運中心',
  'it-ops': 'IT 維運',
  vendor: '供應商',
  login: '登入',
  scan: '掃描',
  download: '下載',
  execute: '執行',
  exfiltrate: '資料外洩',
  alert: '警示',
  investigate: '調查',
  block: '封鎖',
  'rotate-credentials': '輪換憑證',
  notify: '通知',
};

const MORE_TECHNIQUES = [
  ['T1110', 'Brute Force'],
  ['T1021', 'Remote Services'],
  ['T1105', 'Ingress Tool Transfer'],
  ['T1071', 'Application Layer Protocol'],
  ['T1087', 'Account Discovery'],
  ['T1552', 'Unsecured Credentials'],
  ['T1098', 'Account Manipulation'],
  ['T1213', 'Data from Information Repositories'],
] as const;

const heading = (name: Text): Text => ({
  en: `Timeline: ${name.en}`,
  'zh-Hant': `時間軸:${name['zh-Hant']}`,
});

const RELATIONS = ['enabled', 'led-to', 'responded-to', 'part-of'] as const;

/** Gives every event of `file` bilingual text, citations, techniques and links; adds indicators. Pure: same input, same output. */
export function withFullFields(file: IncidentFile, seed: number): IncidentFile {
  // Its own random stream, so the synthetic incident underneath stays exactly what it was.
  const random = mulberry32(seed ^ 0x5eed5eed);
  const int = (below: number) => Math.floor(random() * below);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const label = (t: IncidentFile['systems'][number]) =>
    typeof t.label === 'string' ? t.label : '';
  const zhTerm = <T extends { id: string; label: IncidentFile['phases'][number]['label'] }>(
    term: T,
  ): T => ({
    ...term,
    label: {
      en: typeof term.label === 'string' ? term.label : term.label.en!,
      'zh-Hant': ZH_LABELS[term.id] ?? term.id,
    },
  });
  const systems = file.systems.map((s, i) => ({
    ...s,
    label: { en: label(s), 'zh-Hant': `系統 ${i + 1}` },
  }));
  const systemLabel = new Map(systems.map((s) => [s.id, s.label]));
  const techniques = [
    ...(file.techniques ?? []),
    ...MORE_TECHNIQUES.map(([id, name]) => ({ id, name })),
  ];

  // A few addresses recur through the incident, as real infrastructure does; the first become indicators.
  const ips = Array.from({ length: 12 + Math.ceil(file.events.length / 200) }, () => {
    return `${pick([198, 203, 192])}.${int(256)}.${int(256)}.${1 + int(254)}`;
  });
  const indicatorEvents = new Map<string, string[]>();

  const events: EventFile[] = file.events.map((e, i) => {
    const ip = pick(ips);
    if (ips.indexOf(ip) < 8) {
      const list = indicatorEvents.get(ip) ?? [];
      if (list.length < 20) indicatorEvents.set(ip, [...list, e.id]);
    }
    const names = e.systems.map((s) => systemLabel.get(s)!);
    const vars = (lang: 'en' | 'zh-Hant'): Vars => ({
      sys: names.map((n) => n[lang]).join(lang === 'en' ? ' and ' : '與'),
      user: `svc-${pick(['deploy', 'build', 'backup', 'report', 'sync'])}-${int(90) + 10}`,
      ip,
      host: `node-${int(400) + 100}.corp.internal`,
      n: String(20 + int(4000)),
      ref: `${e.id.slice(2)}-${int(1e6)}`,
    });
    const en = vars('en');
    const zh = { ...en, sys: vars('zh-Hant').sys };
    const [titleEn, titleZh, firstEn, firstZh] = ACTION_TEXT[e.action]!;
    const [contextEn, contextZh] = pick(CONTEXT);
    const [evidenceEn, evidenceZh] = pick(EVIDENCE);
    const when = e.start.replace('T', ' ').replace('Z', ' UTC');
    const event: EventFile = {
      ...e,
      title: { en: fill(titleEn, en), 'zh-Hant': fill(titleZh, zh) },
      description: {
        en: `${fill(firstEn, en)} ${contextEn} ${fill(evidenceEn, en)}`,
        'zh-Hant': `${fill(firstZh, zh)}${contextZh}${fill(evidenceZh, zh)}`,
      },
      citations: [
        {
          source: 'synthetic-log',
          locator: {
            en: `SIEM export, line ${i + 1}, ${when}`,
            'zh-Hant': `SIEM 匯出,第 ${i + 1} 行,${when}`,
          },
        },
        ...(random() < 0.3 ? [{ source: 'postmortem', locator: heading(pick(names)) }] : []),
      ],
    };
    const kind = file.actions.find((a) => a.id === e.action)!.actorKind;
    if (kind === 'adversary')
      event.techniques = [
        ...new Set([
          ...(e.techniques ?? []),
          pick(techniques).id,
          ...(random() < 0.4 ? [pick(techniques).id] : []),
        ]),
      ];
    if (i > 0 && random() < 0.25)
      event.related = [
        { event: file.events[Math.max(0, i - 1 - int(50))]!.id, kind: pick(RELATIONS) },
      ];
    if (random() < 0.03)
      event.inferred = {
        reason: {
          en: 'Placed on this day because the report says "the next day".',
          'zh-Hant': '依報告所述「隔天」推定為此日。',
        },
      };
    return event;
  });

  const indicators: Indicator[] = [...indicatorEvents].map(([ip, ids]) => ({
    id: `ip-${ip.replaceAll('.', '-')}`,
    type: 'ipv4',
    value: ip,
    defanged: ip.replace(/\.(\d+)$/, '[.]$1'),
    description: {
      en: 'Address used by the attacker throughout the incident.',
      'zh-Hant': '攻擊者在整起事件中使用的位址。',
    },
    events: ids,
    citations: [{ source: 'postmortem', locator: { en: 'Indicators', 'zh-Hant': '入侵指標' } }],
  }));

  return {
    ...file,
    id: file.id.replace(/^synthetic-/, 'full-'),
    title: {
      en: `Synthetic incident with full fields, ${file.events.length.toLocaleString('en')} events`,
      'zh-Hant': `含完整欄位的模擬事件,${file.events.length.toLocaleString('en')} 個事件`,
    },
    summary: {
      en: 'Generated for benchmarks: every event carries text in two languages, citations, techniques and links.',
      'zh-Hant': '為效能測試產生:每個事件都有兩種語言的文字、引用、技術與關聯。',
    },
    languages: ['en', 'zh-Hant'],
    sources: [
      { id: 'synthetic-log', title: { en: 'Synthetic SIEM export', 'zh-Hant': '模擬 SIEM 匯出' } },
      {
        id: 'postmortem',
        title: { en: 'Synthetic postmortem', 'zh-Hant': '模擬事後檢討報告' },
        published: '2024-04-01',
        language: 'zh-Hant',
      },
    ],
    phases: file.phases.map(zhTerm),
    systems,
    actors: file.actors.map(zhTerm),
    actions: file.actions.map(zhTerm),
    techniques,
    events,
    indicators,
  };
}
