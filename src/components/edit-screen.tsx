import { useMemo, useState } from 'react';
import { useEditor } from '../hooks/use-editor';
import type { SetView } from '../hooks/use-view-state';
import { useI18n } from '../i18n/i18n';
import { singleHtmlWith } from '../loading/single-html';
import { draftProblems, setText, snapToPrecision } from '../model/draft';
import { snapDrag } from '../model/drag-snap';
import type { Incident } from '../model/incident';
import type { ViewState } from '../model/view-state';
import type { DraftSession, SessionState } from '../store/draft-session';
import { DraftProblems } from './draft-problems';
import { download } from './download';
import { EventForm } from './event-form';
import { IncidentScreen } from './incident-screen';
import { PasteRows } from './paste-rows';
import { TaxonomyEditor } from './taxonomy-editor';

interface Props {
  session: DraftSession | undefined;
  state: SessionState;
  /** What the chart can show of the draft (its valid events). */
  incident: Incident | undefined;
  view: ViewState;
  /** The event named in the URL, also when it is not shown because it has problems. */
  eventId: string | undefined;
  setView: SetView;
}

const exact = (text: unknown, lang: string) =>
  typeof text === 'string' ? text : ((text as Record<string, string> | undefined)?.[lang] ?? '');

/** Edit mode: the draft's tools and problems above the incident screen, whose details become the event form. */
export function EditScreen({ session, state, incident, view, eventId, setView }: Props) {
  const { t, lang } = useI18n();
  const doc = state.doc;
  const ed = useEditor(session, doc, view, setView, lang, t);
  const problems = useMemo(() => (doc ? draftProblems(doc.file) : []), [doc]);
  const [message, setMessage] = useState<string>();
  if (!doc) return null;
  const readOnly = !session?.writable;
  const { file } = doc;

  const exportFile = () => {
    if (problems.length > 0) return setMessage(t.editor.fixFirst(problems.length));
    download(`${file.id}.json`, 'application/json', `${JSON.stringify(file, null, 2)}\n`);
  };
  const exportHtml = async () => {
    if (problems.length > 0) return setMessage(t.editor.fixFirst(problems.length));
    try {
      download(`${file.id}.html`, 'text/html', await singleHtmlWith(file));
    } catch (error) {
      setMessage(t.editor.singleFailed(error instanceof Error ? error.message : String(error)));
    }
  };
  const setIncidentText = (key: 'title' | 'summary', value: string) =>
    ed.change({ ...doc, file: { ...file, [key]: setText(file[key], lang, value) } }, key);

  const form = (
    <EventForm
      doc={doc}
      eventId={eventId}
      lang={lang}
      readOnly={readOnly}
      onUpdate={ed.update}
      onChange={(next) => ed.change(next)}
      onRemove={ed.remove}
    />
  );
  return (
    <>
      <section className="editor" aria-label={t.editor.toolbar}>
        <div className="editor-bar">
          <button type="button" disabled={readOnly} onClick={ed.addAfterLast}>
            {t.editor.addEvent}
          </button>
          <button
            type="button"
            disabled={readOnly || state.history.past.length === 0}
            onClick={() => session?.undo()}
            aria-keyshortcuts="Control+Z"
          >
            {t.editor.undo}
          </button>
          <button
            type="button"
            disabled={readOnly || state.history.future.length === 0}
            onClick={() => session?.redo()}
            aria-keyshortcuts="Control+Shift+Z"
          >
            {t.editor.redo}
          </button>
          <button type="button" onClick={exportFile}>
            {t.editor.saveFile}
          </button>
          <button type="button" onClick={() => void exportHtml()}>
            {t.editor.singleHtml}
          </button>
        </div>
        {message && (
          <p className="status status-error" role="alert">
            {message}{' '}
            <button type="button" onClick={() => setMessage(undefined)}>
              {t.editor.dismiss}
            </button>
          </p>
        )}
        <p className="field-hint">{t.editor.draftOnly}</p>
        <PasteRows
          session={readOnly ? undefined : session}
          lang={lang}
          onAdded={(ids) => setView((s) => ({ ...s, event: ids[0] }), { replace: true })}
        />
        <div className="field-row">
          <div className="field">
            <label htmlFor="edit-incident-title">{t.editor.incidentTitle}</label>
            <input
              id="edit-incident-title"
              type="text"
              value={exact(file.title, lang)}
              disabled={readOnly}
              onChange={(e) => setIncidentText('title', e.target.value)}
            />
          </div>
          <div className="field field-wide">
            <label htmlFor="edit-summary">{t.editor.summary}</label>
            <input
              id="edit-summary"
              type="text"
              value={exact(file.summary, lang)}
              disabled={readOnly}
              onChange={(e) => setIncidentText('summary', e.target.value)}
            />
          </div>
        </div>
        <TaxonomyEditor
          doc={doc}
          lang={lang}
          readOnly={readOnly}
          problems={problems}
          onChange={ed.change}
        />
        <DraftProblems
          file={file}
          problems={problems}
          onSelect={(id) => setView((s) => ({ ...s, event: id }), { replace: true })}
        />
      </section>
      {incident && incident.events.length > 0 ? (
        <IncidentScreen
          incident={incident}
          view={view}
          setView={setView}
          aside={form}
          editing={
            readOnly
              ? undefined
              : {
                  onAdd: (ms, lane) => ed.add(snapToPrecision(ms, 'minute'), lane),
                  onMove: ed.move,
                  snap: (id, start, end) => {
                    const e = file.events.find((x) => x.id === id);
                    return e ? snapDrag(start, end, e.precision) : { start, end };
                  },
                }
          }
        />
      ) : (
        <div className="screen">
          <p className="status">{t.editor.noEvents}</p>
          {form}
        </div>
      )}
    </>
  );
}
