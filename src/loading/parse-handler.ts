// Reading a file's bytes as an incident: in the parse worker, or on the main thread for small files.
import { eventSpans } from '../model/event-spans';
import { columnsToMap, importFile } from '../model/formats';
import type { Incident } from '../model/incident';
import {
  decodeText,
  eventCount,
  readJsonFile,
  validateIncidentValue,
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

/** What the worker does with a request; `post` sends a reply to the app; `parse` validates an incident file. */
export function handleParseRequest(
  request: ParseRequest,
  post: Post,
  eventsPerMessage = EVENTS_PER_MESSAGE,
  parse?: DecodeOptions['parse'],
): void {
  if (!request.anyFormat) return handleIncidentFile(request, post, eventsPerMessage, parse);
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
  parse: DecodeOptions['parse'],
): void {
  const read = readJsonFile(bytes, name, {
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  if (!read.ok) return post({ type: 'problems', problems: read.problems });
  const count = eventCount(read.value);
  post({ type: 'progress', progress: { stage: 'validating', events: count } });
  const spans = count > 0 ? eventSpans(read.text, count) : undefined;
  if (spans)
    for (let i = 0; i < count; i += eventsPerMessage) {
      const last = Math.min(i + eventsPerMessage, count) - 1;
      post({ type: 'events', json: `[${read.text.slice(spans[2 * i], spans[2 * last + 1])}]` });
    }
  const result = validateIncidentValue(read.value, name, parse);
  if (!result.ok) return post({ type: 'problems', problems: result.problems });
  // An incident without events has nothing to send ahead.
  if (!spans) return postIncident(result.incident, post, eventsPerMessage);
  const inFile = (read.value as { events: { id: string }[] }).events;
  const order = fileOrder(result.incident.events, inFile);
  post(incidentHead(result.incident, order), [
    order.order.buffer,
    order.startMs.buffer,
    order.endMs.buffer,
  ]);
  post({ type: 'end' });
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

/** An incident whose events have no text of their own to send (an import): sorted, re-serialized, in slices. */
function postIncident(incident: Incident, post: Post, eventsPerMessage: number): void {
  post(incidentHead(incident));
  const { events } = incident;
  for (let i = 0; i < events.length; i += eventsPerMessage)
    post({ type: 'events', json: JSON.stringify(events.slice(i, i + eventsPerMessage)) });
  post({ type: 'end' });
}
