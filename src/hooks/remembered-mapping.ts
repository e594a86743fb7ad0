// The last mapping chosen for a CSV header, kept in this browser so the next file of the same shape needs no choices.
import { type ImportChoices, MAPPED_FIELDS } from '../model/formats/generic-csv';

const PREFIX = 'incident-timeline:mapping:';

const keyOf = (headers: readonly string[]) => `${PREFIX}${JSON.stringify(headers)}`;

/** The choices last made for exactly this header, if they still name its columns. */
export function rememberedMapping(headers: readonly string[]): Partial<ImportChoices> | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(keyOf(headers)) ?? 'null');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const choices = value as Partial<ImportChoices>;
    // Stored text is input like any other: a column it names must be one of this header's.
    const valid = MAPPED_FIELDS.every((f) => {
      const column: unknown = choices[f];
      return column === undefined || (typeof column === 'string' && headers.includes(column));
    });
    return valid ? choices : undefined;
  } catch {
    return undefined;
  }
}

export function rememberMapping(headers: readonly string[], choices: Partial<ImportChoices>): void {
  try {
    localStorage.setItem(keyOf(headers), JSON.stringify(choices));
  } catch {
    // Storage full or disabled: the mapping is then asked for again next time, which is no harm.
  }
}
