// Ids for imported records and terms: slugs of their text, unique within their list, stable for the same input.

/** A slug id from any text: "Atlassian Jira" -> "atlassian-jira"; empty when no letter or digit survives. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}

/** Hands out slug ids that are unique in one list: a taken slug gets "-2", "-3"… */
export function uniqueIds(fallback: string): (text: string) => string {
  const taken = new Set<string>();
  // The next suffix to try per slug, so a slug shared by n records costs n tries in all rather than n²/2.
  const nextSuffix = new Map<string, number>();
  return (text) => {
    const base = slugify(text) || fallback;
    let id = base;
    if (taken.has(base)) {
      let n = nextSuffix.get(base) ?? 2;
      while (taken.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      nextSuffix.set(base, n + 1);
    }
    taken.add(id);
    return id;
  };
}

/** One id per distinct label, in order of first appearance. */
export function terms(fallback: string) {
  const next = uniqueIds(fallback);
  const byLabel = new Map<string, string>();
  return {
    byLabel,
    idOf(label: string): string {
      let id = byLabel.get(label);
      if (id === undefined) byLabel.set(label, (id = next(label)));
      return id;
    },
  };
}
