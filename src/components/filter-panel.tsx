import { memo, useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Incident } from '../model/incident';
import { localize } from '../model/text';
import { FACETS, outcomesIn, termsOf, type Facet } from '../model/vocabulary';
import type { FacetFilters } from '../model/filters';

interface Props {
  incident: Incident;
  filters: FacetFilters;
  counts: Record<Facet, ReadonlyMap<string, number>>;
  q: string;
  shown: number;
  total: number;
  onToggle: (facet: Facet, id: string, on: boolean) => void;
  onSearch: (q: string) => void;
  onClear: () => void;
}

export const FilterPanel = memo(function FilterPanel({
  incident,
  filters,
  counts,
  q,
  shown,
  total,
  onToggle,
  onSearch,
  onClear,
}: Props) {
  const { t, lang } = useI18n();
  const outcomes = useMemo(() => new Set(outcomesIn(incident).map((x) => x.id)), [incident]);
  const terms = (facet: Facet) =>
    facet === 'outcome'
      ? termsOf(incident, facet).filter((x) => outcomes.has(x.id) || filters.outcome.includes(x.id))
      : termsOf(incident, facet);
  const options = (facet: Facet) =>
    terms(facet).map((x) => ({
      id: x.id,
      label: facet === 'outcome' ? (t.outcomes[x.id] ?? x.id) : localize(x.label, lang),
    }));
  return (
    <aside className="filters" aria-label={t.filters}>
      <div className="filter-summary">
        <strong role="status">{t.eventsShown(shown, total)}</strong>
        <button type="button" onClick={onClear} disabled={shown === total && q === ''}>
          {t.clearAll}
        </button>
      </div>
      <label className="search">
        <span>{t.search}</span>
        <input
          type="search"
          value={q}
          placeholder={t.searchPlaceholder}
          onChange={(e) => onSearch(e.target.value)}
        />
      </label>
      {FACETS.map((facet) => (
        <fieldset key={facet} className="facet" data-facet={facet}>
          <legend>{t.facets[facet]}</legend>
          {options(facet).map((o) => {
            const count = counts[facet].get(o.id) ?? 0;
            const checked = filters[facet].includes(o.id);
            return (
              <label
                key={o.id}
                className={count === 0 ? 'facet-option facet-empty' : 'facet-option'}
              >
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={(e) => onToggle(facet, o.id, e.target.checked)}
                />
                <span className="facet-label">{o.label}</span>
                <span className="facet-count">{count}</span>
              </label>
            );
          })}
        </fieldset>
      ))}
    </aside>
  );
});
