import { useI18n } from '../i18n/i18n';
import type { IncidentFile, Problem } from '../model/incident';

interface Props {
  file: IncidentFile;
  problems: Problem[];
  /** Selects the event a problem is in, so its form is shown. */
  onSelect: (eventId: string) => void;
}

// A problem's path names a field of the form: "events[2].citations[0].locator" -> event 2, "edit-citation-locator".
function fieldOf(path: string, file: IncidentFile): { event?: string; field: string } | undefined {
  const m = /^events\[(\d+)\]\.([a-zA-Z]+)(?:\[\d+\])?(?:\.([a-zA-Z]+))?/.exec(path);
  if (m) {
    const event = file.events[Number(m[1])]?.id;
    const [, , key, sub] = m;
    const field =
      key === 'citations'
        ? `citation-${sub ?? 'locator'}`
        : key === 'presentText'
          ? 'description'
          : key!;
    return { event, field };
  }
  const list =
    /^(phases|systems|actors|actions|techniques|sources|indicators)\[(\d+)\]\.([a-zA-Z]+)(?:\[\d+\])?(?:\.([a-zA-Z]+))?/.exec(
      path,
    );
  if (list) {
    const [, name, i, key, sub] = list;
    return { field: `${name}-${i}-${key === 'citations' ? `citation-${sub ?? 'locator'}` : key}` };
  }
  if (path.startsWith('languages')) return { field: 'languages' };
  if (path === 'title') return { field: 'incident-title' };
  if (path === 'summary') return { field: 'summary' };
  return undefined;
}

/** The schema's problems with the draft, each a link to its field. */
export function DraftProblems({ file, problems, onSelect }: Props) {
  const { t } = useI18n();
  const go = (event: string | undefined, field: string) => {
    if (event) onSelect(event);
    // The form for the event renders on the next frame.
    requestAnimationFrame(() => {
      const el = document.getElementById(`edit-${field}`);
      // A field of the folded lists is opened to first.
      for (let d = el?.closest('details'); d; d = d.parentElement?.closest('details'))
        d.open = true;
      el?.focus();
    });
  };
  return (
    <section className="draft-problems" aria-labelledby="draft-problems-heading">
      <h2 id="draft-problems-heading">{t.editor.problemsHeading}</h2>
      <p>{problems.length === 0 ? t.editor.valid : t.editor.problemCount(problems.length)}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => {
            const target = fieldOf(p.path, file);
            return (
              <li key={i}>
                {target ? (
                  <a
                    href={`#edit-${target.field}`}
                    onClick={(e) => {
                      e.preventDefault();
                      go(target.event, target.field);
                    }}
                  >
                    <code>{p.path}</code>
                  </a>
                ) : (
                  <code>{p.path}</code>
                )}{' '}
                {p.message}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
