// The single-file app as a page to download with a draft inside: fetched from this deployment, once.
import type { IncidentFile } from '../model/incident';
import { withIncident } from '../model/single-html';

/** Written next to the app by `npm run build:single` after `npm run build`. */
export const SINGLE_HTML_URL = 'incident-timeline.html';

let page: Promise<string> | undefined;

async function fetchPage(): Promise<string> {
  const response = await fetch(SINGLE_HTML_URL);
  if (!response.ok) throw new Error(`${SINGLE_HTML_URL}: the server answered ${response.status}`);
  return response.text();
}

/** This draft in the single HTML file, or an error saying why this copy of the app cannot make one. */
export async function singleHtmlWith(file: IncidentFile): Promise<string> {
  // The single file itself has no server to ask: it copies the page it was opened from.
  const own = document.getElementById('bundled-incident') ? ownPage() : undefined;
  page ??= own ? Promise.resolve(own) : fetchPage();
  try {
    const html = withIncident(await page, file);
    if (html === undefined) throw new Error(`${SINGLE_HTML_URL} has no incident block`);
    return html;
  } catch (error) {
    page = undefined;
    throw error;
  }
}

let original: string | undefined;

/** Keeps the page's HTML as it arrived, before the app renders into it; only the single file needs it. */
export function keepOwnPage() {
  if (document.getElementById('bundled-incident'))
    original = `<!doctype html>\n${document.documentElement.outerHTML}`;
}

const ownPage = () => original;
