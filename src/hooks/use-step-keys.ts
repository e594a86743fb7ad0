import { useEffect, useRef } from 'react';

export interface StepKeys {
  next: () => void;
  previous: () => void;
  first: () => void;
  last: () => void;
  /** 1-based phase number from the digit keys; 0 is the tenth. */
  phase: (n: number) => void;
}

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);

// The element that took focus from a pointer (a click), not from the keyboard.
let pointerDown = false;
let clickedFocus: EventTarget | null = null;

/**
 * Space on a checkbox that was clicked, not reached by keyboard: a step, as after a clicked button, rather than
 * unticking the tag the facilitator just set. (The browser's :focus-visible turns on with the key press itself.)
 */
const clicked = (target: HTMLElement, e: KeyboardEvent) =>
  e.key === ' ' &&
  target === clickedFocus &&
  target instanceof HTMLInputElement &&
  target.type === 'checkbox';

/**
 * Page-wide stepping keys. Presentation clickers send PageUp/PageDown (some send arrows), so those and Space work
 * wherever focus is, except in form fields; Enter on a focused button keeps its usual meaning.
 */
export function useStepKeys(keys: StepKeys) {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable) && !clicked(target, e))
        return;
      if (target && ACTIVATES.has(target.tagName) && e.key === 'Enter') return;
      const k = latest.current;
      const action: (() => void) | undefined = {
        ArrowRight: k.next,
        PageDown: k.next,
        ' ': k.next,
        ArrowLeft: k.previous,
        PageUp: k.previous,
        Home: k.first,
        End: k.last,
      }[e.key];
      if (action) action();
      else if (/^[0-9]$/.test(e.key)) k.phase(Number(e.key) || 10);
      else return;
      e.preventDefault();
    };
    // Focus that comes after a press, before any key (a click on a tag or on its label), is the pointer's; a key
    // press (Tab) makes the next focus the keyboard's, also after a click on no control.
    const onPointerDown = () => (pointerDown = true);
    const onAnyKey = () => (pointerDown = false);
    const onFocusIn = (e: FocusEvent) => {
      clickedFocus = pointerDown ? e.target : null;
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('keydown', onAnyKey, true);
    window.addEventListener('focusin', onFocusIn, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('keydown', onAnyKey, true);
      window.removeEventListener('focusin', onFocusIn, true);
    };
  }, []);
}
