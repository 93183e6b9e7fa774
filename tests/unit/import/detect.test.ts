import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { StreamDecoder } from '../../../electron/engine/import/read/decoder.js';
import { countLineBreaks, detectEncoding, detectLayout, detectLineEnding, parseSample } from '../../../electron/engine/import/propose/detect.js';

const header = 'N° billet;Date représentation;Prix;Nom';

describe('encoding', () => {
  it('tells UTF-8 with a BOM, UTF-8 and Windows-1252 apart', () => {
    const utf8 = Buffer.from(`${header}\n`, 'utf8');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), true)).toBe('utf-8-bom');
    expect(detectEncoding(utf8, true)).toBe('utf-8');
    expect(detectEncoding(iconv.encode(`${header}\n`, 'win1252'), true)).toBe('windows-1252');
  });

  it('accepts a UTF-8 character cut at the end of an incomplete sample', () => {
    const bytes = Buffer.from('Hélène', 'utf8');
    expect(detectEncoding(bytes.subarray(0, 2), false)).toBe('utf-8');
  });

  it('decodes Windows-1252 with €, ’ and œ (not as Latin-1)', () => {
    const decoder = new StreamDecoder('windows-1252', true);
    expect(decoder.decode(Buffer.from([0x80, 0x92, 0x9c, 0xe9]))).toBe('€’œé');
  });

  it('settles an ASCII-looking file at its first high byte', () => {
    const win = new StreamDecoder('utf-8', false);
    expect(win.decode(Buffer.from('abc;'))).toBe('abc;');
    expect(win.decode(iconv.encode('Noël', 'win1252'))).toBe('Noël');
    expect(win.encoding).toBe('windows-1252');
    const utf = new StreamDecoder('utf-8', false);
    expect(utf.decode(Buffer.from('abc;'))).toBe('abc;');
    expect(utf.decode(Buffer.from('Noël', 'utf8'))).toBe('Noël');
    expect(utf.encoding).toBe('utf-8');
  });
});

describe('line endings, separators and header row', () => {
  it('finds CRLF, LF and lone CR', () => {
    expect(detectLineEnding('a;b\r\nc;d\r\n')).toBe('crlf');
    expect(detectLineEnding('a;b\nc;d\n')).toBe('lf');
    expect(detectLineEnding('a;b\rc;d\r')).toBe('cr');
  });

  it.each([';', ',', '\t', '|'] as const)('finds the separator %j', (separator) => {
    const text = [header.split(';').join(separator), ['B1', '14/03/2025', '12', 'Martin'].join(separator)].join('\n');
    const { layout } = detectLayout(text, '\n', true);
    expect(layout?.separator).toBe(separator);
    expect(layout?.rows[layout.headerIndex].cells).toEqual(header.split(';'));
  });

  it('skips title lines above the header and counts physical lines', () => {
    const text = 'Export Sirius du 14/03/2025\n\n' + header + '\nB1;14/03/2025;12,50;Martin\n';
    const { layout } = detectLayout(text, '\n', true);
    expect(layout?.separator).toBe(';');
    expect(layout?.rows[layout.headerIndex].line).toBe(3);
  });

  it('says when no separator splits the rows', () => {
    const { layout, separatorFound } = detectLayout('bonjour\nau revoir\n', '\n', true);
    expect(layout).toBeNull();
    expect(separatorFound).toBe(false);
  });

  it('says when rows split but no header is recognised', () => {
    const { layout, separatorFound } = detectLayout('a;b;c\n1;2;3\n', '\n', true);
    expect(layout).toBeNull();
    expect(separatorFound).toBe(true);
  });

  it('numbers records by the physical line they start on, quoted newlines included', () => {
    const text = 'Nom;Prix\n"Martin\nJean";12\nDurand;13\n';
    const rows = parseSample(text, ';', '\n', true);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5]);
    expect(rows[1].cells).toEqual(['Martin\nJean', '12']);
    expect(countLineBreaks('a\r\nb\rc\n', 0, 7)).toBe(3);
  });
});
