import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyHeader, cspMetaTag } from './csp';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('contentSecurityPolicy', () => {
  it('allows only the app itself by default', () => {
    const d = directives(contentSecurityPolicy([]));
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.has('frame-ancestors')).toBe(false);
  });

  it('adds the allowlisted origins to connect-src only', () => {
    const d = directives(contentSecurityPolicy(['https://incidents.example.com']));
    expect(d.get('connect-src')).toEqual(["'self'", 'https://incidents.example.com']);
    expect(d.get('default-src')).toEqual(["'self'"]);
  });

  it('never allows inline code or eval', () => {
    expect(contentSecurityPolicy(['https://a.example.com'])).not.toMatch(
      /unsafe-inline|unsafe-eval|\*/,
    );
  });

  it('adds frame-ancestors in the header form', () => {
    expect(contentSecurityPolicyHeader([])).toMatch(/; frame-ancestors 'self'$/);
  });
});

describe('cspMetaTag', () => {
  const transform = (html: string) => {
    const hook = cspMetaTag(['https://a.example.com']).transformIndexHtml as {
      handler: (html: string) => string;
    };
    return hook.handler(html);
  };
  it('replaces the placeholder with the meta tag', () => {
    expect(transform('<head><!-- content-security-policy --></head>')).toBe(
      `<head><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(['https://a.example.com'])}" /></head>`,
    );
  });
  it('fails the build when the placeholder is missing', () => {
    expect(() => transform('<head></head>')).toThrow(/lacks/);
  });
});
