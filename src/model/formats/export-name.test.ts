import { describe, expect, it } from 'vitest';
import { exportFileName, isFiltered } from './export-name';

describe('export file names', () => {
  it.each([
    ['every event shown', 40, 40, 'vpn.json'],
    ['some events hidden', 12, 40, 'vpn-filtered.json'],
    ['none shown', 0, 40, 'vpn-filtered.json'],
  ])('%s', (_, shown, total, name) => {
    expect(exportFileName('vpn', 'json', shown, total)).toBe(name);
  });

  it('keeps a two-part extension whole', () => {
    expect(exportFileName('vpn', 'timesketch.csv', 3, 4)).toBe('vpn-filtered.timesketch.csv');
  });

  it('an empty incident is not filtered', () => {
    expect(isFiltered(0, 0)).toBe(false);
  });
});
