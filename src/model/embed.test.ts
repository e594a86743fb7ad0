import { describe, expect, it } from 'vitest';
import { embedSnippet } from './embed';
import { parseViewState } from './view-state';

describe('embedSnippet', () => {
  it('embeds the current view in embed mode at the chosen size', () => {
    const html = embedSnippet(
      'https://ir.example/timeline/?phase=containment&event=x&mode=present',
      'Incident',
      '640',
      '360',
    );
    const src = /src="([^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&');
    const url = new URL(src);
    expect(url.origin + url.pathname).toBe('https://ir.example/timeline/');
    expect(parseViewState(url.search).state).toMatchObject({
      mode: 'embed',
      event: 'x',
      filters: { phase: ['containment'] },
    });
    expect(html).toContain('width="640" height="360"');
  });

  it('gives the embed its own lanes unless the reader chose some', () => {
    const group = (href: string) => {
      const src = /src="([^"]+)"/.exec(embedSnippet(href, 'I', '640', '360'))![1]!;
      return parseViewState(new URL(src.replaceAll('&amp;', '&')).search).state.group;
    };
    expect(group('https://ir.example/')).toBe('none');
    expect(group('https://ir.example/?group=actor')).toBe('actor');
  });

  it('escapes the title so it cannot break out of the attribute', () => {
    expect(embedSnippet('https://a.example/', '"><script>x</script>', '1', '1')).toContain(
      'title="&quot;>&lt;script>x&lt;/script>"',
    );
  });
});
