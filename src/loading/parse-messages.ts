// The messages between the app and the parse worker, and the worker's side of the exchange as a plain function.
import type { Incident, Problem } from '../model/incident';
import { decodeIncidentFile, type DecodeProgress } from '../model/incident-file';

/**
 * Events per `events` message. The parsed incident goes back as JSON text in slices rather than as one structured
 * clone: in Chromium, receiving a clone of 100,000 events blocked the page for seconds in one task, while
 * JSON.parse of the same data is several times faster and, sliced, leaves the page free to paint in between.
 */
export const EVENTS_PER_MESSAGE = 5000;

export interface ParseRequest {
  type: 'parse';
  bytes: Uint8Array;
  name: string;
}

export type ParseReply =
  /** The worker has loaded and can take the bytes (sent only then, so a worker that fails to load leaves them usable). */
  | { type: 'ready' }
  | { type: 'progress'; progress: DecodeProgress }
  | { type: 'problems'; problems: Problem[] }
  /** The incident without its events, as JSON; `events` messages and then `end` follow. */
  | { type: 'incident'; json: string; events: number }
  /** The next slice of the sorted events, as a JSON array. */
  | { type: 'events'; json: string }
  | { type: 'end' };

/** What the worker does with a request; `post` sends a reply to the app. */
export function handleParseRequest(
  request: ParseRequest,
  post: (reply: ParseReply) => void,
  eventsPerMessage = EVENTS_PER_MESSAGE,
): void {
  const result = decodeIncidentFile(request.bytes, request.name, {
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  if (!result.ok) return post({ type: 'problems', problems: result.problems });
  const { events, ...rest } = result.incident;
  post({ type: 'incident', json: JSON.stringify(rest), events: events.length });
  for (let i = 0; i < events.length; i += eventsPerMessage)
    post({ type: 'events', json: JSON.stringify(events.slice(i, i + eventsPerMessage)) });
  post({ type: 'end' });
}

/** The app's side: puts the incident back together from the replies; `receive` returns the incident on `end`. */
export function incidentReceiver(onSlice?: (received: number, total: number) => void) {
  let head: Omit<Incident, 'events'> | undefined;
  let total = 0;
  const events: Incident['events'] = [];
  return (
    reply: Extract<ParseReply, { type: 'incident' | 'events' | 'end' }>,
  ): Incident | undefined => {
    if (reply.type === 'incident') {
      head = JSON.parse(reply.json) as Omit<Incident, 'events'>;
      total = reply.events;
    } else if (reply.type === 'events') {
      for (const e of JSON.parse(reply.json) as Incident['events']) events.push(e);
      onSlice?.(events.length, total);
    } else if (head) return { ...head, events };
    return undefined;
  };
}
