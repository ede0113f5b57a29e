import { describe, expect, it } from 'vitest';
import { headerKey, personalDataKind } from '../../scripts/followup/export-columns.js';
import { ageAt, convertScope, parseAge, parseDate, parseNumber, parseUnit } from '../../scripts/followup/read-values.js';

describe('dates in an export', () => {
  it.each([
    ['01-02-2024', '2024-02-01'],
    ['1.2.2024', '2024-02-01'],
    ['01/02/2024', '2024-02-01'],
    ['2024-02-01', '2024-02-01'],
    ['2024-02-01T00:00:00', '2024-02-01'],
    ['01-02-2024 00:00', '2024-02-01'],
    [' 29-02-2024 ', '2024-02-29'],
    [new Date(Date.UTC(2024, 1, 1)), '2024-02-01'],
    [45323, '2024-02-01'],
  ])('%s is %s', (cell, iso) => expect(parseDate(cell)).toBe(iso));

  it.each(['29-02-2023', '31-04-2024', '2024-13-01', '01-02-24', '1. februar 2024', 'i morgen', '', '01-02.2024'])('»%s« is not a date', (cell) =>
    expect(parseDate(cell)).toBeUndefined(),
  );

  it('an age is counted in whole years up to the day before the birthday', () => {
    expect(ageAt('2010-06-15', '2024-06-14')).toBe(13);
    expect(ageAt('2010-06-15', '2024-06-15')).toBe(14);
  });
});

describe('numbers in an export', () => {
  it.each([
    ['1.234,50', 1234.5],
    ['1.234', 1234],
    ['2,5', 2.5],
    ['2.5', 2.5],
    ['1,234.50', 1234.5],
    ['12 345,00', 12345],
    ['kr. 450', 450],
    ['450 kr.', 450],
    ['1.234,-', 1234],
    ['-100', -100],
    [3, 3],
  ])('%s is %s', (cell, value) => expect(parseNumber(cell)).toBe(value));

  it.each(['ca. 500', '1.23.4', '2,5,6', 'mange', ''])('»%s« is not a number', (cell) => expect(parseNumber(cell)).toBeUndefined());

  it('an age may say »år«, but not be negative or above 120', () => {
    expect(parseAge('7 år')).toBe(7);
    expect(parseAge('-1')).toBeUndefined();
    expect(parseAge('130')).toBeUndefined();
  });
});

describe('units of scope', () => {
  it.each([
    ['timer om ugen', { quantity: 'timer', per: 'uge' }],
    ['Timer pr. uge', { quantity: 'timer', per: 'uge' }],
    ['t/uge', { quantity: 'timer', per: 'uge' }],
    ['timer pr. md.', { quantity: 'timer', per: 'måned' }],
    ['døgn/måned', { quantity: 'døgn', per: 'måned' }],
    ['sessioner ugentligt', { quantity: 'sessioner', per: 'uge' }],
    ['samtaler i alt', { quantity: 'samtaler', per: 'i alt' }],
    ['Timer', { quantity: 'timer' }],
  ])('»%s« is read', (text, unit) => expect(parseUnit(text)).toEqual(unit));

  it('»stk« is no unit', () => expect(parseUnit('stk')).toBeUndefined());

  it('converts week and month by 52/12 and nothing else', () => {
    expect(convertScope(13, { quantity: 'timer', per: 'måned' }, 'timer om ugen')).toBe(3);
    expect(convertScope(3, { quantity: 'timer', per: 'uge' }, 'timer om måneden')).toBe(13);
    expect(convertScope(4, { quantity: 'timer' }, 'timer om ugen')).toBe(4);
    expect(convertScope(4, undefined, 'døgn om måneden')).toBe(4);
    expect(convertScope(4, { quantity: 'døgn', per: 'måned' }, 'timer om ugen')).toBeUndefined();
    expect(convertScope(4, { quantity: 'samtaler', per: 'uge' }, 'samtaler i alt')).toBeUndefined();
    expect(convertScope(4, { quantity: 'timer', per: 'uge' }, undefined)).toBeUndefined();
  });
});

describe('headers', () => {
  it('compares headers by letters and digits only', () => expect(headerKey(' Sags-nr. ')).toBe(headerKey('sagsnr')));

  it.each([
    ['CPR-nr.', 'cpr'],
    ['Personnummer', 'cpr'],
    ['Barnets CPR', 'cpr'],
    ['Navn', 'other'],
    ['Forældres navne', 'other'],
    ['Efternavn', 'other'],
    ['Folkeregisteradresse', 'other'],
    ['Vejnavn', 'other'],
    ['Mobilnummer', 'other'],
    ['Tlf.', 'other'],
    ['E-mail', 'other'],
    ['Indsatsnavn', undefined],
    ['Ydelseskode', undefined],
    ['Startdato', undefined],
    ['Vejledning', undefined],
  ])('»%s« is personal data: %s', (header, kind) => expect(personalDataKind(header)).toBe(kind));
});
