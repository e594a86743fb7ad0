// The Content Security Policy: built from the origins incidents may be loaded from, written into index.html at build time.
import type { Plugin } from 'vite';

/** Directives a <meta> tag cannot carry (browsers ignore them there and log an error); deployers send them as headers. */
export const HEADER_ONLY = { 'frame-ancestors': "'self'" };

/** The policy for the built app; `connectSources` are the allowlisted origins that `?src=` may fetch from. */
export function contentSecurityPolicy(connectSources: readonly string[]): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    // Only the bundled module scripts: no inline script, no eval.
    ['script-src', ["'self'"]],
    // No 'unsafe-inline': the build emits one CSS file, and vis-timeline, hammer.js and React set styles through
    // CSSOM (element.style, style.cssText), which CSP does not govern. Only the dev server injects <style> tags,
    // which is why the policy is written at build time and not into the dev server's page.
    ['style-src', ["'self'"]],
    // data: for the small images inlined into the CSS; blob: for exported images shown before download.
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['connect-src', ["'self'", ...connectSources]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** The same policy as a response header, for deployers: the header form can add frame-ancestors. */
export function contentSecurityPolicyHeader(
  connectSources: readonly string[],
  frameAncestors = HEADER_ONLY['frame-ancestors'],
): string {
  return `${contentSecurityPolicy(connectSources)}; frame-ancestors ${frameAncestors}`;
}

const PLACEHOLDER = '<!-- content-security-policy -->';

/** Replaces the placeholder in index.html with the policy's meta tag; builds only, so the dev server keeps HMR. */
export function cspMetaTag(connectSources: readonly string[]): Plugin {
  return {
    name: 'csp-meta-tag',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(PLACEHOLDER))
          throw new Error(`index.html lacks ${PLACEHOLDER}, where the CSP meta tag goes`);
        const policy = contentSecurityPolicy(connectSources).replaceAll('"', '&quot;');
        return html.replace(
          PLACEHOLDER,
          `<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
        );
      },
    },
  };
}
