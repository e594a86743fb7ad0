// Drafts enter the app as incidents like any opened file: read from this browser's database, checked by the schema.
import type { QueryClient } from '@tanstack/react-query';
import type { Incident, IncidentFile } from '../model/incident';
import { appDraftStore, unreadableReason } from '../store/draft-store';
import { loadDraftCheck } from './draft-check-loader';
import { IncidentFileError } from './incident-query';
import { cancellable, LoadCancelledError, untilAborted } from './load-cancel';
import { prepareInSteps } from './prepare-incident';

export const DRAFT_PREFIX = 'draft:';
export const draftSource = (id: string) => `${DRAFT_PREFIX}${id}`;
export const isDraftSource = (src: string) => src.startsWith(DRAFT_PREFIX);

export const DRAFT_GONE =
  'This draft is not in this browser: drafts live only in the browser that wrote them. Ask for its incident file or its single HTML file.';

/**
 * The incident a stored draft shows: the events of it that pass the schema, or an error listing why none can. A
 * version showDraft has shown since this load began is newer than the one read: that one is the answer then. The
 * loading view's Cancel (cancelLoad) and `signal` end it at once, with a LoadCancelledError for the first: the
 * database read and the check are no longer waited for, and the view's preparation stops.
 */
export async function loadDraft(src: string, signal?: AbortSignal): Promise<Incident> {
  const id = src.slice(DRAFT_PREFIX.length);
  const call = ++calls;
  const cancel = cancellable(src);
  const both = signal ? AbortSignal.any([signal, cancel.signal]) : cancel.signal;
  try {
    const record = await untilAborted(appDraftStore().get(id), both);
    if (!record) throw new Error(DRAFT_GONE);
    const why = unreadableReason(record);
    if (why) throw new Error(`This draft cannot be opened: ${why}.`);
    const { file } = record.doc;
    const check = await untilAborted(loadDraftCheck(), both);
    // Not stopped, only no longer waited for: an editor of this draft may be waiting for the same check.
    await untilAborted(check.checkInSteps(file, turn), both);
    const newer = shownSince(id, call);
    if (newer) return newer;
    const incident = check.showableIncident(file);
    if (!incident) throw new IncidentFileError(src, check.draftProblems(file));
    await prepared(incident, both);
    return shownSince(id, call) ?? incident;
  } finally {
    cancel.release();
  }
}

/**
 * Puts a changed draft where the incident query finds it, once the checks have loaded (a large draft checked whole
 * in steps); a draft with problems outside its events keeps its last view. A call never shows a version older than
 * one shown. `from`: the checked incident a new draft's file was made of by `fileOf`, which it then shows as it is
 * (takeAsChecked). A draft whose opening the user cancelled stays unopened unless `afterCancel`, asked when the
 * call ends (the user may have left the editor meanwhile), says to show it.
 */
export async function showDraft(
  client: QueryClient,
  id: string,
  file: IncidentFile,
  { from, afterCancel = () => true }: { from?: Incident; afterCancel?: () => boolean } = {},
) {
  const call = ++calls;
  const { checkInSteps, showableIncident, takeAsChecked } = await loadDraftCheck();
  if (from) takeAsChecked(file, from);
  await checkInSteps(file, turn);
  // A later call, whose check ended first, has shown a later version.
  if (shownSince(id, call)) return;
  const incident = showableIncident(file);
  if (!incident) return;
  await prepared(incident);
  if (shownSince(id, call)) return;
  if (openingCancelled(client, id) && !afterCancel()) return;
  client.setQueryData(['incident', draftSource(id)], incident);
  shown.set(id, { call, incident: new WeakRef(incident) });
}

/** Whether the incident query's last load of draft `id` ended in the user's Cancel. */
export const openingCancelled = (client: QueryClient, id: string) =>
  client.getQueryState(['incident', draftSource(id)])?.error instanceof LoadCancelledError;

let calls = 0;
// Each draft's version shown by showDraft, and its call; held weakly, since a closed draft's incident may be large.
const shown = new Map<string, { call: number; incident: WeakRef<Incident> }>();
const shownSince = (id: string, call: number) => {
  const last = shown.get(id);
  return last && last.call > call ? last.incident.deref() : undefined;
};

/**
 * `incident`'s view prepared in steps; failing that (its code did not load), prepared as it first renders. Throws
 * only when `signal` aborts.
 */
const prepared = (incident: Incident, signal?: AbortSignal) =>
  prepareInSteps(incident, signal).catch((error: unknown) => {
    if (signal?.aborted) throw error;
  });

/**
 * A turn for the page between the steps of a large draft's check; none in a hidden tab, whose timers the browser
 * runs once a second, which would make a draft opened in a background tab take a minute.
 */
const turn = () =>
  document.visibilityState === 'hidden'
    ? Promise.resolve()
    : new Promise<void>((resolve) => setTimeout(resolve, 0));
