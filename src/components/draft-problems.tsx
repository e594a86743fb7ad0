import { useI18n } from '../i18n/i18n';
import { useProblemMessage } from '../i18n/use-problem-message';
import { textLanguages } from '../model/event-edits';
import { fieldForPath } from '../model/field-paths';
import type { IncidentFile, Problem } from '../model/incident';

interface Props {
  file: IncidentFile;
  problems: Problem[];
  /** Selects the event a problem is in, so its form is shown. */
  onSelect: (eventId: string) => void;
}

/** Focuses the field once its event's form is there: another event's form renders a frame or two after it is selected. */
function focusWhenShown(id: string, event: string | undefined, frames = 30) {
  const el = document.getElementById(id);
  const shown =
    el && (event === undefined || el.closest<HTMLElement>('[data-event]')?.dataset.event === event);
  if (el && shown) {
    // A field of the folded lists editor is unfolded first.
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
      d.open = true;
    el.scrollIntoView({ block: 'center' });
    el.focus();
  } else if (frames > 0) requestAnimationFrame(() => focusWhenShown(id, event, frames - 1));
}

/** The schema's problems with the draft, each a link to its field. */
export function DraftProblems({ file, problems, onSelect }: Props) {
  const { t, lang } = useI18n();
  const langs = textLanguages(file, lang);
  const say = useProblemMessage(problems);
  return (
    <section className="draft-problems" aria-labelledby="draft-problems-heading">
      <h2 id="draft-problems-heading">{t.editor.problemsHeading}</h2>
      <p>{problems.length === 0 ? t.editor.valid : t.editor.problemCount(problems.length)}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => {
            const target = fieldForPath(p.path, file, langs, lang);
            return (
              <li key={i}>
                {target ? (
                  <a
                    href={`#${target.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      if (target.event) onSelect(target.event);
                      requestAnimationFrame(() => focusWhenShown(target.id, target.event));
                    }}
                  >
                    <code>{p.path}</code>
                  </a>
                ) : (
                  <code>{p.path}</code>
                )}{' '}
                {say(p)}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
