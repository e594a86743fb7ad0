import { describe, expect, it } from 'vitest';
import {
  detectDateOrder,
  parseZone,
  readSpreadsheetTime,
  type TimeRules,
  timeShape,
  zoneFromHeader,
  zoneText,
} from './spreadsheet-time';

const utc: TimeRules = { zone: { kind: 'utc' } };
const taipei: TimeRules = { zone: { kind: 'offset', minutes: 480 } };
const berlin: TimeRules = { zone: { kind: 'iana', name: 'Europe/Berlin' } };
const newYork: TimeRules = { zone: { kind: 'iana', name: 'America/New_York' } };

describe('readSpreadsheetTime', () => {
  it.each<[string, TimeRules, string, string]>([
    ['2024-03-04 08:12:33', utc, '2024-03-04T08:12:33.000Z', 'second'],
    ['2024-03-04T08:12:33', utc, '2024-03-04T08:12:33.000Z', 'second'],
    ['2024-03-04 08:12', utc, '2024-03-04T08:12:00.000Z', 'minute'],
    ['2024-03-04', utc, '2024-03-04T00:00:00.000Z', 'day'],
    ['2024-03-04', {}, '2024-03-04T00:00:00.000Z', 'day'],
    ['2024-3-4 8:12', utc, '2024-03-04T08:12:00.000Z', 'minute'],
    ['2024-03-04 08:12:33', taipei, '2024-03-04T00:12:33.000Z', 'second'],
    [
      '2024-03-04 08:12:33',
      { zone: { kind: 'offset', minutes: -330 } },
      '2024-03-04T13:42:33.000Z',
      'second',
    ],
    // Winter and summer time in one IANA zone.
    ['2024-01-15 12:00', berlin, '2024-01-15T11:00:00.000Z', 'minute'],
    ['2024-07-15 12:00', berlin, '2024-07-15T10:00:00.000Z', 'minute'],
    ['2024-03-10 12:00', newYork, '2024-03-10T16:00:00.000Z', 'minute'],
    // A written offset wins over the chosen zone.
    ['2024-03-04T08:12:33+02:00', taipei, '2024-03-04T06:12:33.000Z', 'second'],
    ['2024-03-04T08:12:33Z', {}, '2024-03-04T08:12:33.000Z', 'second'],
    ['03/04/2024 08:12', { ...utc, dateOrder: 'mdy' }, '2024-03-04T08:12:00.000Z', 'minute'],
    ['03/04/2024 08:12', { ...utc, dateOrder: 'dmy' }, '2024-04-03T08:12:00.000Z', 'minute'],
    ['25/12/2024 23:59:59', utc, '2024-12-25T23:59:59.000Z', 'second'],
    ['12/25/2024', {}, '2024-12-25T00:00:00.000Z', 'day'],
    ['3/4/2024 1:05 PM', { ...utc, dateOrder: 'mdy' }, '2024-03-04T13:05:00.000Z', 'minute'],
    ['3/4/2024 12:05 AM', { ...utc, dateOrder: 'mdy' }, '2024-03-04T00:05:00.000Z', 'minute'],
    ['04.03.2024 08:12', { ...utc, dateOrder: 'dmy' }, '2024-03-04T08:12:00.000Z', 'minute'],
    // Excel serial dates: whole days, and days with a time of day.
    ['45355', {}, '2024-03-04T00:00:00.000Z', 'day'],
    ['45355.3420486111', utc, '2024-03-04T08:12:33.000Z', 'second'],
    ['45355.3420486111', taipei, '2024-03-04T00:12:33.000Z', 'second'],
    ['1709539953', {}, '2024-03-04T08:12:33.000Z', 'second'],
    ['1709539953000', {}, '2024-03-04T08:12:33.000Z', 'second'],
  ])('%s in %j is %s at %s precision', (text, rules, iso, precision) => {
    expect(readSpreadsheetTime(text, rules)).toMatchObject({ ms: Date.parse(iso), precision });
  });

  it.each<[string, TimeRules, RegExp]>([
    ['2024-03-04 08:12:33', {}, /has no zone/],
    ['03/04/2024 08:12', utc, /month\/day or day\/month/],
    ['2024-02-30 10:00', utc, /not a real calendar time/],
    ['13/13/2024', utc, /not a real calendar time|month\/day/],
    ['1969-12-31T23:59:59Z', {}, /between 1970 and 2100/],
    ['2100-01-01', {}, /between 1970 and 2100/],
    ['12000', {}, /between 1970 and 2100/],
    ['yesterday at noon', utc, /is not a time/],
  ])('%s in %j is refused: %s', (text, rules, message) => {
    expect(readSpreadsheetTime(text, rules)).toMatchObject({
      message: expect.stringMatching(message),
    });
  });
});

describe('zones', () => {
  it.each([
    ['Timestamp (UTC)', 'UTC'],
    ['Time UTC', 'UTC'],
    ['time_z', undefined],
    ['Time Z', 'UTC'],
    ['Local time (+08:00)', '+08:00'],
    ['Time UTC-5', '-05:00'],
    ['Time [Europe/Berlin]', 'Europe/Berlin'],
    ['Timestamp', undefined],
    ['Date', undefined],
  ])('the header %j names %s', (header, zone) => {
    const found = zoneFromHeader(header);
    expect(found && zoneText(found)).toBe(zone);
  });

  it.each(['UTC', '+08:00', '-05:30', 'Asia/Taipei'])('%s reads back as itself', (text) => {
    expect(zoneText(parseZone(text)!)).toBe(text);
  });

  it.each(['Mars/Olympus', '+25:00', 'Berlin time', ''])('%j is no zone', (text) => {
    expect(parseZone(text)).toBeUndefined();
  });
});

describe('detectDateOrder and timeShape', () => {
  it.each([
    [['03/04/2024', '25/04/2024'], 'dmy'],
    [['03/04/2024', '04/25/2024'], 'mdy'],
    [['03/04/2024', '04/05/2024'], 'ambiguous'],
    [['25/04/2024', '04/25/2024'], 'conflicting'],
  ])('%j is %s', (cells, order) => {
    expect(detectDateOrder(cells)).toBe(order);
  });

  it.each([
    ['2024-03-04 08:12', 'iso'],
    ['03/04/2024', 'slashed'],
    ['45355.5', 'excel'],
    ['1709539953', 'epoch'],
    ['noon', 'other'],
  ])('%s is written as %s', (text, shape) => {
    expect(timeShape(text)).toBe(shape);
  });
});
