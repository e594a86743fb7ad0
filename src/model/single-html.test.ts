import { describe, expect, it } from 'vitest';
import { newIncident } from './draft';
import { withIncident } from './single-html';

const file = newIncident('x', {
  lang: 'en',
  title: 'A </script><script>alert(1)</script> title',
  summary: 'S',
  source: 'N',
  phase: 'P',
  system: 'S',
  actor: 'A',
  action: 'O',
});
const page = `<html><head><meta http-equiv="Content-Security-Policy" content="script-src 'sha256-abc'"></head><body><script type="module">run()</script><script type="application/json" id="bundled-incident">{"old":true}</script></body></html>`;

describe('withIncident', () => {
  it('replaces only the incident block, and hostile text cannot close it', () => {
    const out = withIncident(page, file)!;
    expect(out).toContain(`content="script-src 'sha256-abc'"`);
    expect(out).toContain('<script type="module">run()</script>');
    expect(out).not.toContain('{"old":true}');
    expect(out.match(/<\/script>/g)).toHaveLength(2);
    const block = /id="bundled-incident">([\s\S]*?)<\/script>/.exec(out)![1]!;
    expect(JSON.parse(block)).toEqual(file);
  });

  it('says when the page has no incident block', () => {
    expect(withIncident('<html></html>', file)).toBeUndefined();
  });
});
