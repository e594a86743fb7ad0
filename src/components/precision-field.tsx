import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { withPrecision } from '../model/draft';
import { formatTime } from '../model/draft-time';
import type { EventFile } from '../model/incident';
import { PRECISIONS, type Precision } from '../model/time';

interface Props {
  event: EventFile;
  disabled: boolean;
  onUpdate: (change: (e: EventFile) => EventFile) => void;
}

type Times = Pick<EventFile, 'precision' | 'start' | 'end'>;
const timesOf = ({ precision, start, end }: EventFile): Times => ({ precision, start, end });
const same = (a: Times, b: Times) =>
  a.precision === b.precision && a.start === b.start && a.end === b.end;

/** The event's precision; a coarser one that cuts its times says what it cut and offers it back. */
export function PrecisionField({ event, disabled, onUpdate }: Props) {
  const { t } = useI18n();
  // What the last change cut, shown while the event's times are still what that change left.
  const [cut, setCut] = useState<{ before: Times; after: Times }>();
  const shown = cut && same(cut.after, timesOf(event)) ? cut.before : undefined;
  const choose = (precision: Precision) => {
    const next = withPrecision(event, precision);
    const lost = next.start !== event.start || next.end !== event.end;
    setCut(lost ? { before: timesOf(event), after: timesOf(next) } : undefined);
    onUpdate(() => next);
  };
  const restore = (before: Times) => {
    setCut(undefined);
    const { precision, start, end } = before;
    onUpdate(({ end: _cut, ...x }) => ({
      ...x,
      precision,
      start,
      ...(end !== undefined && { end }),
    }));
  };
  const was =
    shown &&
    [shown.start, shown.end]
      .filter((iso) => iso !== undefined)
      .map((iso) => formatTime(iso, shown.precision))
      .join(' – ');
  return (
    <div className="field">
      <label htmlFor="edit-precision">{t.editor.fields.precision}</label>
      <select
        id="edit-precision"
        value={event.precision}
        disabled={disabled}
        aria-describedby={shown ? 'precision-cut' : undefined}
        onChange={(e) => choose(e.target.value as Precision)}
      >
        {PRECISIONS.map((p) => (
          <option key={p} value={p}>
            {t.editor.precisions[p] ?? p}
          </option>
        ))}
      </select>
      {shown && was && (
        <div className="precision-cut">
          <span id="precision-cut" className="field-hint" role="status">
            {t.editor.precisionDropped(was)}
          </span>
          <button type="button" disabled={disabled} onClick={() => restore(shown)}>
            {t.editor.restoreDetail(was, t.importStep.precisions[shown.precision])}
          </button>
        </div>
      )}
    </div>
  );
}
