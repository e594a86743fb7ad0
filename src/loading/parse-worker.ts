// Web Worker entry: decodes and validates a large incident file off the main thread (started by parse-in-worker.ts).
// First, as in main.tsx: the worker is its own bundle, and its zod must not probe for eval either.
import '../csp-compat';
import { checkIncidentFast } from '../model/incident-fast-zod';
import { EVENTS_PER_MESSAGE, type ParseReply, type ParseRequest } from './parse-messages';
import { parseRequests } from './parse-handler';

// The app's TypeScript lib is DOM, not WebWorker; these are the two members of the worker scope used here.
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage: (reply: ParseReply, transfer?: Transferable[]) => void;
};

// The generated validator first, zod only for a file that fails: several times faster on a large file.
const handle = parseRequests(
  (reply, transfer) => scope.postMessage(reply, transfer),
  EVENTS_PER_MESSAGE,
  checkIncidentFast,
);
scope.onmessage = (event) => handle(event.data);
scope.postMessage({ type: 'ready' });
