// File sizes as the loaders state them, without the validator: the page shows these before any file is parsed.
import type { Problem } from './incident';

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** The one message for a file over the size limit, wherever it is read from. */
export function tooLargeProblem(fileName: string, size: number, maxBytes: number): Problem {
  return {
    path: `${fileName}: (file)`,
    message: `the file is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}`,
  };
}
