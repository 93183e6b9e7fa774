/** The segments' small pure rules: département of a postal code, formula escaping, phone numbers. */
import { describe, expect, it } from 'vitest';
import { escapeFormula } from '../../../shared/excel-csv.js';
import { internationalPhone, isMobile } from '../../../electron/engine/segments/export/phone.js';
import { monthsBefore } from '../../../electron/engine/segments/compile.js';
import { departementOfPostalCode } from '../../../shared/segments-departement.js';

describe('departementOfPostalCode', () => {
  it('takes two digits, Corsica 2A / 2B, overseas three', () => {
    expect(departementOfPostalCode('75001')).toBe('75');
    expect(departementOfPostalCode('01000')).toBe('01');
    expect(departementOfPostalCode('20000')).toBe('2A');
    expect(departementOfPostalCode('20199')).toBe('2A');
    expect(departementOfPostalCode('20200')).toBe('2B');
    expect(departementOfPostalCode('20600')).toBe('2B');
    expect(departementOfPostalCode('97110')).toBe('971');
    expect(departementOfPostalCode('97600')).toBe('976');
    expect(departementOfPostalCode(' 69 001 ')).toBe('69');
    expect(departementOfPostalCode('B-1000')).toBeNull();
    expect(departementOfPostalCode(null)).toBeNull();
  });
});

describe('escapeFormula', () => {
  it('defuses =, +, -, @, tab and carriage return, and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(escapeFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(escapeFormula('Dupont')).toBe('Dupont');
    expect(escapeFormula('')).toBe('');
    expect(escapeFormula('a=b')).toBe('a=b');
    expect(escapeFormula('+33612345678')).toBe('+33612345678'); // a phone number in international form is data
    expect(escapeFormula('+33612345678+1')).toBe("'+33612345678+1");
  });
});

describe('internationalPhone', () => {
  it('writes French and foreign numbers in E.164, and knows a mobile', () => {
    expect(internationalPhone('06 12 34 56 78')).toBe('+33612345678');
    expect(internationalPhone('06.12.34.56.78')).toBe('+33612345678');
    expect(internationalPhone('+33 (0)6 12 34 56 78')).toBe('+33612345678');
    expect(internationalPhone('0044 7700 900123')).toBe('+447700900123');
    expect(internationalPhone('12')).toBeNull();
    expect(isMobile('+33612345678')).toBe(true);
    expect(isMobile('+33145000000')).toBe(false);
    expect(isMobile('+447700900123')).toBe(true);
  });
});

describe('monthsBefore', () => {
  it('counts calendar months back', () => {
    expect(monthsBefore('2024-11-20', 12)).toBe('2023-11-20');
    expect(monthsBefore('2024-11-20', 18)).toBe('2023-05-20');
    expect(monthsBefore('2024-01-15', 1)).toBe('2023-12-15');
  });
});
