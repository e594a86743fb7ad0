import { useEffect, useEffectEvent, useId, useState } from 'react';
import { holdPending } from '../hooks/pending-edits';
import { useI18n } from '../i18n/i18n';
import { formatTime, readTime, TIME_PATTERN } from '../model/draft-time';
import type { Precision } from '../model/time';

interface Props {
  id: string;
  label: string;
  value: string | undefined;
  precision: Precision;
  /** A time that reads as one and claims no more than its precision; undefined when the field is emptied. */
  onChange: (iso: string | undefined) => void;
  optional?: boolean;
  disabled?: boolean;
}

/**
 * A UTC time typed as text, written back on leaving the field, Enter, or the page going away; a time too exact for
 * its precision is refused.
 */
export function TimeField({ id, label, value, precision, onChange, optional, disabled }: Props) {
  const { t } = useI18n();
  const shown = value === undefined ? '' : formatTime(value, precision);
  // The typed text is kept while it differs from the draft; a new value from the draft (undo, drag) replaces it.
  const [typed, setTyped] = useState({ text: shown, from: shown });
  const text = typed.from === shown ? typed.text : shown;
  const hintId = useId();
  const pattern = TIME_PATTERN[precision];
  const read = text.trim() === '' && optional ? undefined : readTime(text, precision);
  const error =
    read === undefined || read.ok
      ? undefined
      : read.why === 'format'
        ? t.editor.timeFormat(pattern)
        : t.editor.timeTooPrecise(t.editor.precisions[precision] ?? precision);
  // Only a change is written: leaving an empty optional field wrote its emptiness again, an Undo step of nothing.
  const commit = () => {
    if (read === undefined) {
      if (value !== undefined) onChange(undefined);
    } else if (read.ok && read.iso !== value) onChange(read.iso);
  };
  // A time typed but not yet written (no blur, no Enter) is written as the page goes away, so a reload keeps it.
  const commitPending = useEffectEvent(() => text !== shown && commit());
  useEffect(() => holdPending(() => commitPending()), []);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={text}
        placeholder={pattern}
        disabled={disabled}
        aria-invalid={error !== undefined}
        aria-describedby={hintId}
        onChange={(e) => setTyped({ text: e.target.value, from: shown })}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <span id={hintId} className={error ? 'field-hint field-error' : 'field-hint'}>
        {error ?? t.editor.timeHint(pattern)}
      </span>
    </div>
  );
}
