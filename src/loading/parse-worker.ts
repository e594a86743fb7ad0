// Web Worker entry: decodes and validates a large incident file off the main thread (started by parse-in-worker.ts).
// First, as in main.tsx: the worker is its own bundle, and its zod must not probe for eval either.
import '../csp-compat';
import { handleParseRequest } from './parse-handler';
import type { ParseReply, ParseRequest } from './parse-messages';

// The app's TypeScript lib is DOM, not WebWorker; these are the two members of the worker scope used here.
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage: (reply: ParseReply) => void;
};

scope.onmessage = (event) => handleParseRequest(event.data, (reply) => scope.postMessage(reply));
scope.postMessage({ type: 'ready' });
