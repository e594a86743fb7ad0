// File sizes as the loaders state them, without the validator: the page shows these before any file is parsed.
import type { Problem } from './incident';
import { problemText } from './problem-codes';

export { formatBytes } from './problem-codes';

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** The one message for a file over the size limit, wherever it is read from. */
export function tooLargeProblem(fileName: string, size: number, maxBytes: number): Problem {
  return {
    path: `${fileName}: (file)`,
    ...problemText('file-too-large', { size, limit: maxBytes }),
  };
}
