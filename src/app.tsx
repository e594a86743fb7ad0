import { useCallback, useDeferredValue, useEffect, useEffectEvent, useMemo, useRef } from 'react';
import { AppHeader } from './components/app-header';
import { IncidentScreen } from './components/incident-screen';
import { IncidentWarnings } from './components/incident-warnings';
import { LinkNotice } from './components/link-notice';
import { UpdatePrompt } from './components/update-prompt';
import { LoadRecovery } from './components/load-recovery';
import { Empty, LoadError, Loading } from './components/load-status';
import { useViewState } from './hooks/use-view-state';
import { loadCatalog, preferredLang } from './i18n/i18n';
import { I18nProvider } from './i18n/i18n-provider';
import { useCatalog } from './i18n/use-catalog';
import { sourceOf, useIncident } from './loading/incident-query';
import { useQueryClient } from '@tanstack/react-query';
import { DraftControls } from './components/draft-controls';
import { FixFirst } from './components/fix-first';
import { focusProblems } from './components/focus-problems';
import { DraftExports, EditScreen, EmbedScreen, PresentScreen } from './components/lazy-screens';
import { SHOW_AFTER_MS, useDraft } from './hooks/use-draft';
import { useSettled } from './hooks/use-settled';
import { useCheckingInSteps } from './hooks/use-checking-in-steps';
import { useDraftBlock } from './hooks/use-draft-block';
import { useDraftCheck } from './hooks/use-draft-check';
import { draftSource, showDraft } from './loading/draft-source';
import { isLocal } from './loading/open-file';
import { rendersInSteps } from './loading/prepare-incident';
import { fileOf, newIncident, type DraftDoc } from './model/draft';
import type { Incident } from './model/incident';
import { createDraft } from './store/draft-sessions';
import { localize } from './model/text';
import { DEFAULT_VIEW, resolveAgainst } from './model/view-state';

