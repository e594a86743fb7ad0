// Reading a file's bytes as an incident: in the parse worker, or on the main thread for small files.
import { eventSpans } from '../model/event-spans';
import { columnsToMap, importFile } from '../model/formats';
import { parseIncident, type Incident, type ParseResult, type Problem } from '../model/incident';
import {
  decodeText,
  eventCount,
  readJsonFile,
  withFileName,
  type DecodeOptions,
} from '../model/incident-file';
import { incidentWarnings } from '../model/incident-warnings';
import {
  EVENTS_PER_MESSAGE,
  type FileOrder,
  type ParseReply,
  type ParseRequest,
  type ReadResult,
} from './parse-messages';

/** Reads a file opened from this computer (any format the app imports), or says which CSV columns to map first. */
export function readImport(
  { bytes, name, mapping }: ParseRequest,
  onProgress?: DecodeOptions['onProgress'],
): ReadResult {
  const decoded = decodeText(bytes, name, undefined, 'JSON or CSV');
  if (!decoded.ok) return decoded;
  const columns = mapping ? undefined : columnsToMap(name, decoded.text);
  if (columns) return { ok: false, problems: [], columns };
  return importFile(name, decoded.text, mapping, { onProgress });
}

type Post = (reply: ParseReply, transfer?: Transferable[]) => void;

/** A validator's answer, and whether a valid incident is the file's value as written (see checkIncidentFast). */
export type Check = (value: unknown) => { result: ParseResult; asWritten: boolean };

const zodCheck: Check = (value) => ({ result: parseIncident(value), asWritten: false });

/** What the worker does with a request; `post` sends a reply to the app; `check` validates an incident file. */
export function handleParseRequest(
  request: ParseRequest,
  post: Post,
  eventsPerMessage = EVENTS_PER_MESSAGE,
  check: Check = zodCheck,
): void {
  if (!request.anyFormat) return handleIncidentFile(request, post, eventsPerMessage, check);
  const result = readImport(request, (progress) => post({ type: 'progress', progress }));
  if ('columns' in result) return post({ type: 'columns', columns: result.columns });
  if (!result.ok) return post({ type: 'problems', problems: result.problems });
  postIncident(result.incident, post, eventsPerMessage);
}

/**
 * The app's JSON: its events' own text goes to the page, in the file's order, as soon as the file is parsed, so
 * that the page parses them while this worker validates (one after the other, the page's part took 1.8 s at
 * 100,000 events). The page uses them only once `incident` says the file is valid.
 */
function handleIncidentFile(
  { bytes, name }: ParseRequest,
  post: Post,
  eventsPerMessage: number,
  check: Check,
): void {
  const read = readAndSendAhead(bytes, name, post, eventsPerMessage);
  if (!read.ok) return post({ type: 'problems', problems: read.problems });
  const { result, asWritten } = check(read.value);
  const named = withFileName(result, name);
  if (!named.ok) return post({ type: 'problems', problems: named.problems });
  // No events, or an incident that is not the file as written: the page drops what came ahead and gets this one.
  if (!read.sentAhead || !asWritten) return postIncident(named.incident, post, eventsPerMessage);
  const inFile = (read.value as { events: { id: string }[] }).events;
  const order = fileOrder(named.incident.events, inFile);
  post(incidentHead(named.incident, order), [
    order.order.buffer,
    order.startMs.buffer,
    order.endMs.buffer,
  ]);
  post({ type: 'end' });
}

/** Parses the file and sends its events' text ahead; the text itself is not kept past this. */
function readAndSendAhead(
  bytes: Uint8Array,
  name: string,
  post: Post,
  eventsPerMessage: number,
): { ok: true; value: unknown; sentAhead: boolean } | { ok: false; problems: Problem[] } {
  const read = readJsonFile(bytes, name, {
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  if (!read.ok) return read;
  const count = eventCount(read.value);
  post({ type: 'progress', progress: { stage: 'validating', events: count } });
  const spans = count > 0 ? eventSpans(read.text, count) : undefined;
  if (spans)
    for (let i = 0; i < count; i += eventsPerMessage) {
      const last = Math.min(i + eventsPerMessage, count) - 1;
      post({ type: 'events', json: `[${read.text.slice(spans[2 * i], spans[2 * last + 1])}]` });
    }
  return { ok: true, value: read.value, sentAhead: spans !== undefined };
}

/** Where each sorted event stands in the file, and its interval, in the file's order. */
function fileOrder(events: Incident['events'], inFile: readonly { id: string }[]): FileOrder {
  const sortedAt = new Map<string, number>();
  events.forEach((e, i) => sortedAt.set(e.id, i));
  const order = new Uint32Array(events.length);
  const startMs = new Float64Array(events.length);
  const endMs = new Float64Array(events.length);
  inFile.forEach(({ id }, at) => {
    const sorted = sortedAt.get(id)!;
    order[sorted] = at;
    startMs[at] = events[sorted]!.startMs;
    endMs[at] = events[sorted]!.endMs;
  });
  return { order, startMs, endMs };
}

function incidentHead(incident: Incident, order?: FileOrder): ParseReply {
  const { events, ...rest } = incident;
  // Warnings scan every text of every event (about half a second at 100,000): here, not on the page.
  const warnings = incidentWarnings(incident);
  return { type: 'incident', json: JSON.stringify(rest), events: events.length, warnings, order };
}

/** The incident and its events sorted and re-serialized, in slices: an import's, or one not as its file wrote it. */
function postIncident(incident: Incident, post: Post, eventsPerMessage: number): void {
  post(incidentHead(incident));
  const { events } = incident;
  for (let i = 0; i < events.length; i += eventsPerMessage)
    post({ type: 'events', json: JSON.stringify(events.slice(i, i + eventsPerMessage)) });
  post({ type: 'end' });
}
