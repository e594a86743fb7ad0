import { useI18n } from '../i18n/i18n';
import type { ImportChoices } from '../model/formats/generic-csv';
import { guessActorKind, guessOutcome, PHASE_TERMS } from '../model/formats/import-guesses';
import { type ColumnsToMap, MAX_DISTINCT, own, timeQuestions } from '../model/formats/mapping-step';
import type { ActorKind } from '../model/incident';

interface Props {
  columns: ColumnsToMap;
  mapping: Partial<ImportChoices>;
  onChange: (mapping: Partial<ImportChoices>) => void;
}

const SIDES: ActorKind[] = ['adversary', 'defender', 'third-party'];
const OUTCOME_IDS = ['succeeded', 'failed', 'unknown'] as const;

/** The zone of times without one, and the order of slashed dates where the data leaves it open. */
export function MappingTimes({ columns, mapping, onChange }: Props) {
  const { t } = useI18n();
  const s = t.importStep;
  const q = timeQuestions(columns, mapping);
  return (
    <fieldset className="mapping-section">
      <legend>{s.times}</legend>
      <label>
        {s.zone}
        <input
          type="text"
          list="import-zones"
          value={mapping.zone ?? q.headerZone ?? ''}
          placeholder="UTC"
          onChange={(e) => onChange({ ...mapping, zone: e.target.value || undefined })}
        />
      </label>
      <datalist id="import-zones">
        {['UTC', '+08:00', '-05:00', ...Intl.supportedValuesOf('timeZone')].map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <p className="muted small">
        {q.headerZone && !mapping.zone ? s.zoneFromHeader(q.headerZone) : s.zoneHelp}
      </p>
      {q.askOrder && (
        <label>
          {s.dateOrder}
          <select
            value={mapping.dateOrder ?? ''}
            required
            onChange={(e) =>
              onChange({
                ...mapping,
                dateOrder: (e.target.value || undefined) as ImportChoices['dateOrder'],
              })
            }
          >
            <option value="">{s.chooseOrder}</option>
            <option value="mdy">{s.mdy}</option>
            <option value="dmy">{s.dmy}</option>
          </select>
        </label>
      )}
    </fieldset>
  );
}

/** Each distinct actor with its side: the guess from the name is shown, and marked, until the user picks one. */
export function MappingSides({ columns, mapping, onChange }: Props) {
  const { t } = useI18n();
  const s = t.importStep;
  const column = mapping.actor;
  if (column === undefined || columns.many.includes(column)) return null;
  const actors = own(columns.distinct, column) ?? [];
  if (actors.length === 0) return null;
  return (
    <fieldset className="mapping-section">
      <legend>{s.whoIsWho}</legend>
      <p className="muted small">{s.whoIsWhoHelp}</p>
      <div className="mapping-grid">
        {actors.map((actor) => {
          const chosen = own(mapping.actorKinds, actor);
          return (
            <label key={actor}>
              <span>
                {actor} {chosen === undefined && <span className="muted">{s.guessed}</span>}
              </span>
              <select
                aria-label={s.sideOf(actor)}
                value={chosen ?? guessActorKind(actor)}
                onChange={(e) =>
                  onChange({
                    ...mapping,
                    actorKinds: { ...mapping.actorKinds, [actor]: e.target.value as ActorKind },
                  })
                }
              >
                {SIDES.map((side) => (
                  <option key={side} value={side}>
                    {s.sides[side]}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

type TermField = 'phase' | 'action' | 'outcome';
const TERM_KEYS = { phase: 'phaseTerms', action: 'actionTerms', outcome: 'outcomeTerms' } as const;

/** The distinct values of a phase, action or outcome column, each with the term it stands for. */
export function MappingTerms({ columns, mapping, onChange, field }: Props & { field: TermField }) {
  const { t } = useI18n();
  const s = t.importStep;
  const column = mapping[field];
  if (column === undefined) return null;
  const name = t.fields[field]!;
  const values = own(columns.distinct, column) ?? [];
  const key = TERM_KEYS[field];
  const terms: Record<string, string> = mapping[key] ?? {};
  const set = (value: string, term: string) =>
    onChange({ ...mapping, [key]: { ...terms, [value]: term } });
  return (
    <fieldset className="mapping-section">
      <legend>{s.termsFor(name)}</legend>
      {columns.many.includes(column) ? (
        <p className="muted small">{s.tooMany(String(MAX_DISTINCT))}</p>
      ) : (
        <div className="mapping-grid">
          {values.map((value) => (
            <label key={value}>
              {value}
              {field === 'outcome' ? (
                <select
                  aria-label={s.termOf(name, value)}
                  value={own(terms, value) ?? guessOutcome(value)}
                  onChange={(e) => set(value, e.target.value)}
                >
                  {OUTCOME_IDS.map((o) => (
                    <option key={o} value={o}>
                      {t.outcomes[o]}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  type="text"
                  aria-label={s.termOf(name, value)}
                  list={field === 'phase' ? 'import-phases' : undefined}
                  value={own(terms, value) ?? value}
                  onChange={(e) => set(value, e.target.value)}
                />
              )}
            </label>
          ))}
          {field === 'phase' && (
            <datalist id="import-phases">
              {PHASE_TERMS.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
          )}
        </div>
      )}
    </fieldset>
  );
}
