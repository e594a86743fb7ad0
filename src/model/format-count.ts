// Written here rather than with Intl: a page's first Intl number format loads ICU data, 40–100 ms on this project's
// machine, and the first one came in the middle of a load ("Checking 1,000 events…").

/** An integer count with its digits grouped by commas, as `toLocaleString` writes it in English and in Chinese. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
