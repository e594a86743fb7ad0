// A draft as the browser database keeps it: the file being written, its undo history, and when it was saved.
import type { DraftDoc } from '../model/draft';
import type { History } from '../model/draft-history';

/**
 * Raised when the stored shape changes; an older record is upgraded on reading or refused with a reason. Format 2
 * keeps a change's events and added ids as splices (draft-history.ts); format 1's whole lists are still undone as they were, so
 * it is read as it is, and a version of the app that reads only format 1 refuses format 2 rather than misread it.
 */
export const DRAFT_FORMAT = 2;

/** The formats this version opens. */
export const READABLE_FORMATS: readonly number[] = [1, DRAFT_FORMAT];

export interface DraftRecord {
  id: string;
  format: number;
  doc: DraftDoc;
  history: History;
  savedAt: number;
}

export interface DraftSummary {
  id: string;
  title: DraftDoc['file']['title'];
  savedAt: number;
  events: number;
}
