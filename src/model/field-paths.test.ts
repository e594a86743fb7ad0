import { describe, expect, it } from 'vitest';
import { newIncident } from './draft';
import { fieldForPath, fieldId } from './field-paths';
import type { EventFile, IncidentFile } from './incident';

const event = (id: string, more: Partial<EventFile> = {}): EventFile => ({
  id,
  start: '2024-03-05T09:00:00Z',
  precision: 'minute',
  title: { en: 'Alert', 'zh-Hant': '' },
  description: { en: 'Seen.' },
  phase: 'incident',
  actor: 'responder',
  action: 'observe',
  systems: ['system'],
  outcome: 'unknown',
  citations: [
    { source: 'notes', locator: { en: 'Log' } },
    { source: 'notes', locator: { en: 'Shift', 'zh-Hant': '' } },
  ],
  ...more,
});

const file: IncidentFile = {
  ...newIncident('x', {
    lang: 'en',
    title: 'T',
    summary: 'S',
    source: 'N',
    phase: 'P',
    system: 'S',
    actor: 'A',
    action: 'O',
  }),
  events: [
    event('alert'),
    event('login', {
      prompts: ['', { en: 'Who?' }],
      related: [
        { event: 'alert', kind: 'led-to' },
        { event: 'alert', kind: 'detected' },
        { event: 'gone', kind: 'led-to' },
      ],
    }),
    // A draft read from the database may hold what is not a link among the links (ownLinks).
    event('junk', {
      related: [null, { event: 'alert', kind: 'led-to' }] as unknown as EventFile['related'],
    }),
  ],
};
const langs = ['en', 'zh-Hant'];

describe('fieldId', () => {
  it.each([
    ['title', {}, 'edit-title'],
    ['title', { lang: 'en', ui: 'en' }, 'edit-title'],
    ['title', { lang: 'zh-Hant', ui: 'en' }, 'edit-title-zh-Hant'],
    ['citation-locator', { index: 0, lang: 'en', ui: 'en' }, 'edit-citation-locator'],
    ['citation-locator', { index: 1, lang: 'ja', ui: 'en' }, 'edit-citation-locator-2-ja'],
  ])('%s %j -> %s', (field, at, id) => {
    expect(fieldId(field, at)).toBe(id);
  });
});

describe('fieldForPath', () => {
  it.each([
    ['title', undefined, 'edit-incident-title'],
    ['summary', undefined, 'edit-summary'],
    ['events[1]', 'login', 'edit-title'],
    // The language left empty is the field to write.
    ['events[0].title', 'alert', 'edit-title-zh-Hant'],
    ['events[0].description', 'alert', 'edit-description'],
    ['events[1].start', 'login', 'edit-start'],
    ['events[1].systems[0]', 'login', 'edit-systems'],
    ['events[1].techniques[0]', 'login', 'edit-techniques'],
    ['events[0].citations[0].source', 'alert', 'edit-citation-source'],
    ['events[0].citations[1].source', 'alert', 'edit-citation-source-2'],
    ['events[0].citations[1].locator', 'alert', 'edit-citation-locator-2-zh-Hant'],
    ['events[1].prompts[0]', 'login', 'edit-prompts'],
    ['events[1].related', 'login', 'edit-link-target'],
    ['events[1].related[2].event', 'login', 'edit-link-2'],
    // The links have a button each; a problem at another item goes to the one that takes such items off.
    ['events[2].related[0]', 'junk', 'edit-link-others'],
    ['events[2].related', 'junk', 'edit-link-others'],
    ['events[2].related[1].event', 'junk', 'edit-link-0'],
    ['events[0].inferred.reason', 'alert', 'edit-inferred'],
    ['events[0].inject.question', 'alert', 'edit-inject'],
    // The lists editor's fields.
    ['phases[1].color', '', 'edit-phases-1-color'],
    ['indicators[0].events[0]', '', 'edit-indicators-0-events'],
    ['indicators[2].citations[0].source', '', 'edit-indicators-2-citation-source'],
    ['languages[1]', '', 'edit-languages'],
  ])('%s -> event %s, field %s', (path, ev, id) => {
    expect(fieldForPath(path, file, langs, 'en')).toEqual(ev ? { event: ev, id } : { id });
  });

  it('names the UI language field when it is the empty one', () => {
    expect(fieldForPath('events[0].title', file, ['zh-Hant', 'en'], 'zh-Hant')).toEqual({
      event: 'alert',
      id: 'edit-title',
    });
  });

  it.each(['events[7].title', 'events[0].extra.x', 'phases', '(file)'])(
    'has no field for %s',
    (path) => {
      expect(fieldForPath(path, file, langs, 'en')).toBeUndefined();
    },
  );
});

describe('fieldForPath where a draft repeats an id', () => {
  it('leads a problem among the links of the second to the link field of the first, which the form shows', () => {
    const twice: IncidentFile = {
      ...file,
      events: [
        event('alert'),
        event('alert', { related: [null] as unknown as EventFile['related'] }),
      ],
    };
    expect(fieldForPath('events[1].related[0]', twice, langs, 'en')).toEqual({
      event: 'alert',
      id: 'edit-link-target',
    });
  });
});
