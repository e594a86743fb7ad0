// The bundled incident's causal chain: every step the issue names is linked, and each link is stated by a passage
// that one of its two events cites.
import { describe, expect, it } from 'vitest';
import { en, loadBundled } from './bundled.test-helper';
import { tracePath } from './causal-links';
import type { RelationKind } from './incident';

const incident = loadBundled();
const byId = new Map(incident.events.map((e) => [e.id, e]));

/** from, kind, to, and the heading of the passage (as the events cite it) that says so. */
const CHAIN: [string, RelationKind, string, string][] = [
  // "They used one access token and three service accounts taken in the Okta compromise" (Moveworks, Smartsheet).
  ['okta-compromise', 'enabled', 'moveworks-token-access', 'November 15 16:28:38'],
  ['okta-compromise', 'enabled', 'smartsheet-suite-access', 'October 18 - Okta compromise'],
  // Moveworks first, "then" the Smartsheet account, the same day.
  ['moveworks-token-access', 'led-to', 'smartsheet-suite-access', 'November 15 16:28:38'],
  // Jira and Confluence reached: the wiki searched and tickets read.
  ['moveworks-token-access', 'led-to', 'wiki-searches', 'November 15 16:28:38'],
  ['moveworks-token-access', 'led-to', 'jira-tickets-accessed', 'November 15 16:28:38'],
  // Bitbucket: the stolen credentials got the actor into the Atlassian server and a small amount of source code.
  ['okta-compromise', 'enabled', 'bitbucket-access', 'Introduction'],
  // Sliver installed because the Smartsheet account had admin access to Jira, with ScriptRunner.
  ['smartsheet-suite-access', 'enabled', 'sliver-installed', 'November 22 14:18:22'],
  // The actor put that same Smartsheet account into an admin group.
  ['smartsheet-suite-access', 'enabled', 'admin-group-change', '› 15:58'],
  // The alert at 16:00 was about the change at 15:58.
  ['automated-alert', 'detected', 'admin-group-change', '› 16:00'],
  ['soc-investigation', 'responded-to', 'automated-alert', '› 16:12'],
  // The SOC that took up the alert deactivated the account at 16:35.
  ['soc-investigation', 'led-to', 'smartsheet-account-disabled', '› 16:35'],
  // The main actions "after the first alert" (17:23), and Sliver's removal ending the access it gave.
  ['threat-actor-account-disabled', 'responded-to', 'automated-alert', 'November 23 - Discovery'],
  ['sliver-removed', 'responded-to', 'automated-alert', 'Introduction'],
  ['sliver-removed', 'eradicated', 'sliver-installed', 'November 24 - Sliver removed'],
];

describe('the bundled incident’s causal chain', () => {
  it.each(CHAIN)('%s %s %s, as its events’ citations say', (from, kind, to, passage) => {
    const a = byId.get(from)!;
    const b = byId.get(to)!;
    expect(a.related).toContainEqual({ event: to, kind });
    const cited = [...a.citations, ...b.citations].map((c) => en(c.locator));
    expect(
      cited.some((locator) => locator.includes(passage)),
      cited.join(' | '),
    ).toBe(true);
  });

  it('traces Sliver’s installation back to the credentials taken in the Okta compromise', () => {
    const path = tracePath(incident.events, 'sliver-installed').map((s) => s.event.id);
    expect(path.slice(0, path.indexOf('sliver-installed') + 1)).toEqual([
      'okta-compromise',
      'moveworks-token-access',
      'smartsheet-suite-access',
      'sliver-installed',
    ]);
    expect(path).toContain('sliver-removed');
  });

  it('traces the alert back to the admin-group change and on to the response', () => {
    const path = tracePath(incident.events, 'automated-alert').map((s) => s.event.id);
    expect(path).toEqual(
      expect.arrayContaining([
        'okta-compromise',
        'admin-group-change',
        'soc-investigation',
        'smartsheet-account-disabled',
        'sliver-removed',
      ]),
    );
  });
});
