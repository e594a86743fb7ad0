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
