// A minimal valid incident for tests, built fresh on each call so a test can mutate its copy.
import type { IncidentFile } from './incident';

export function minimalIncident(): IncidentFile {
  return {
    schemaVersion: '1.0',
    id: 'example',
    title: 'Example incident',
    summary: 'Two events.',
    timeZone: 'UTC',
    languages: ['en'],
    sources: [
      {
        id: 'report',
        title: 'Postmortem',
        url: 'https://example.com/postmortem',
        publisher: 'Example',
        published: '2024-01-01',
        language: 'en',
      },
    ],
    phases: [{ id: 'access', label: 'Access', order: 0, color: '#aa3333' }],
    systems: [{ id: 'vpn', label: 'VPN', kind: 'network', ownership: 'first-party' }],
    actors: [{ id: 'attacker', label: 'Attacker', kind: 'adversary' }],
    actions: [{ id: 'login', label: 'Login', actorKind: 'adversary' }],
    techniques: [{ id: 'T1078', name: 'Valid Accounts' }],
    events: [
      {
        id: 'first-login',
        start: '2024-01-01T10:00:00Z',
        precision: 'minute',
        title: 'First login',
        description: 'The attacker logs in.',
        phase: 'access',
        actor: 'attacker',
        action: 'login',
        systems: ['vpn'],
        outcome: 'succeeded',
        techniques: ['T1078'],
        citations: [{ source: 'report', locator: 'Timeline' }],
      },
      {
        id: 'second-login',
        start: '2024-01-02T00:00:00Z',
        precision: 'day',
        title: 'Second login',
        description: 'The attacker logs in again.',
        phase: 'access',
        actor: 'attacker',
        action: 'login',
        systems: ['vpn'],
        outcome: 'failed',
        citations: [{ source: 'report', locator: 'Timeline' }],
        related: [{ event: 'first-login', kind: 'led-to' }],
      },
    ],
  };
}
