// zod's own problems kept without the file's values, so that zod's locale of a UI language can say them again.
import type { z } from 'zod';
import { util } from 'zod/v4/core';
import zhTW from 'zod/v4/locales/zh-TW.js';

/**
 * A zod issue as a problem keeps it: structured-cloneable, without `input` (the file's value it is about) but
 * with that value's type (`received`), and without what the problem holds already (its path and English message).
 */
export type KeptIssue = { code: string; received: string } & Record<string, unknown>;

/** zod's messages in the UI languages other than English. */
const zodLocales: Partial<Record<string, z.core.$ZodErrorMap>> = {
  'zh-Hant': zhTW().localeError,
};

// Left out: the problem's own fields, and a union's or a map's issues within, each with its input and unsaid.
const LEFT_OUT = new Set(['input', 'path', 'message', 'errors', 'issues']);

/** `issue` as a problem keeps it; its `input` is there when parsed with `reportInput`. */
export function keepIssue(issue: z.core.$ZodIssue & { input?: unknown }): KeptIssue {
  const kept: KeptIssue = { code: issue.code, received: util.parsedType(issue.input) };
  for (const [key, value] of Object.entries(issue)) if (!LEFT_OUT.has(key)) kept[key] = value;
  return kept;
}

// zod's locales read a value's type from the value itself (util.parsedType): one of that type stands in for it.
const STAND_INS = new Map<string, unknown>([
  ['undefined', undefined],
  ['null', null],
  ['string', ''],
  ['number', 0],
  ['nan', NaN],
  ['boolean', false],
  ['array', []],
  ['object', {}],
]);

/**
 * A kept issue in `lang`'s words, as zod's locale for it says the issue itself; undefined where zod has no locale
 * here, or for a value of a type JSON has not (the problem's English message stays).
 */
export function sayIssue(kept: KeptIssue, lang: string): string | undefined {
  const say = zodLocales[lang];
  const { received, ...issue } = kept;
  if (!say || !STAND_INS.has(received)) return undefined;
  const said = say({ ...issue, input: STAND_INS.get(received) } as z.core.$ZodRawIssue);
  return typeof said === 'string' ? said : said?.message;
}
