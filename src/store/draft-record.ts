// A draft as the browser database keeps it: the file being written, its undo history, and when it was saved.
import type { DraftDoc } from '../model/draft';
import type { History } from '../model/draft-history';

/** Raised when the stored shape changes; an older record is upgraded on reading or refused with a reason. */
export const DRAFT_FORMAT = 1;

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
