// What an imported file rarely says outright: outcomes in everyday words, technique ids, defenders, phase colours.
import type { EventFile } from '../incident';

// A Map, not an object literal: a cell reading "constructor" must find no outcome, not Object's constructor.
export const OUTCOMES = new Map<string, EventFile['outcome']>([
  ['succeeded', 'succeeded'],
  ['success', 'succeeded'],
  ['successful', 'succeeded'],
  ['ok', 'succeeded'],
  ['allowed', 'succeeded'],
  ['failed', 'failed'],
  ['failure', 'failed'],
  ['fail', 'failed'],
  ['denied', 'failed'],
  ['blocked', 'failed'],
  ['unknown', 'unknown'],
]);

export const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;

// Imported files rarely say whose side an actor is on: a few words mark defenders, anyone else counts as the adversary.
export const DEFENDER =
  /\b(soc|defenders?|responders?|analysts?|security|blue team|incident response)\b/i;

export const PALETTE = [
  '#c0392b',
  '#d35400',
  '#8e44ad',
  '#2471a3',
  '#1e8449',
  '#117a65',
  '#7f8c8d',
  '#b7950b',
];

export const UNKNOWN = 'Unknown';
/** How the placeholder reads, in each language the app speaks. */
export const UNKNOWN_LABEL = { en: 'Unknown', 'zh-Hant': '不明' };
