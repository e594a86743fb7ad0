// Drafts enter the app as incidents like any opened file: read from this browser's database, checked by the schema.
import type { QueryClient } from '@tanstack/react-query';
import type { Incident, IncidentFile } from '../model/incident';
import { appDraftStore, unreadableReason } from '../store/draft-store';
import { loadDraftCheck } from './draft-check-loader';
import { IncidentFileError } from './incident-query';
import { prepareInSteps } from './prepare-incident';

export const DRAFT_PREFIX = 'draft:';
export const draftSource = (id: string) => `${DRAFT_PREFIX}${id}`;
export const isDraftSource = (src: string) => src.startsWith(DRAFT_PREFIX);

export const DRAFT_GONE =
  'This draft is not in this browser: drafts live only in the browser that wrote them. Ask for its incident file or its single HTML file.';

/** The incident a stored draft shows: the events of it that pass the schema, or an error listing why none can. */
export async function loadDraft(src: string): Promise<Incident> {
  const record = await appDraftStore().get(src.slice(DRAFT_PREFIX.length));
  if (!record) throw new Error(DRAFT_GONE);
  const why = unreadableReason(record);
  if (why) throw new Error(`This draft cannot be opened: ${why}.`);
  const { file } = record.doc;
  const { checkInSteps, draftProblems, showableIncident } = await loadDraftCheck();
  await checkInSteps(file, turn);
  const shown = showableIncident(file);
  if (!shown) throw new IncidentFileError(src, draftProblems(file));
  await prepareInSteps(shown);
  return shown;
}

/**
 * Puts a changed draft where the incident query finds it, once the checks have loaded (a large draft checked whole
 * in steps); a draft with problems outside its events keeps its last view. A call never shows a version older than
 * one shown. `from`: the checked incident a new draft's file was made of by `fileOf`, which it then shows as it is
 * (takeAsChecked).
 */
export async function showDraft(
  client: QueryClient,
  id: string,
  file: IncidentFile,
  from?: Incident,
) {
  const call = ++calls;
  const { checkInSteps, showableIncident, takeAsChecked } = await loadDraftCheck();
  if (from) takeAsChecked(file, from);
  await checkInSteps(file, turn);
  // A later call, whose check ended first, has shown a later version.
  if ((shown.get(id) ?? 0) > call) return;
  const incident = showableIncident(file);
  if (!incident) return;
  await prepareInSteps(incident);
  if ((shown.get(id) ?? 0) > call) return;
  client.setQueryData(['incident', draftSource(id)], incident);
  shown.set(id, call);
}

let calls = 0;
// The call of showDraft whose version each draft shows.
const shown = new Map<string, number>();
/** A turn for the page between the steps of a large draft's check. */
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