export function App() {
  const { state, malformed, setView } = useViewState();
  const requested = state.lang ?? preferredLang();
  const i18n = useCatalog(requested);
  const { lang } = i18n;
  const src = sourceOf(state);
  const query = useIncident(src);
  const editing = state.mode === 'edit';
  const draft = useDraft(state.draft, editing);
  const client = useQueryClient();
  // A file being read, then the draft it becomes being written and checked: Edit clicked meanwhile is kept for
  // what is on its way, rather than making a draft of the incident still on screen.
  const reading = useRef<{ edit: boolean } | undefined>(undefined);
  const pending = useRef<{ edit: boolean } | undefined>(undefined);
  // A draft is written before it is shown: the incident query finds it in its cache, not yet in the database.
  const startDraft = (
    doc: DraftDoc,
    keep: (s: typeof state) => typeof state,
    /** The checked incident `doc`'s file was made of, if any (showDraft). */
    from?: Incident,
  ) => {
    const id = createDraft(doc);
    const shown = { edit: reading.current?.edit ?? false };
    if (reading.current) reading.current.edit = false;
    pending.current = shown;
    const show = () => {
      if (pending.current === shown) pending.current = undefined;
      setView((s) => ({
        ...keep(s),
        draft: id,
        src: undefined,
        ...(shown.edit && { mode: 'edit' as const }),
      }));
    };
    // Checks that failed to arrive still move the view: the draft's load then says what went wrong.
    showDraft(client, id, doc.file, { from }).then(show, show);
    return draftSource(id);
  };
  // A file opened from this computer becomes a draft at once, so a reload or a copied link still finds it here.
  // A file read again (its rows grouped or not) `into` the draft it became replaces that draft's events, as one
  // change that Undo takes back, rather than leaving a second draft of the same file.
  const opened = (next: string, into?: string): string => {
    const file = isLocal(next) ? client.getQueryData<Incident>(['incident', next]) : undefined;
    if (file && into !== undefined && into === src && draft.session?.writable) {
      draft.session.change({ ...draft.state.doc, file: fileOf(file), added: [] });
      return src;
    }
    if (file)
      return startDraft(
        { file: fileOf(file), added: [], origin: next },
        (s) => ({ ...DEFAULT_VIEW, lang: s.lang, theme: s.theme }),
        file,
      );
    setView((s) => ({ ...DEFAULT_VIEW, lang: s.lang, theme: s.theme, src: next }));
    return next;
  };
  const onReading = (started: boolean) => {
    const kept = reading.current?.edit ?? false;
    reading.current = started ? { edit: false } : undefined;
    // Read into the draft on screen (a forensic file regrouped), or a failure on a draft: that draft is edited.
    if (!started && kept && state.draft) setView((s) => ({ ...s, mode: 'edit' }));
  };
  // Moving to another incident or draft meanwhile leaves no Edit waiting for a draft that is no longer next.
  useEffect(() => {
    pending.current = undefined;
  }, [state.draft, src]);
  const edit = () => {
    const waiting = pending.current ?? reading.current;
    if (waiting) waiting.edit = true;
    else if (state.draft) setView((s) => ({ ...s, mode: 'edit' }));
    else if (incident)
      startDraft(
        { file: fileOf(incident), added: [], origin: src },
        (s) => ({ ...s, mode: 'edit' }),
        incident,
      );
  };
  const startNew = () => {
    const words = i18n.t.editor.starter;
    startDraft({ file: newIncident('untitled', { lang, ...words }), added: [] }, (s) => ({
      ...DEFAULT_VIEW,
      lang: s.lang,
      theme: s.theme,
      mode: 'edit',
    }));
  };
  // Deferred from 5,000 events, so React renders it in slices; not while editing, where Fit all must see a paste.
  const data = query.data;
  const large = data !== undefined && rendersInSteps(data) && !editing;
  const deferred = useDeferredValue(large ? data : undefined);
  // Until the deferred render catches up nothing is shown, never the previous incident under the new link.
  const incident = large ? (deferred === data ? data : undefined) : data;
  const preparing = data !== undefined && incident === undefined;
  // A link with mode=edit and no draft (typed, or shared without one) opens the incident shown as a draft, as Edit
  // does; it used to leave the page empty under the header.
  const editLinked = useEffectEvent(() => {
    if (!pending.current && !reading.current) edit();
  });
  const linkedEdit = editing && state.draft === undefined;
  useEffect(() => {
    if (linkedEdit && incident) editLinked();
  }, [linkedEdit, incident]);
  const resolved = useMemo(
    () => (incident ? resolveAgainst(state, incident) : { state, ignored: [] }),
    [incident, state],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    if (state.theme) document.documentElement.dataset.theme = state.theme;
    else delete document.documentElement.dataset.theme;
  }, [state.theme]);

  // A draft with problems is neither exported nor presented until they are fixed; each refusal links to them.
  const draftDoc = draft.state.doc;
  const check = useDraftCheck(state.draft !== undefined);
  // Present mode has nothing to type in: its refusal counts the draft as it is.
  const waiting = draft.state.typing === true && state.mode === 'edit';
  const checkedFile = useSettled(draftDoc?.file, waiting, SHOW_AFTER_MS);
  // A stored draft being checked in steps as it opens is counted once that check is done (its view comes then).
  const stepping = useCheckingInSteps(check, checkedFile);
  const problemCount = checkedFile && check && !stepping ? check.problemsOf(checkedFile).length : 0;
  const showProblems = useCallback(() => {
    setView((s) => ({ ...s, mode: 'edit' }));
    focusProblems();
  }, [setView]);
  const draftBlock = useDraftBlock(draftDoc?.file, check?.problemsOf, showProblems);
  const exportBlocked = state.draft ? draftBlock : undefined;
  const presentBlocked =
    state.draft !== undefined && (!draftDoc || !check || stepping || problemCount > 0);

  const appName = i18n.t.appName;
  const title = incident ? localize(incident.title, lang) : appName;
  // The tab names the app once: after the incident's title, or alone while no incident is open.
  const tabTitle = incident ? `${title} · ${appName}` : appName;
  useEffect(() => {
    document.title = tabTitle;
  }, [tabTitle]);

  return (
    <I18nProvider value={i18n}>
      <div className={`app mode-${state.mode}`}>
        {(state.mode === 'full' || editing) && (
          <AppHeader
            title={title}
            source={src}
            sourceOpen={incident !== undefined}
            onOpened={opened}
            onReading={onReading}
            draftOnly={state.draft !== undefined}
            draftOrigin={draftDoc?.origin}
            share={draftDoc && <DraftExports file={draftDoc.file} onShowProblems={showProblems} />}
            lang={requested}
            onLang={(l) => {
              // Each pick fetches again, so a catalog that failed to arrive is tried once more.
              void loadCatalog(l);
              setView((s) => ({ ...s, lang: l }));
            }}
            theme={state.theme}
            onTheme={(theme) => setView((s) => ({ ...s, theme }))}
            extra={
              <DraftControls
                editing={editing}
                status={state.draft ? draft.state.status : undefined}
                onEdit={edit}
                onDoneEditing={() => setView((s) => ({ ...s, mode: 'full' }))}
                onNew={startNew}
                onTakeOver={() => void draft.session?.takeOver()}
                draftId={state.draft}
                onOpenDraft={(id) =>
                  setView((s) => ({
                    ...DEFAULT_VIEW,
                    lang: s.lang,
                    theme: s.theme,
                    draft: id,
                    mode: 'edit',
                  }))
                }
                onLeaveDraft={() =>
                  setView((s) => ({ ...DEFAULT_VIEW, lang: s.lang, theme: s.theme }))
                }
              />
            }
          />
        )}
        <UpdatePrompt loading={query.isPending || preparing} />
        <LinkNotice
          ignored={editing ? resolved.ignored.filter((i) => i.param !== 'event') : resolved.ignored}
          malformed={malformed}
          // The room's window is the projector's stage: the notice floats for the facilitator, not pushing the stage.
          floating={state.mode === 'present' && !state.presenter && !state.print}
        />
        {incident && (
          <IncidentWarnings
            key={src}
            incident={incident}
            // A draft's warnings name the file it was made from (opened from this computer: its name), not its id.
            src={(state.draft !== undefined && draftDoc?.origin) || src}
          />
        )}
        <main>
          {editing && draft.state.doc && (
            <EditScreen
              session={draft.session}
              state={draft.state}
              incident={incident}
              view={resolved.state}
              eventId={state.event}
              setView={setView}
            />
          )}
          {(query.isPending || preparing) && !(editing && state.draft) && (
            <Loading src={src} cancellable={!preparing} />
          )}
          {query.isError && !(editing && draft.state.doc) && <LoadError error={query.error} />}
          {query.isError && !(editing && draft.state.doc) && <LoadRecovery src={src} />}
          {incident && incident.events.length === 0 && !editing && <Empty />}
          {incident && incident.events.length > 0 && state.mode === 'embed' && (
            <EmbedScreen incident={incident} view={resolved.state} setView={setView} />
          )}
          {incident &&
            incident.events.length > 0 &&
            state.mode === 'present' &&
            !presentBlocked && (
              <PresentScreen incident={incident} view={resolved.state} setView={setView} />
            )}
          {state.mode === 'present' && draftDoc && problemCount > 0 && (
            <div className="screen">
              <FixFirst
                text={i18n.t.fixFirst.presentBlocked(problemCount)}
                onShowProblems={showProblems}
              />
            </div>
          )}
          {incident && incident.events.length > 0 && state.mode === 'full' && (
            <IncidentScreen
              incident={incident}
              view={resolved.state}
              setView={setView}
              exportBlocked={exportBlocked}
            />
          )}
        </main>
      </div>
    </I18nProvider>
  );
}
