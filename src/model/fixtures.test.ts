// The test fixtures in data/fixtures are what the browser tests load; check here that each is what it claims to be.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeIncidentFile } from './incident-file';
import { parseIncident } from './incident';

const read = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../data/fixtures/${name}`, import.meta.url)));

describe('fixtures', () => {
  it('hostile.json is a valid incident, its payloads carried in text', () => {
    const r = decodeIncidentFile(read('hostile.json'), 'hostile.json', parseIncident);
    expect(r.ok).toBe(true);
  });

  it('bad/bom.json loads', () => {
    expect(decodeIncidentFile(read('bad/bom.json'), 'bom.json', parseIncident).ok).toBe(true);
  });

  // The code the UI translates the message by; zod's own message has none, but zod's issue for its locales.
  it.each([
    ['truncated.json', '(file)', /not valid JSON: .*line 22 column 7/, 'not-json'],
    ['wrong-types.json', 'events[0].systems', /expected array, received string/, undefined],
    ['missing-fields.json', 'summary', /required/, 'text-required'],
    ['unknown-reference.json', 'events[0].phase', /unknown phases id "exfiltration"/, 'unknown-id'],
    ['duplicate-ids.json', 'events[1].id', /duplicate id "first-login" in events/, 'duplicate-id'],
    ['year-0.json', 'events[0].start', /between years 0001 and 9999/, 'calendar-time'],
    ['year-10000.json', 'events[0].start', /expected an ISO 8601 UTC time/, 'utc-time'],
    ['date-nan.json', 'events[0].start', /expected an ISO 8601 UTC time/, 'utc-time'],
    ['end-before-start.json', 'events[0].end', /is before start/, 'end-before-start'],
    ['empty.json', '(file)', /the file is empty/, 'file-empty'],
    ['not-utf8.json', '(file)', /not valid UTF-8/, 'not-utf8'],
    ['deeply-nested.json', 'line 1 column 75', /nested deeper than 64 levels/, 'too-deep'],
  ])('bad/%s is refused at %s', (name, path, message, code) => {
    const r = decodeIncidentFile(read(`bad/${name}`), name, parseIncident);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]).toEqual({
        path: `${name}: ${path}`,
        message: expect.stringMatching(message),
        ...(code ? { code, params: expect.any(Object) } : { zodIssue: expect.any(Object) }),
      });
  });
});
