import { useLayoutEffect } from 'react';

/** Ends index.html's busy state with the first commit (its bar shows only while the root is empty and busy). */
export function NotBusy({ root }: { root: HTMLElement }) {
  useLayoutEffect(() => {
    root.removeAttribute('aria-busy');
  }, [root]);
  return null;
}
