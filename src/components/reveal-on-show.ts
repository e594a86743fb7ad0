/** A ref that brings a message into view as it appears, in whatever box scrolls it (the lists editor's). */
export const revealOnShow = (el: HTMLElement | null) => el?.scrollIntoView({ block: 'nearest' });
