// Finds prose copied from a source text, by hashes of its fixed-length windows, so the source itself need not be kept.

/** Runs this long shared with the source count as copied (characters, after normalizing). */
export const COPY_WINDOW = 20;

/** Width forms unified and whitespace dropped, so spacing and full-width punctuation do not hide a copy. */
export function normalizeForCopy(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** cyrb53: a fast 53-bit string hash, as 14 hex digits; collisions among a few thousand windows are negligible. */
function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The hashes of every COPY_WINDOW-long window of the normalized text, sorted and without repeats. */
export function windowHashes(text: string): string[] {
  const s = normalizeForCopy(text);
  const out = new Set<string>();
  for (let i = 0; i + COPY_WINDOW <= s.length; i++) out.add(hash(s.slice(i, i + COPY_WINDOW)));
  return [...out].sort();
}

/**
 * The longest run of `text` that the source's windows show to be copied, or undefined. Runs without a single
 * Chinese character are names and terms (Sliver Adversary Emulation Framework), not prose, and are left out.
 */
export function copiedRun(text: string, sourceWindows: ReadonlySet<string>): string | undefined {
  const s = normalizeForCopy(text);
  let best: string | undefined;
  let i = 0;
  while (i + COPY_WINDOW <= s.length) {
    if (!sourceWindows.has(hash(s.slice(i, i + COPY_WINDOW)))) {
      i++;
      continue;
    }
    let end = i + COPY_WINDOW;
    while (end < s.length && sourceWindows.has(hash(s.slice(end + 1 - COPY_WINDOW, end + 1))))
      end++;
    const run = s.slice(i, end);
    if (/\p{Script=Han}/u.test(run) && run.length > (best?.length ?? 0)) best = run;
    i = end;
  }
  return best;
}
