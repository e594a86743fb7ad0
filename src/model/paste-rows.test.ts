import { describe, expect, it } from 'vitest';
import { addEvent, newIncident, updateEvent, type DraftDoc } from './draft';
import { draftProblems } from './draft-check';
import type { ImportChoices } from './formats/generic-csv';
import { looksLikeRows, mergeRows, pastedColumns, pastedTable, readPastedRows } from './paste-rows';
import { STARTER_WORDS } from './starter.test-helper';

const words = STARTER_WORDS;

/** A draft with one complete event, "Alert fired", at 2024-03-05 09:00 UTC. */
function draft(): DraftDoc {
  const start = { file: newIncident('untitled', words), added: [] };
  const r = addEvent(start, {
    title: 'Alert fired',
    lang: 'en',
    startMs: Date.UTC(2024, 2, 5, 9),
  });
  return updateEvent(
    r.doc,
    r.id,
    (e) => ({
      ...e,
      description: { en: 'The SIEM alerted.' },
      citations: [{ source: 'notes', locator: 'Shift log' }],
    }),
    'en',
  ).doc;
}

const NAME = 'Rows pasted 2024-03-06 10:00 UTC';

/** Pastes `text` through the mapping step with `choices` (else its guess) and merges the rows into `doc`. */
function paste(doc: DraftDoc, text: string, choices?: Partial<ImportChoices>) {
  const pasted = pastedColumns(text, NAME);
  if (!pasted) throw new Error('nothing to map');
  const mapping = { ...pasted.columns.guess, ...choices } as ImportChoices;
  const rows = readPastedRows(pasted.table, NAME, mapping);
  if (!rows.ok) throw new Error(JSON.stringify(rows.problems));
  return mergeRows(doc, rows.file, 'en');
}

describe('looksLikeRows', () => {
  it.each([
    ['Time\tTitle\n2024-03-05 10:00\tToken revoked', true],
    ['2024-03-05 10:00,Token revoked', true],
    ['2024-03-05 10:00;Token revoked', true],
    ['{"schemaVersion": "1.0"}', false],
    ['[1, 2]', false],
    ['just a word', false],
  ])('%j -> %s', (text, rows) => expect(looksLikeRows(text)).toBe(rows));
});

describe('pastedTable', () => {
  it('keeps a header row as it is', () => {
    const text = 'Time (UTC)\tTitle\n2024-03-05 10:00\tToken revoked';
    expect(pastedTable(text)).toEqual({ text });
  });

  it('names the columns of rows copied without their header, guessing time and title', () => {
    expect(pastedTable('Okta\t2024-03-05 10:00\tToken revoked\n')).toEqual({
      text: 'column 1\tcolumn 2\tcolumn 3\nOkta\t2024-03-05 10:00\tToken revoked',
      guess: { time: 'column 2', title: 'column 1' },
    });
    expect(pastedTable('3/5/2024,Token revoked').guess).toEqual({
      time: 'column 1',
      title: 'column 2',
    });
  });
});

