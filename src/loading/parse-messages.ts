// The messages between the app and the parse worker, and the worker's side of the exchange as a plain function.
import type { ParseResult } from '../model/incident';
import { decodeIncidentFile, type DecodeProgress } from '../model/incident-file';

export interface ParseRequest {
  type: 'parse';
  bytes: Uint8Array;
  name: string;
}

export type ParseReply =
  /** The worker has loaded and can take the bytes (sent only then, so a worker that fails to load leaves them usable). */
  | { type: 'ready' }
  | { type: 'progress'; progress: DecodeProgress }
  | { type: 'done'; result: ParseResult };

/** What the worker does with a request; `post` sends a reply to the app. */
export function handleParseRequest(request: ParseRequest, post: (reply: ParseReply) => void): void {
  const result = decodeIncidentFile(request.bytes, request.name, {
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  post({ type: 'done', result });
}
