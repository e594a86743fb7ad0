// The <iframe> snippet that embeds a view of the app in another page.
import { appUrl, defaultGroup } from './view-state';

const escapeAttr = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * The current view (`href`) as `mode=embed`, in an iframe of the given size. Lanes left at the full view's default
 * become the embed's own default; lanes the reader chose are kept.
 */
export function embedSnippet(href: string, title: string, width: string, height: string): string {
  const src = appUrl(
    href,
    (s) => ({
      ...s,
      mode: 'embed',
      group: s.group === defaultGroup(s.mode) ? defaultGroup('embed') : s.group,
    }),
    { absolute: true },
  );
  return `<iframe src="${escapeAttr(src)}" width="${width}" height="${height}" title="${escapeAttr(title)}" loading="lazy" style="border:0"></iframe>`;
}
