// Which form field a problem's path names: "events[2].citations[1].locator" -> event 2, "edit-citation-locator-2".
import type { IncidentFile, LocalizedText } from './incident';
import { findEvent, isLink, notLinks } from './event-lookup';

/**
 * The id of an editor field. The first of a list (index 0) and the UI language's text keep the plain id
 * (`edit-title`); another citation adds its number (`edit-citation-locator-2`), another language its tag
 * (`edit-title-zh-Hant`).
 */
export function fieldId(
  field: string,
  at: { index?: number; lang?: string; ui?: string } = {},
): string {
  const n = at.index !== undefined && at.index > 0 ? `-${at.index + 1}` : '';
  const l = at.lang !== undefined && at.lang !== at.ui ? `-${at.lang}` : '';
  return `edit-${field}${n}${l}`;
}

export interface FieldTarget {
  /** The event whose form holds the field; none for the incident's own fields. */
  event?: string;
  id: string;
}

const PLAIN = new Set([
  'start',
  'end',
  'precision',
  'phase',
  'actor',
  'action',
  'systems',
  'outcome',
  'milestones',
  'techniques',
]);

/** The language of a text that is missing or empty: the field to write it in; the UI's when none stands out. */
function emptyLanguage(text: LocalizedText | undefined, langs: readonly string[], ui: string) {
  if (text === undefined || typeof text === 'string') return ui;
  const map = text as Record<string, string>;
  return langs.find((l) => l in map && map[l] === '') ?? ui;
}

/**
 * The field a problem's path names, with the event it is in, or undefined for a path no field edits. `langs` are
 * the languages the form shows, `ui` the one with the plain label.
 */
export function fieldForPath(
  path: string,
  file: IncidentFile,
  langs: readonly string[],
  ui: string,
): FieldTarget | undefined {
  if (path === 'title') return { id: 'edit-incident-title' };
  if (path === 'summary') return { id: 'edit-summary' };
  if (path.startsWith('languages')) return { id: 'edit-languages' };
  const list =
    /^(phases|systems|actors|actions|techniques|sources|indicators)\[(\d+)\]\.([A-Za-z]+)(?:\[\d+\])?(?:\.([A-Za-z]+))?/.exec(
      path,
    );
  if (list) {
    const [, name, i, key, sub] = list;
    return {
      id: `edit-${name}-${i}-${key === 'citations' ? `citation-${sub ?? 'locator'}` : key}`,
    };
  }
  const m = /^events\[(\d+)\](?:\.([A-Za-z]+))?(?:\[(\d+)\])?(?:\.([A-Za-z]+))?/.exec(path);
  if (!m) return undefined;
  const e = file.events[Number(m[1])];
  if (!e) return undefined;
  const [, , key, k, sub] = m;
  const index = k === undefined ? undefined : Number(k);
  const at = (field: string, text?: LocalizedText, i?: number): FieldTarget => ({
    event: e.id,
    id: fieldId(field, { index: i, lang: emptyLanguage(text, langs, ui), ui }),
  });
  switch (key) {
    case undefined:
      return { event: e.id, id: fieldId('title') };
    case 'title':
    case 'description':
      return at(key, e[key]);
    case 'presentText':
      return at('description', e.description);
    case 'inferred':
      return at('inferred', e.inferred?.reason);
    case 'inject':
      return at('inject', e.inject?.question);
    case 'prompts':
      return at('prompts', index === undefined ? undefined : e.prompts?.[index]);
    case 'citations': {
      const c = index === undefined ? undefined : e.citations[index];
      return sub === 'source'
        ? { event: e.id, id: fieldId('citation-source', { index }) }
        : at('citation-locator', c?.locator, index);
    }
    case 'related': {
      // Each link has its button (ownLinks); what is not a link has the one that takes all such items off.
      const items: unknown = e.related;
      const all = Array.isArray(items) ? (items as unknown[]) : [];
      if (index === undefined || !isLink(all[index]))
        // The button is in the form of the event the id shows: the first, where a draft repeats the id.
        return {
          event: e.id,
          id:
            notLinks(findEvent(file.events, e.id) ?? e) > 0
              ? 'edit-link-others'
              : 'edit-link-target',
        };
      return { event: e.id, id: `edit-link-${all.slice(0, index).filter(isLink).length}` };
    }
    default:
      return PLAIN.has(key) ? { event: e.id, id: fieldId(key) } : undefined;
  }
}
