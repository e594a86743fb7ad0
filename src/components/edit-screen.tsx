import { useMemo, useState } from 'react';
import { SHOW_AFTER_MS } from '../hooks/use-draft';
import { useDraftBlock } from '../hooks/use-draft-block';
import { useEditor } from '../hooks/use-editor';
import { useSettled } from '../hooks/use-settled';
import type { SetView } from '../hooks/use-view-state';
import { useI18n } from '../i18n/i18n';
import { snapDrag } from '../model/drag-snap';
import { setText, snapToPrecision } from '../model/draft';
import { findEvent } from '../model/event-lookup';
import { checkingInSteps, problemsOf, subscribeSteps } from '../model/draft-check';
import { useCheckingInSteps } from '../hooks/use-checking-in-steps';
import type { Incident } from '../model/incident';
import type { ViewState } from '../model/view-state';
import type { DraftSession, SessionState } from '../store/draft-session';
import { DraftProblems } from './draft-problems';
import { DraftExports } from './draft-exports';
import { EventForm } from './event-form';
import { FixFirst } from './fix-first';
import { focusProblems } from './focus-problems';
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
  // The problems listed follow typing once it pauses; Present checks the draft as it is at the click.
  const checked = useSettled(doc, state.typing === true, SHOW_AFTER_MS);
  // A stored draft opening is listed once its check in steps is done, not checked again at once in one task.
  const stepping = useCheckingInSteps({ checkingInSteps, subscribeSteps }, checked?.file);
  const problems = useMemo(
    () => (checked && !stepping ? problemsOf(checked.file) : []),
    [checked, stepping],
  );
  // Present's refusal: the count of problems at the click, shown until dismissed or the problems are fixed.
  const [presentBlocked, setPresentBlocked] = useState(0);
  const exportBlocked = useDraftBlock(doc?.file, problemsOf, focusProblems);
  if (!doc) return null;
  const readOnly = !session?.writable;
  const { file } = doc;

  const present = () => {
    const count = problemsOf(file).length;
    if (count > 0) setPresentBlocked(count);
    else setView((s) => ({ ...s, mode: 'present', event: undefined }));
  };
  const fixed = checked === doc && !stepping && problems.length === 0;
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
            onClick={ed.undo}
            aria-keyshortcuts="Control+Z"
          >
            {t.editor.undo}
          </button>
          <button
            type="button"
            disabled={readOnly || state.history.future.length === 0}
            onClick={ed.redo}
            aria-keyshortcuts="Control+Shift+Z"
          >
            {t.editor.redo}
          </button>
          <DraftExports file={file} onShowProblems={focusProblems} />
          <button type="button" onClick={present}>
            {t.fixFirst.present}
          </button>
          {presentBlocked > 0 && !fixed && (
            <FixFirst
              text={t.fixFirst.presentBlocked(
                checked === doc && !stepping ? problems.length : presentBlocked,
              )}
              onShowProblems={focusProblems}
              onDismiss={() => setPresentBlocked(0)}
            />
          )}
        </div>
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
      {incident && incident.events.length === 0 && <p className="status">{t.editor.noEvents}</p>}
      {/* The chart stays, empty, while no event is complete: the form then keeps its place, and with it the focus and
          what is typed, when the first event is shown. */}
      {incident ? (
        <IncidentScreen
          incident={incident}
          view={view}
          setView={setView}
          aside={form}
          exportBlocked={exportBlocked}
          editing={
            readOnly
              ? undefined
              : {
                  onAdd: (ms, lane) => ed.add(snapToPrecision(ms, 'minute'), lane),
                  onMove: ed.move,
                  snap: (id, start, end) => {
                    const e = findEvent(file.events, id);
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