describe('mergeRows', () => {
  const ROWS = [
    'Time (UTC)\tTitle\tHost\tUser',
    '2024-03-05 10:00\tToken revoked\tOkta\tSOC analyst',
    '2024-03-05 08:30\tAlert fired\tsystem\tThreat actor',
    '2024-03-05 11:00\t<img src=x onerror=alert(1)>\tOkta, Jira\tSOC analyst',
  ].join('\n');

  it('adds each row as an event with an id from its title, never its row number, in time order', () => {
    const before = draft();
    const { doc, ids } = paste(before, ROWS);
    expect(ids).toEqual(['alert-fired-2', 'token-revoked', 'img-src-x-onerror-alert-1']);
    expect(doc.file.events.map((e) => e.id)).toEqual(['alert-fired', ...ids]);
    expect(doc.added).toEqual([...before.added, ...ids]);
  });

  it('tells apart rows that share a title, from the draft and from each other', () => {
    const rows = 'Time (UTC)\tTitle\n2024-03-05 10:00\tAlert fired\n2024-03-05 11:00\tAlert fired';
    expect(paste(draft(), rows).ids).toEqual(['alert-fired-2', 'alert-fired-3']);
  });

  it('gives rows titled in another script ids from their times', () => {
    const rows = 'Time (UTC)\tTitle\n2024-03-05 10:00\t撤銷權杖\n2024-03-05 11:00\t封鎖帳戶';
    expect(paste(draft(), rows).ids).toEqual(['event-2024-03-05t1000', 'event-2024-03-05t1100']);
  });

  it('leaves the existing events exactly as they were', () => {
    const before = draft();
    const { doc } = paste(before, ROWS);
    expect(doc.file.events[0]).toBe(before.file.events[0]);
    expect(before.file.events).toHaveLength(1);
  });

  it('adds the systems and actors the rows name, reusing the draft’s own by label in any case', () => {
    const { doc } = paste(draft(), ROWS);
    const { file } = doc;
    expect(file.systems.map((s) => [s.id, s.label])).toEqual([
      ['system', { en: 'System' }],
      ['okta', { en: 'Okta' }],
      ['jira', { en: 'Jira' }],
    ]);
    expect(file.actors.map((a) => [a.id, a.label, a.kind])).toEqual([
      ['responder', { en: 'Responder' }, 'defender'],
      ['threat-actor', { en: 'Threat actor' }, 'adversary'],
      ['soc-analyst', { en: 'SOC analyst' }, 'defender'],
    ]);
    const byId = new Map(file.events.map((e) => [e.id, e]));
    expect(byId.get('alert-fired-2')?.systems).toEqual(['system']);
    expect(byId.get('img-src-x-onerror-alert-1')?.systems).toEqual(['okta', 'jira']);
  });

  it('cites a source named for the paste, with each row’s place in it', () => {
    const { doc } = paste(draft(), ROWS);
    expect(doc.file.sources.map((s) => [s.id, s.title])).toEqual([
      ['notes', { en: 'Responder notes' }],
      ['rows-pasted-2024-03-06-10-00-utc', { en: NAME }],
    ]);
    expect(doc.file.events[1]?.citations).toEqual([
      { source: 'rows-pasted-2024-03-06-10-00-utc', locator: 'row 3' },
    ]);
  });

  it('gives columns left unmapped the draft’s first phase and action, not placeholders', () => {
    const { doc } = paste(draft(), ROWS);
    expect(doc.file.phases.map((p) => p.id)).toEqual(['incident']);
    expect(new Set(doc.file.events.map((e) => e.phase))).toEqual(new Set(['incident']));
    const actor = paste(draft(), 'Time (UTC)\tTitle\n2024-03-05 10:00\tToken revoked');
    expect(actor.doc.file.actors.map((a) => a.id)).toEqual(['responder']);
    expect(actor.doc.file.events[1]?.actor).toBe('responder');
    expect(actor.doc.file.events[1]?.systems).toEqual(['system']);
  });

  it('leaves a valid draft valid', () => {
    expect(draftProblems(paste(draft(), ROWS).doc.file)).toEqual([]);
  });

  it('keeps hostile text as the text it is', () => {
    const { doc } = paste(draft(), ROWS);
    expect(doc.file.events[3]?.title).toEqual({ en: '<img src=x onerror=alert(1)>' });
  });

  it('adds ATT&CK techniques the rows name once, and phases after the draft’s', () => {
    const text = [
      'Time (UTC)\tTitle\tPhase\tTechnique',
      '2024-03-05 10:00\tLogin\tInitial access\tT1078',
      '2024-03-05 11:00\tLogin again\tincident\tT1078',
    ].join('\n');
    const { doc } = paste(draft(), text);
    expect(doc.file.techniques).toEqual([{ id: 'T1078', name: 'Valid Accounts' }]);
    expect(doc.file.phases.map((p) => [p.id, p.order])).toEqual([
      ['incident', 0],
      ['initial-access', 1],
    ]);
    expect(doc.file.events.map((e) => e.phase)).toEqual(['incident', 'initial-access', 'incident']);
  });

  it('reads rows pasted without a header by the guessed columns', () => {
    const { doc, ids } = paste(
      draft(),
      '2024-03-05 10:00\tToken revoked\n2024-03-05 11:00\tDone\n',
      {
        zone: 'UTC',
      },
    );
    expect(ids).toEqual(['token-revoked', 'done']);
    expect(doc.file.events[1]?.start).toBe('2024-03-05T10:00:00Z');
  });
});
