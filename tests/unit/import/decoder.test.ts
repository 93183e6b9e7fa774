/** The Windows-1252 decoding (Latin-1 plus a fix-up of 0x80–0x9F) against iconv-lite, its reference. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252, fixWindows1252, nextC1, StreamDecoder } from '../../../electron/engine/import/read/decoder.js';

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

describe('Windows-1252', () => {
  it('decodes every byte value as iconv-lite does', () => {
    expect(decodeWindows1252(ALL_BYTES)).toBe(iconv.decode(ALL_BYTES, 'win1252'));
    for (let byte = 0; byte < 256; byte++) {
      const bytes = Buffer.from([0x41, byte, 0x42]);
      expect(decodeWindows1252(bytes), `byte 0x${byte.toString(16)}`).toBe(iconv.decode(bytes, 'win1252'));
    }
  });

  it('streams the same text, fixed whole or record by record', () => {
    const decoder = new StreamDecoder('windows-1252', true);
    const raw = decoder.decodeRaw(ALL_BYTES);
    expect(decoder.rawNeedsFix).toBe(true);
    expect(raw).toBe(ALL_BYTES.toString('latin1'));
    expect(fixWindows1252(raw)).toBe(iconv.decode(ALL_BYTES, 'win1252'));
    expect(new StreamDecoder('windows-1252', true).decode(ALL_BYTES)).toBe(iconv.decode(ALL_BYTES, 'win1252'));
    expect(nextC1(raw, 0)).toBe(0x80);
    expect(nextC1(raw, 0x9f)).toBe(0x9f);
    expect(nextC1(raw, 0xa0)).toBe(-1);
  });

  it('leaves UTF-8 text alone, C1 controls included', () => {
    const decoder = new StreamDecoder('utf-8', true);
    expect(decoder.decode(Buffer.from('\u0080€', 'utf8'))).toBe('\u0080€');
    expect(decoder.rawNeedsFix).toBe(false);
  });

  it('an undecided file turns Windows-1252 at its first high byte, the text before staying as read', () => {
    const decoder = new StreamDecoder('utf-8', false);
    expect(decoder.decodeRaw(Buffer.from('abc;'))).toBe('abc;');
    expect(decoder.rawNeedsFix).toBe(false);
    expect(fixWindows1252(decoder.decodeRaw(Buffer.from([0x80, 0xe9])))).toBe('€é');
    expect(decoder.rawNeedsFix).toBe(true);
    expect(decoder.encoding).toBe('windows-1252');
  });
});
