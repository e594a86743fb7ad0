import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { setText } from '../model/draft';
import type { Indicator, LocalizedText } from '../model/incident';
import { addIndicator, removeIndicator, updateIndicator } from '../model/taxonomy';
import { localize } from '../model/text';
import type { ListProps } from './term-section';

const TYPES = ['ipv4', 'ipv6', 'domain', 'url', 'file'] as const;

const exact = (text: LocalizedText | undefined, lang: string) =>
  text === undefined ? '' : typeof text === 'string' ? text : (text[lang] ?? '');

/** The incident's indicators: value and defanged form kept in step, type, description, events and citation. */
export function IndicatorEditor({
  doc,
  lang,
  readOnly,
  bad,
  onChange,
  folded,
}: ListProps & {
  /** The lists are folded away: each indicator's list of every event is left out until they are opened. */
  folded: boolean;
}) {
  const { t } = useI18n();
  const tx = t.taxonomy;
  const [value, setValue] = useState('');
  const { file } = doc;
  const indicators = file.indicators ?? [];

  const add = (e: FormEvent) => {
    e.preventDefault();
    onChange(addIndicator(doc, value.trim(), lang).doc);
    setValue('');
  };

  const fieldset = (ind: Indicator, i: number) => {
    const id = (key: string) => `edit-indicators-${i}-${key}`;
    const common = (key: string, path = key) => ({
      id: id(key),
      disabled: readOnly,
      'aria-invalid': bad(`indicators[${i}].${path}`) || undefined,
    });
    const set = (key: string, fn: (x: Indicator) => Indicator) =>
      onChange(updateIndicator(doc, ind.id, fn), `indicators:${ind.id}:${key}`);
    const citation = ind.citations[0] ?? { source: '', locator: '' };
    const setCitation = (c: typeof citation) =>
      set('citation', (x) => ({ ...x, citations: [c, ...x.citations.slice(1)] }));
    return (
      <fieldset key={ind.id} className="indicator">
        <legend>
          <code>{ind.id}</code>
        </legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor={id('value')}>{tx.value}</label>
            <input
              type="text"
              {...common('value')}
              value={ind.value}
              onChange={(e) =>
                onChange(
                  updateIndicator(doc, ind.id, { value: e.target.value }),
                  `indicators:${ind.id}:value`,
                )
              }
            />
          </div>
          <div className="field">
            <label htmlFor={id('defanged')}>{tx.defanged}</label>
            <input
              type="text"
              {...common('defanged')}
              aria-describedby="indicator-defanged-hint"
              value={ind.defanged}
              onChange={(e) =>
                onChange(
                  updateIndicator(doc, ind.id, { defanged: e.target.value }),
                  `indicators:${ind.id}:value`,
                )
              }
            />
          </div>
          <div className="field">
            <label htmlFor={id('type')}>{tx.type}</label>
            <select
              {...common('type')}
              value={ind.type}
              onChange={(e) =>
                set('type', (x) => ({ ...x, type: e.target.value as Indicator['type'] }))
              }
            >
              {TYPES.map((type) => (
                <option key={type} value={type}>
                  {t.indicatorTypes[type] ?? type}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={id('description')}>{tx.indicatorDescription}</label>
          <input
            type="text"
            {...common('description')}
            value={exact(ind.description, lang)}
            placeholder={localize(ind.description, lang)}
            onChange={(e) =>
              set('description', (x) => ({
                ...x,
                description: setText(x.description, lang, e.target.value),
              }))
            }
          />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={id('events')}>{tx.events}</label>
            {/* Its options only while unfolded: at 100,000 events, made for every indicator on Edit, they froze
                the page for seconds. */}
            <select
              multiple
              size={Math.min(4, Math.max(2, file.events.length))}
              {...common('events')}
              value={ind.events ?? []}
              onChange={(e) => {
                const chosen = [...e.target.selectedOptions].map((o) => o.value);
                set('events', ({ events: _old, ...x }) =>
                  chosen.length > 0 ? { ...x, events: chosen } : x,
                );
              }}
            >
              {!folded &&
                file.events.map((ev) => (
                  <option key={ev.id} value={ev.id}>
                    {localize(ev.title, lang)}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('citation-source')}>{tx.citedIn}</label>
            <select
              {...common('citation-source', 'citations')}
              value={citation.source}
              onChange={(e) => setCitation({ ...citation, source: e.target.value })}
            >
              {file.sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {localize(s.title, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('citation-locator')}>{tx.whereInIt}</label>
            <input
              type="text"
              {...common('citation-locator', 'citations')}
              value={exact(citation.locator, lang)}
              onChange={(e) =>
                setCitation({
                  ...citation,
                  locator: setText(citation.locator, lang, e.target.value),
                })
              }
            />
          </div>
        </div>
        <button
          type="button"
          className="danger"
          disabled={readOnly}
          onClick={() => onChange(removeIndicator(doc, ind.id))}
        >
          {tx.removeIndicator(ind.defanged)}
        </button>
      </fieldset>
    );
  };

  return (
    <section className="term-list">
      <h3>{tx.indicators}</h3>
      <p className="field-hint" id="indicator-defanged-hint">
        {tx.defangedHint}
      </p>
      {indicators.map(fieldset)}
      <form className="field-row" onSubmit={add}>
        <div className="field">
          <label htmlFor="new-indicator">{tx.newIndicator}</label>
          <input
            id="new-indicator"
            type="text"
            value={value}
            disabled={readOnly}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <button type="submit" disabled={readOnly || value.trim() === ''}>
          {tx.addIndicator}
        </button>
      </form>
    </section>
  );
}
