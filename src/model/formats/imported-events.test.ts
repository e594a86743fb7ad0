import { describe, expect, it } from 'vitest';
import { cpuMsSince } from '../cpu-time.test-helper';
import { parseIncident } from '../incident';
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

  it('fills what a record lacks: unknown phase, actor, action, system and outcome; the title as description', () => {
    const [e] = imported({ time: '2024-01-01T10:00Z', title: 'Only a title' }).events;
    expect(e).toMatchObject({
      phase: 'unknown',
      actor: 'unknown',
      action: 'unknown',
      systems: ['unknown'],
      outcome: 'unknown',
      description: 'Only a title',
      citations: [{ source: 'log-csv', locator: 'row 2' }],
    });
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
      'expected ATT&CK technique ids such as T1078 or T1059.001, separated by ";"',
    ],
  ])('reports %j', (values, path, message) => {
    expect(recordsToIncident(records(values), columns, options)).toEqual({
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
      { id: 'T1059.001', name: 'T1059.001' },
      { id: 'T1078', name: 'T1078' },
    ]);
  });

  it('lists the first 100 problems, every kind among them, then how many more', () => {
    const bad = [
      ...Array.from({ length: 150 }, () => ({ time: 'soon', title: 'x' })),
      { time: '2024-01-01T00:00Z' },
    ];
    const result = recordsToIncident(records(...bad), columns, options);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(101);
    expect(problems[99]).toEqual({
      path: 'log.csv: row 152, column title',
      message: 'required: expected the text of the event',
    });
    expect(problems[100]).toEqual({
      path: 'log.csv',
      message: 'and 51 more of the same kinds',
      more: 51,
    });
  });

  it('refuses a file with no records', () => {
    expect(recordsToIncident([], columns, options).ok).toBe(false);
  });
});
