// Which URLs from data or links may be used: only http(s) becomes a link, only allowed origins are fetched.

/** An http(s) URL as a link target, or undefined: a `javascript:` or `data:` URL from data never becomes a link. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export type SourceCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Origins from a comma-separated list (the build-time `VITE_ALLOWED_SOURCES`), normalised to `scheme://host[:port]`.
 * Entries that are not http(s) URLs are dropped: the allowlist can only widen fetching to real web origins.
 */
export function parseAllowlist(text: string | undefined): string[] {
  const origins = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((entry) => {
      try {
        const u = new URL(entry);
        return u.protocol === 'https:' || u.protocol === 'http:' ? [u.origin] : [];
      } catch {
        return [];
      }
    });
  return [...new Set(origins)];
}

/**
 * Whether the app may fetch an incident from `src` (the `src` link parameter): relative and same-origin URLs may,
 * other http(s) origins only when allowlisted, and every other scheme (`javascript:`, `data:`, `blob:`, `file:`…)
 * never. Relative URLs resolve against `pageUrl` (the page's address), and `url` is the address to fetch. The reason
 * names the URL and the rule, so the page can say why nothing loaded.
 */
export function checkSource(
  src: string,
  pageUrl: string,
  allowlist: readonly string[],
): SourceCheck {
  const pageOrigin = new URL(pageUrl).origin;
  let url: URL;
  try {
    // The URL parser, not a regex, decides the scheme: it strips the tabs and spaces that could hide "javascript:".
    url = new URL(src, pageUrl);
  } catch {
    return { ok: false, reason: `Refused to load ${JSON.stringify(src)}: it is not a valid URL.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      ok: false,
      reason: `Refused to load ${JSON.stringify(src)}: only relative, http: and https: URLs may be loaded, not ${url.protocol} URLs.`,
    };
  if (url.origin === pageOrigin || allowlist.includes(url.origin))
    return { ok: true, url: url.href };
  const allowed =
    allowlist.length > 0
      ? `the allowed origins are ${allowlist.join(', ')}`
      : 'no other origin is allowed';
  return {
    ok: false,
    reason: `Refused to load ${JSON.stringify(src)}: ${url.origin} is another origin, and this deployment loads incidents only from its own origin (${allowed}; see VITE_ALLOWED_SOURCES).`,
  };
}
