import { describe, expect, it } from 'vitest';
import {
  clearFilters,
  filterTo,
  search,
  select,
  showWindow,
  spanWindow,
  toggleFacet,
  zoomBy,
} from './view-actions';
import { DEFAULT_VIEW, type ViewState } from './view-state';
import { HOUR, MINUTE } from './time';

const start: ViewState = {
  ...DEFAULT_VIEW,
  filters: { ...DEFAULT_VIEW.filters, phase: ['access'], system: ['jira'] },
  q: 'sliver',
  event: 'e1',
};

describe('view actions', () => {
  it('ticks an option once and unticks it, leaving other facets alone', () => {
    const on = toggleFacet('system', 'bitbucket', true)(start);
    expect(on.filters.system).toEqual(['jira', 'bitbucket']);
    expect(toggleFacet('system', 'bitbucket', true)(on).filters.system).toEqual([
      'jira',
      'bitbucket',
    ]);
    const off = toggleFacet('system', 'jira', false)(on);
    expect(off.filters).toEqual({ ...start.filters, system: ['bitbucket'] });
  });

  it('filters to one chip, dropping the other filters and the search', () => {
    const s = filterTo('actor', 'soc')(start);
    expect(s.filters).toEqual({ ...DEFAULT_VIEW.filters, actor: ['soc'] });
    expect(s.q).toBe('');
    expect(s.event).toBe('e1');
  });

  it('searches, clears everything, and selects', () => {
    expect(search('okta')(start).q).toBe('okta');
    expect(clearFilters(start)).toEqual({ ...start, filters: DEFAULT_VIEW.filters, q: '' });
    expect(select(undefined)(start).event).toBeUndefined();
  });

  it('zooms around the centre of the shown window, and fits again without a window', () => {
    const shown = { from: 0, to: 4 * HOUR };
    expect(zoomBy(shown, 0.5)(start).window).toEqual({ from: HOUR, to: 3 * HOUR });
    expect(zoomBy(undefined, 0.5)(start)).toBe(start);
    expect(showWindow(undefined)({ ...start, window: shown }).window).toBeUndefined();
  });

  it('pads a span by a tenth of its width, at least half an hour', () => {
    expect(spanWindow(0, 10 * HOUR)).toEqual({ from: -HOUR, to: 11 * HOUR });
    expect(spanWindow(0, MINUTE)).toEqual({ from: -30 * MINUTE, to: 31 * MINUTE });
  });
});
