import { useEffect, useEffectEvent } from 'react';
import type { Messages } from '../i18n/en';
import {
  addEvent,
  deleteEvent,
  lastStart,
  moveEvent,
  updateEvent,
  type DraftDoc,
} from '../model/draft';
import { declareEventLanguages } from '../model/event-edits';
import { positionOfId } from '../model/event-lookup';
import type { EventFile } from '../model/incident';
import type { ViewState } from '../model/view-state';
import type { DraftSession } from '../store/draft-session';
import type { SetView } from './use-view-state';

const HOUR = 3_600_000;

/** What the editor can do to the open draft, each change one undo step; the selected event is the URL's. */
export function useEditor(
  session: DraftSession | undefined,
  doc: DraftDoc | undefined,
  view: ViewState,
  setView: SetView,
  lang: string,
  t: Messages,
) {
  const change = (next: DraftDoc, key?: string) => session?.change(next, key);
  const select = (id: string | undefined) =>
    setView((s) => ({ ...s, event: id }), { replace: true });

  const add = (startMs: number, lane?: string) => {
    if (!doc) return;
    const inLane =
      lane === undefined
        ? {}
        : view.group === 'system'
          ? { system: lane }
          : view.group === 'actor'
            ? { actor: lane }
            : {};
    const r = addEvent(doc, { title: t.editor.newEvent, lang, startMs, ...inLane });
    change(r.doc);
    select(r.id);
  };

  /** An hour after the last event, or now when no event has a real time: near the others, and easy to correct. */
  const addAfterLast = () => {
    const last = doc && lastStart(doc.file.events);
    add(last === undefined ? Date.now() : last + HOUR);
  };

  const update = (id: string, fn: (e: EventFile) => EventFile, key?: string) => {
    if (!doc) return;
    const r = updateEvent(doc, id, fn, lang);
    // Keyed by the event's place, not its id: an added event's id follows its title, so typing a title renamed it
    // at each keystroke and each one was an undo step of its own.
    const at = positionOfId(doc.file.events, id);
    change(declareEventLanguages(r.doc, r.id), key && `${at}:${key}`);
    if (r.id !== id) select(r.id);
  };

  const remove = (id: string) => {
    if (!doc) return;
    change(deleteEvent(doc, id));
    // The selection as the URL has it now: this render's can be older (an event added, then deleted at once).
    setView((s) => (s.event === id ? { ...s, event: undefined } : s), { replace: true });
  };

  const move = (
    id: string,
    startMs: number,
    lastMs: number | undefined,
    from?: string,
    to?: string,
  ) => {
    if (!doc) return;
    let next = moveEvent(doc, id, startMs, lastMs);
    if (from !== undefined && to !== undefined && from !== to) {
      const g = view.group;
      next = updateEvent(
        next,
        id,
        (e) =>
          g === 'system'
            ? { ...e, systems: [...new Set(e.systems.map((s) => (s === from ? to : s)))] }
            : g === 'actor'
              ? { ...e, actor: to }
              : g === 'phase'
                ? { ...e, phase: to }
                : g === 'action'
                  ? { ...e, action: to }
                  : e,
        lang,
      ).doc;
    }
    change(next);
  };

  const selected = view.event;
  // Undo and redo can rename the selected event (the same title typing, taken back): the selection follows it by its
  // place in the list, instead of the form closing on an id that is gone.
  const history = (go: 'undo' | 'redo') => {
    if (!session) return;
    const before = session.snapshot().doc?.file.events ?? [];
    if (go === 'undo') session.undo();
    else session.redo();
    const after = session.snapshot().doc?.file.events ?? [];
    if (after.length === before.length + 1) {
      // A delete undone (or an add redone) brings its event back selected, as it was when it went.
      const back = after.find((e) => positionOfId(before, e.id) < 0);
      if (back) select(back.id);
    }
    if (after.length !== before.length) return;
    // The selection as the URL has it now: a key pressed right after typing can come before the render of its id.
    setView(
      (s) => {
        const at = s.event === undefined ? -1 : positionOfId(before, s.event);
        const renamed = at >= 0 && positionOfId(after, s.event!) < 0;
        return renamed ? { ...s, event: after[at]!.id } : s;
      },
      { replace: true },
    );
  };
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (!session) return;
    const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select');
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      // The draft's own history, also inside a field, so one undo never splits between the browser's and ours.
      e.preventDefault();
      history(e.shiftKey ? 'redo' : 'undo');
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'y') {
      e.preventDefault();
      history('redo');
    } else if (e.key === 'Delete' && !typing && selected !== undefined) {
      e.preventDefault();
      const snapshot = session.snapshot().doc;
      if (snapshot) session.change(deleteEvent(snapshot, selected));
    }
  });
  useEffect(() => {
    if (!session) return;
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [session]);

  return {
    add,
    addAfterLast,
    update,
    remove,
    move,
    change,
    undo: () => history('undo'),
    redo: () => history('redo'),
  };
}
