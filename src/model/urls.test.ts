import { describe, expect, it } from 'vitest';
import { parseIncident } from './incident';
import { minimalIncident } from './test-incident';
import { checkSource, parseAllowlist, safeHref } from './urls';

const PAGE = 'https://timeline.example.org';
const ALLOW = ['https://incidents.example.com'];

describe('checkSource', () => {
  it.each([
    [
      'data/cloudflare-thanksgiving-2023.json',
      'https://timeline.example.org/data/cloudflare-thanksgiving-2023.json',
    ],
    ['./data/x.json', 'https://timeline.example.org/data/x.json'],
    ['/data/x.json', 'https://timeline.example.org/data/x.json'],
    ['https://timeline.example.org/x.json', 'https://timeline.example.org/x.json'],
    ['https://incidents.example.com/2024/a.json', 'https://incidents.example.com/2024/a.json'],
  ])('loads %s', (src, url) => {
    expect(checkSource(src, PAGE, ALLOW)).toEqual({ ok: true, url });
  });

  it.each([
    ['javascript:window.__pwned=1', /only relative, http: and https: URLs.*not javascript: URLs/],
    [' \tjavascript:alert(1)', /not javascript: URLs/],
    ['JaVaScRiPt:alert(1)', /not javascript: URLs/],
    ['java\nscript:alert(1)', /not javascript: URLs/],
    ['data:application/json,{}', /not data: URLs/],
    ['blob:https://timeline.example.org/1234', /not blob: URLs/],
    ['file:///etc/passwd', /not file: URLs/],
    ['ftp://incidents.example.com/a.json', /not ftp: URLs/],
    [
      'https://evil.example.net/a.json',
      /https:\/\/evil\.example\.net is another origin.*allowed origins are https:\/\/incidents\.example\.com/,
    ],
    ['//evil.example.net/a.json', /https:\/\/evil\.example\.net is another origin/],
    ['http://incidents.example.com/a.json', /http:\/\/incidents\.example\.com is another origin/],
    ['https://incidents.example.com:8443/a.json', /another origin/],
    ['https://timeline.example.org.evil.net/a.json', /another origin/],
    ['https://timeline.example.org@evil.net/a.json', /https:\/\/evil\.net is another origin/],
    ['http://[::1', /not a valid URL/],
  ])('refuses %j', (src, reason) => {
    const r = checkSource(src, PAGE, ALLOW);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(reason);
      expect(r.reason).toContain(JSON.stringify(src));
    }
  });

  it('resolves a relative URL against the page, which may live below the origin', () => {
    expect(checkSource('data/x.json', 'https://team.github.io/timeline/?mode=present', [])).toEqual(
      {
        ok: true,
        url: 'https://team.github.io/timeline/data/x.json',
      },
    );
  });

  it('says that no other origin is allowed when the allowlist is empty', () => {
    const r = checkSource('https://incidents.example.com/a.json', PAGE, []);
    expect(!r.ok && r.reason).toMatch(/no other origin is allowed; see VITE_ALLOWED_SOURCES/);
  });
});

describe('parseAllowlist', () => {
  it('normalises entries to origins and drops what is not an http(s) origin', () => {
    expect(
      parseAllowlist(
        ' https://a.example.com/path/ , http://b.example.com:8080,javascript:alert(1),nonsense,,https://a.example.com',
      ),
    ).toEqual(['https://a.example.com', 'http://b.example.com:8080']);
  });
  it('is empty for no setting', () => {
    expect(parseAllowlist(undefined)).toEqual([]);
    expect(parseAllowlist('')).toEqual([]);
  });
});

describe('safeHref', () => {
  it.each([
    'javascript:window.__pwned=1',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'not a url',
    undefined,
  ])('never links %j', (url) => expect(safeHref(url)).toBeUndefined());
  it('links http(s)', () =>
    expect(safeHref('https://example.com/a b')).toBe('https://example.com/a%20b'));
});

describe('a source url in an incident file', () => {
  it.each(['javascript:window.__pwned=1', 'data:text/html,x', 'ftp://example.com/x'])(
    'rejects %j',
    (url) => {
      const file = minimalIncident();
      file.sources[0]!.url = url;
      const r = parseIncident(file);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.problems).toContainEqual({
          path: 'sources[0].url',
          message: 'expected an http(s) URL',
          code: 'http-url',
          params: {},
        });
    },
  );
});
