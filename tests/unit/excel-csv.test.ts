/**
 * The app's one CSV writer (season report, SIBIL, rejected lines, segment exports): read back
 * with Papa.parse, an independent reader, and compared with bytes written out by hand.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvLines, excelCsv } from '../../shared/excel-csv.js';

const readBack = (csv: string) => Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data;

describe('excelCsv', () => {
  it('escapes a formula followed by a line break, which papaparse’s escapeFormulae let through', () => {
    const cells = readBack(excelCsv(['Contenu'], [['=HYPERLINK("http://x")\nsuite'], ['@SUM(A1)\r\n']])).slice(1).flat();
    expect(cells).toEqual(['\'=HYPERLINK("http://x")\nsuite', "'@SUM(A1)\r\n"]);
  });

  it('writes an empty table as its header line alone, with no blank record after it', () => {
    expect(excelCsv(['Fichier', 'Ligne'], [])).toBe('\ufeffFichier;Ligne\r\n');
  });

  it('quotes only a cell holding the separator, a quote or a line break, and escapes without quoting', () => {
    expect(excelCsv(['a', 'b', 'c'], [['Roméo; Juliette', 'Le "Cid"', '=1+1'], ['x,y', ' espace ', '+33612345678']])).toBe(
      '\ufeffa;b;c\r\n"Roméo; Juliette";"Le ""Cid""";\'=1+1\r\nx,y; espace ;+33612345678\r\n',
    );
  });
});

describe('csvLines', () => {
  it('writes the cells as given with the separator asked for, CRLF after every line', () => {
    expect(csvLines([['Email Address', 'City'], ['-2', 'Paris, 1er']], ',')).toBe('Email Address,City\r\n-2,"Paris, 1er"\r\n');
  });
});
