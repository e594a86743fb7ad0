// Reading a file's bytes as an incident: in the parse worker, or on the main thread for small files.
import { scanEvents } from '../model/event-spans';
import { columnsToMap, importFile } from '../model/formats';
import { checkWithZod, type Incident, type Problem } from '../model/incident';
import type { CheckResult } from '../model/incident-checks';
import {
  decodeText,
  DEFAULT_MAX_BYTES,
  eventCount,
  readJsonFile,
  namedProblems,
  type DecodeOptions,
} from '../model/incident-file';
import { incidentStream, type IncidentStream } from '../model/incident-stream';
import { incidentWarnings } from '../model/incident-warnings';
import {
  EVENTS_PER_MESSAGE,
  type FileRequest,
  type ParseReply,
  type ParseRequest,
  type ReadResult,
} from './parse-messages';

/** Reads a file opened from this computer (any format the app imports), or says which CSV columns to map first. */
export function readImport(
  { bytes, name, mapping }: FileRequest,
  onProgress?: DecodeOptions['onProgress'],
): ReadResult {
  const decoded = decodeText(bytes, name, undefined, 'JSON or CSV');
  if (!decoded.ok) return decoded;
  const columns = mapping ? undefined : columnsToMap(name, decoded.text);
  if (columns) return { ok: false, problems: [], columns };
  return importFile(name, decoded.text, mapping, { onProgress });
}

type Post = (reply: ParseReply, transfer?: Transferable[]) => void;

/** A validator: checkIncidentFast, or zod alone. */
export type Check = (value: unknown) => CheckResult;

/** What the worker does with a request; `post` sends a reply to the app; `check` validates an incident file. */
export function handleParseRequest(
  request: FileRequest,
  post: Post,
  eventsPerMessage = EVENTS_PER_MESSAGE,
  check: Check = checkWithZod,
): void {
  if (!request.anyFormat) return handleIncidentFile(request, post, eventsPerMessage, check);
  const result = readImport(request, (progress) => post({ type: 'progress', progress }));
  if ('columns' in result) return post({ type: 'columns', columns: result.columns });
  if (!result.ok) return post({ type: 'problems', problems: result.problems });
  postIncident(result.incident, post, eventsPerMessage);
}

/**
 * The app's JSON: its events' own bytes go to the page, in the file's order, before this worker decodes the file,
 * so that the page decodes and parses them while this worker decodes, parses and checks it (one after the other,
 * the page's part took 1.8 s at 100,000 events). The page prepares its view of them meanwhile, but shows them
 * only once `incident` says the file is valid. The warnings follow the end: the page shows the incident without
 * waiting for their scan of every text.
 */
function handleIncidentFile(
  { bytes, name }: FileRequest,
  post: Post,
  eventsPerMessage: number,
  check: Check,
): void {
  const read = readAndSendAhead(bytes, name, post, eventsPerMessage);
  if (!read.ok) return post({ type: 'problems', problems: read.problems });
  answerIncidentFile(read, name, post, eventsPerMessage, check);
}

/**
 * A worker's requests in turn: whole files, and `?src=` files streamed as they download, whose events are parsed
 * as their bytes arrive (incidentStream), so that at the end of a download mostly the check is left.
 */
export function parseRequests(
  post: Post,
  eventsPerMessage = EVENTS_PER_MESSAGE,
  check: Check = checkWithZod,
): (request: ParseRequest) => void {
  let stream: { name: string; file: IncidentStream } | undefined;
  return (request) => {
    if (request.type === 'parse') {
      stream = undefined;
      return handleParseRequest(request, post, eventsPerMessage, check);
    }
    if (request.type === 'begin') {
      const { name, size } = request;
      stream = { name, file: incidentStream(name, size, eventsPerMessage) };
      return;
    }
    if (!stream) return;
    if (request.type === 'chunk') return stream.file.add(request.bytes);
    const { name, file } = stream;
    stream = undefined;
    post({ type: 'progress', progress: { stage: 'reading', bytes: file.received } });
    const read = file.end();
    if (!read.ok) return post({ type: 'problems', problems: read.problems });
    const count = eventCount(read.value);
    post({ type: 'progress', progress: { stage: 'validating', events: count } });
    const sentAhead = count > 0 && request.events === count;
    answerIncidentFile({ value: read.value, sentAhead }, name, post, eventsPerMessage, check);
  };
}

