// The single HTML file carrying another incident: its JSON data block replaced, every script and its CSP hash untouched.
import type { IncidentFile } from './incident';

const BLOCK = /(<script type="application\/json" id="bundled-incident">)[\s\S]*?(<\/script>)/;

/**
 * The single-file app `html` with `file` as its incident, or undefined when `html` has no incident block. The JSON
 * block is data the browser never runs, so the policy's hashes of the scripts still hold; "<" is escaped so that no
 * text in the incident can end the block.
 */
export function withIncident(html: string, file: IncidentFile): string | undefined {
  if (!BLOCK.test(html)) return undefined;
  const json = JSON.stringify(file).replaceAll('<', '\\u003c');
  return html.replace(BLOCK, (_, open: string, close: string) => `${open}${json}${close}`);
}
