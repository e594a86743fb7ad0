import { describe, expect, it } from 'vitest';
import { cpuMsSince } from '../cpu-time.test-helper';
import { phaseBands } from '../chart-model';
import { parseIncident } from '../incident';
import { localize } from '../text';
import { readIsoTime } from './foreign-time';
import { type Columns, recordsToIncident, type SourceRecord } from './imported-events';

const columns: Columns = {
  start: [{ column: 'time', read: (t) => readIsoTime(t) ?? 'expected a time' }],
  title: 'title',
  id: 'id',
  phase: 'phase',
  actor: 'actor',
  action: 'action',
  system: 'system',
  technique: 'technique',
  outcome: 'outcome',
};
const options = { fileName: 'log.csv', formatLabel: 'CSV', cellWord: 'column' };
const records = (...rows: Record<string, string>[]): SourceRecord[] =>
  rows.map((values, i) => ({ where: `row ${i + 2}`, values }));

function imported(...rows: Record<string, string>[]) {
  const result = recordsToIncident(records(...rows), columns, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const parsed = parseIncident(result.file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.incident;
}

describe('recordsToIncident', () => {
  it('builds taxonomies from the values found: slug ids, the original text as labels', () => {
    const incident = imported(
      {
        time: '2024-01-01T10:00Z',
        title: 'a',
        phase: 'Initial access',
        system: 'Atlassian Jira; VPN',
        actor: 'Intruder',
        action: 'Login',
      },
      {
        time: '2024-01-01T11:00Z',
        title: 'b',
        phase: 'Detection',
        system: 'VPN',
        actor: 'SOC analyst',
        action: 'Alert',
      },
    );
    expect(incident.phases.map((p) => [p.id, p.label, p.order])).toEqual([
      ['initial-access', 'Initial access', 0],
      ['detection', 'Detection', 1],
    ]);
    expect(incident.systems.map((s) => [s.id, s.label])).toEqual([
      ['atlassian-jira', 'Atlassian Jira'],
      ['vpn', 'VPN'],
    ]);
    expect(incident.events[0]!.systems).toEqual(['atlassian-jira', 'vpn']);
    expect(incident.actors.map((a) => [a.id, a.kind])).toEqual([
      ['intruder', 'adversary'],
      ['soc-analyst', 'defender'],
    ]);
    expect(incident.actions.map((a) => [a.id, a.actorKind])).toEqual([
      ['login', 'adversary'],
      ['alert', 'defender'],
    ]);
  });

  it('gives distinct values distinct ids even when their slugs clash or are empty', () => {
    const incident = imported(
      { time: '2024-01-01T10:00Z', title: 'a', system: 'C++' },
      { time: '2024-01-01T11:00Z', title: 'b', system: 'C' },
      { time: '2024-01-01T12:00Z', title: 'c', system: '檔案伺服器' },
      { time: '2024-01-01T13:00Z', title: 'd', system: '網路' },
    );
    expect(incident.systems.map((s) => [s.id, s.label])).toEqual([
      ['c', 'C++'],
      ['c-2', 'C'],
      ['system', '檔案伺服器'],
      ['system-2', '網路'],
    ]);
  });

  it('files a record whose system cell holds only separators under the unknown system', () => {
    expect(
      imported({ time: '2024-01-01T10:00Z', title: 'x', system: ' ; ' }).events[0]!.systems,
    ).toEqual(['unknown']);
  });

  it('fills what a record lacks without an "Unknown" phase band or a description repeating the title', () => {
    const incident = imported({ time: '2024-01-01T10:00Z', title: 'Only a title' });
    const [e] = incident.events;
    expect(e).toMatchObject({
      phase: 'no-phase',
      actor: 'unknown',
      action: 'adversary-activity',
      systems: ['unknown'],
      outcome: 'unknown',
      citations: [{ source: 'log-csv', locator: 'row 2' }],
    });
    expect(e!.description).toBeUndefined();
    expect(incident.phases).toEqual([
      expect.objectContaining({ label: { en: 'No phase', 'zh-Hant': '無階段' }, band: false }),
    ]);
    expect(phaseBands(incident, incident.events, 'en')).toEqual([]);
  });

  it('splits list cells on commas, semicolons and line breaks, dropping repeats', () => {
    const incident = imported({
      time: '2024-01-01T10:00Z',
      title: 'Lateral movement',
      system: 'WS-FIN-022, WS-FIN-031;WS-HR-004\nWS-FIN-022',
      technique: 'T1560.001 T1560.001; t1021.002 (SMB)',
    });
    expect(incident.events[0]!.systems).toEqual(['ws-fin-022', 'ws-fin-031', 'ws-hr-004']);
    expect(incident.events[0]!.techniques).toEqual(['T1560.001', 'T1021.002']);
    expect(incident.techniques?.map((t) => t.name)).toEqual([
      'Remote Services: SMB/Windows Admin Shares',
      'Archive Collected Data: Archive via Utility',
    ]);
  });

  it('takes the sides and terms the user chose, and guesses the rest from the names', () => {
    const result = recordsToIncident(
      records(
        {
          time: '2024-01-01T10:00Z',
          title: 'a',
          actor: 'Legal',
          phase: 'contain',
          outcome: 'done',
        },
        { time: '2024-01-01T11:00Z', title: 'b', actor: 'Forensics vendor' },
        { time: '2024-01-01T12:00Z', title: 'c', actor: 'Blue Kitten', action: 'sent mail' },
        { time: '2024-01-01T13:00Z', title: 'd', actor: 'IT Helpdesk' },
      ),
      {
        ...columns,
        actorKinds: { 'Forensics vendor': 'defender' },
        phaseTerms: { contain: 'Containment' },
        actionTerms: { 'sent mail': 'Phishing' },
        outcomeTerms: { done: 'succeeded' },
      },
      options,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { actors, phases, actions, events } = result.file;
    expect(actors.map((a) => [a.label, a.kind])).toEqual([
      ['Legal', 'defender'],
      ['Forensics vendor', 'defender'],
      ['Blue Kitten', 'adversary'],
      ['IT Helpdesk', 'defender'],
    ]);
    expect(phases.map((p) => localize(p.label, 'en'))).toEqual(['Containment', 'No phase']);
    expect(actions.map((a) => localize(a.label, 'zh-Hant'))).toEqual(['應變活動', 'Phishing']);
    expect(events[0]!.outcome).toBe('succeeded');
  });

  it('groups records sharing a start and systems into one event when asked', () => {
    const rows = records(
      { time: '2024-01-01T10:00Z', title: 'Prefetch entry', system: 'WS1', type: 'prefetch' },
      { time: '2024-01-01T10:00Z', title: 'Registry key', system: 'WS1', type: 'registry' },
      { time: '2024-01-01T10:00Z', title: 'Other host', system: 'WS2' },
    );
    const result = recordsToIncident(rows, { ...columns, groupSameTime: true }, options);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.events.map((e) => [e.title, e.description, e.extra?.type])).toEqual([
      ['Prefetch entry (+1)', 'Prefetch entry\nRegistry key', 'prefetch; registry'],
      ['Other host', undefined, undefined],
    ]);
  });

  it('sorts events by time and keeps ids from the id column unique', () => {
    const incident = imported(
      { time: '2024-01-02T00:00Z', title: 'later', id: 'Step 1' },
      { time: '2024-01-01T00:00Z', title: 'earlier', id: 'step-1' },
      { time: '2024-01-03T00:00Z', title: 'no id' },
    );
    expect(incident.events.map((e) => [e.id, e.title])).toEqual([
      ['step-1', 'earlier'],
      ['step-1-2', 'later'],
      ['row-4', 'no id'],
    ]);
  });

  it('keeps ids unique when a later id is what a suffix would have made', () => {
    const incident = imported(
      { time: '2024-01-01T00:00Z', title: 'a', id: 'x' },
      { time: '2024-01-02T00:00Z', title: 'b', id: 'x' },
      { time: '2024-01-03T00:00Z', title: 'c', id: 'x-2' },
      { time: '2024-01-04T00:00Z', title: 'd', id: 'x' },
      { time: '2024-01-05T00:00Z', title: 'e', id: 'x-2' },
    );
    expect(incident.events.map((e) => e.id)).toEqual(['x', 'x-2', 'x-2-2', 'x-3', 'x-2-3']);
  });

  it('gives 20,000 records sharing one id distinct ids in linear time', () => {
    const rows = Array.from({ length: 20_000 }, () => ({
      time: '2024-01-01T00:00Z',
      title: 'same',
      id: 'same',
    }));
    const started = process.cpuUsage();
    const result = recordsToIncident(records(...rows), columns, options);
    // Trying "same-2", "same-3"… afresh for each record took tens of seconds here.
    expect(cpuMsSince(started)).toBeLessThan(2000);
    const ids = result.ok ? result.file.events.map((e) => e.id) : [];
    expect(new Set(ids).size).toBe(20_000);
    expect(ids.at(-1)).toBe('same-20000');
  });

  it.each([
    [
      { time: '2024-01-01T00:00Z', title: 'x', outcome: 'constructor' },
      'log.csv: row 2, column outcome',
      '"constructor" is not an outcome; expected succeeded, failed or unknown',
    ],
    [{ time: 'yesterday', title: 'x' }, 'log.csv: row 2, column time', 'expected a time'],
    [{ title: 'x' }, 'log.csv: row 2, column time', 'required: expected a time'],
    [
      { time: '2024-01-01T00:00Z' },
      'log.csv: row 2, column title',
      'required: expected the text of the event',
    ],
    [
      { time: '2024-01-01T00:00Z', title: 'x', outcome: 'maybe' },
      'log.csv: row 2, column outcome',
      '"maybe" is not an outcome; expected succeeded, failed or unknown',
    ],
    [
      { time: '2024-01-01T00:00Z', title: 'x', technique: 'Valid Accounts' },
      'log.csv: row 2, column technique',
      '"Valid Accounts" has no ATT&CK technique id; expected ids such as T1078 or T1059.001',
    ],
  ])('reports %j', (values, path, message) => {
    expect(recordsToIncident(records(values), columns, options)).toMatchObject({
      ok: false,
      problems: [{ path, message }],
    });
  });

  it('reads outcome words and technique lists loosely', () => {
    const incident = imported({
      time: '2024-01-01T00:00Z',
      title: 'x',
      outcome: 'Denied',
      technique: 't1078, T1059.001',
    });
    expect(incident.events[0]).toMatchObject({
      outcome: 'failed',
      techniques: ['T1078', 'T1059.001'],
    });
    expect(incident.techniques).toEqual([
      { id: 'T1059.001', name: 'Command and Scripting Interpreter: PowerShell' },
      { id: 'T1078', name: 'Valid Accounts' },
    ]);
  });

  it('says a problem repeated in many rows once, counting the rows and naming the first', () => {
    const bad = [
      ...Array.from({ length: 150 }, (_, i) => ({ time: `soon ${i}`, title: 'x' })),
      { time: '2024-01-01T00:00Z' },
    ];
    const result = recordsToIncident(records(...bad), columns, options);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toMatchObject([
      {
        path: 'log.csv: 150 rows, column time',
        message: 'expected a time, e.g. row 2',
      },
      {
        path: 'log.csv: row 152, column title',
        message: 'required: expected the text of the event',
      },
    ]);
  });

  it('refuses a file with no records', () => {
    expect(recordsToIncident([], columns, options).ok).toBe(false);
  });
});