/**
 * Checks a file read (its events `sentAhead` to the page, or not) and answers: the problems, the incident's
 * order of the events the page has, or the incident itself.
 */
function answerIncidentFile(
  read: { value: unknown; sentAhead: boolean },
  name: string,
  post: Post,
  eventsPerMessage: number,
  check: Check,
): void {
  if (read.sentAhead) post({ type: 'unchecked', json: withoutEvents(read.value) });
  const checked = check(read.value);
  if (!checked.ok)
    return post({ type: 'problems', problems: namedProblems(checked.problems, name) });
  // No events, or an incident that is not the file as written: the page drops what came ahead and gets this one.
  if (!read.sentAhead || !checked.asWritten)
    return postIncident(checked.incident(), post, eventsPerMessage);
  // The page waits for this answer and the end alone; the incident, for the warnings, is built after them from the
  // same order, which is therefore copied, not transferred (2 MB at 100,000 events).
  const { order } = checked;
  post({ type: 'incident', json: withoutEvents(read.value), events: order.order.length, order });
  postEnd(checked.incident, post);
}

/** Sends the events' bytes ahead, then parses the file; the bytes are not kept past this. */
function readAndSendAhead(
  bytes: Uint8Array,
  name: string,
  post: Post,
  eventsPerMessage: number,
): { ok: true; value: unknown; sentAhead: boolean } | { ok: false; problems: Problem[] } {
  // First, so that the page's header says the file is being read while the page parses the slices.
  post({ type: 'progress', progress: { stage: 'reading', bytes: bytes.byteLength } });
  // A file too large is refused by readJsonFile; its events are not worth sending.
  const { spans, depth } = bytes.byteLength <= DEFAULT_MAX_BYTES ? scanEvents(bytes) : {};
  const sent = spans ? spans.length / 2 : 0;
  for (let i = 0; i < sent; i += eventsPerMessage) {
    const last = Math.min(i + eventsPerMessage, sent) - 1;
    post(...aheadSlice(bytes, spans![2 * i]!, spans![2 * last + 1]!));
  }
  const read = readJsonFile(bytes, name, { depth });
  if (!read.ok) return read;
  const count = eventCount(read.value);
  post({ type: 'progress', progress: { stage: 'validating', events: count } });
  return { ok: true, value: read.value, sentAhead: count > 0 && sent === count };
}

/** Bytes `from` to `to` as a JSON array of their own, copied so that they can be transferred without the file. */
function aheadSlice(bytes: Uint8Array, from: number, to: number): Parameters<Post> {
  const slice = new Uint8Array(to - from + 2);
  slice[0] = 91;
  slice.set(bytes.subarray(from, to), 1);
  slice[slice.length - 1] = 93;
  return [{ type: 'ahead', bytes: slice }, [slice.buffer]];
}

/** A file's (or an incident's) fields but its events, as JSON. */
function withoutEvents(value: unknown): string {
  return JSON.stringify({ ...(value as object), events: undefined });
}

function incidentHead(incident: Incident): ParseReply {
  return { type: 'incident', json: withoutEvents(incident), events: incident.events.length };
}

/** The end, then the warnings: they scan every text of every event (a second at 100,000), here, not on the page. */
function postEnd(incident: () => Incident, post: Post): void {
  post({ type: 'end' });
  post({ type: 'warnings', warnings: incidentWarnings(incident()) });
}

/** The incident and its events sorted and re-serialized, in slices: an import's, or one not as its file wrote it. */
function postIncident(incident: Incident, post: Post, eventsPerMessage: number): void {
  post(incidentHead(incident));
  const { events } = incident;
  for (let i = 0; i < events.length; i += eventsPerMessage)
    post({ type: 'events', json: JSON.stringify(events.slice(i, i + eventsPerMessage)) });
  postEnd(() => incident, post);
}
