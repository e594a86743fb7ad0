import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { DraftDoc, TermList } from '../model/draft';
import type { Problem } from '../model/incident';
import { termUseCounts } from '../model/taxonomy';
import { IndicatorEditor } from './indicator-editor';
import { LanguageEditor } from './language-editor';
import { TermSection } from './term-section';

interface Props {
  doc: DraftDoc;
  lang: string;
  readOnly: boolean;
  problems: Problem[];
  /** The draft session's change: each edit one undo step, saved like any other. */
  onChange: (next: DraftDoc, key?: string) => void;
}

const LISTS: TermList[] = ['phases', 'systems', 'actors', 'actions', 'techniques', 'sources'];

/** Edit mode's lists of the incident, its indicators and languages, folded under one disclosure. */
export function TaxonomyEditor({ doc, lang, readOnly, problems, onChange }: Props) {
  const { t } = useI18n();
  const counts = useMemo(() => termUseCounts(doc.file), [doc.file]);
  // The schema's problems, by path, mark their fields: no second set of rules here.
  const bad = useMemo(() => {
    const paths = problems.map((p) => p.path);
    return (path: string) =>
      paths.some((p) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));
  }, [problems]);
  const props = { doc, lang, readOnly, bad, onChange };
  const [open, setOpen] = useState(false);
  return (
    <details className="taxonomy-editor" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.taxonomy.open}</summary>
      <div className="taxonomy-lists">
        {LISTS.map((list) => (
          <TermSection key={list} list={list} counts={counts[list]} {...props} />
        ))}
        <IndicatorEditor {...props} folded={!open} />
        <LanguageEditor {...props} />
      </div>
    </details>
  );
}
