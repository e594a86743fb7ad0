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
/** Inputs whose keys are not typing: they take Enter or Space, not the arrows or PageUp/PageDown a clicker sends. */
const PRESSED = new Set(['checkbox', 'button', 'submit', 'reset']);

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

/** Whether `e` is the focused field's own key: typing in a text field or a list, or Space or Enter on a checkbox. */
function fieldKey(target: HTMLElement, e: KeyboardEvent): boolean {
  if (target.isContentEditable) return true;
  if (!TYPING.has(target.tagName)) return false;
  if (target instanceof HTMLInputElement && PRESSED.has(target.type))
    return (e.key === ' ' || e.key === 'Enter') && !clicked(target, e);
  return !clicked(target, e);
}

/**
 * Page-wide stepping keys while `on`. Presentation clickers send PageUp/PageDown (some send arrows), so those and
 * Space work wherever focus is, except in text fields and lists and while a dialog is open, whose keys are its own;
 * Enter on a focused button and Space on a checkbox reached by Tab keep their usual meaning.
 */
export function useStepKeys(keys: StepKeys, on = true) {
  const latest = useRef({ keys, on });
  useEffect(() => {
    latest.current = { keys, on };
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!latest.current.on || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      // An open dialog's keys are its own wherever focus is (a click on its text leaves it on the page's body).
      if (document.querySelector('dialog[open]') || (target && fieldKey(target, e))) return;
      if (target && ACTIVATES.has(target.tagName) && e.key === 'Enter') return;
      const k = latest.current.keys;
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
