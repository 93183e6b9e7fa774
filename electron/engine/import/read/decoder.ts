/**
 * Bytes → text, chunk by chunk, in the file's encoding. A file whose first bytes are plain ASCII
 * is undecided until its first non-ASCII byte: that chunk is valid UTF-8 or it is Windows-1252
 * (both read ASCII the same, so nothing read before changes).
 *
 * Windows-1252 is Latin-1 except for the bytes 0x80–0x9F, so it is decoded by Buffer's native
 * `latin1` path (fast, and it gives one-byte strings, half the memory) and only those code points
 * are replaced afterwards. Node's TextDecoder cannot help: it reads `windows-1252` as Latin-1
 * (0x80 is not €). iconv-lite stays the reference: a unit test compares all 256 byte values.
 */
import type { Encoding } from '../../../../shared/types.js';
import { hasHighBytes, isValidUtf8 } from '../propose/detect.js';

/** Bytes that are not UTF-8 in a file read as UTF-8; `offset` is the first one's in its chunk (-1: a character cut by the end of the file). */
export class MixedEncodingError extends Error {
  constructor(
    readonly offset: number,
    readonly byte: number | null,
  ) {
    super(offset < 0 ? 'truncated UTF-8' : 'invalid UTF-8');
  }

  /** In French, for the user: the byte, in hexadecimal as an editor shows it. */
  describe(): string {
    return this.byte === null ? 'caractère UTF-8 coupé' : `octet 0x${this.byte.toString(16).toUpperCase().padStart(2, '0')} illisible en UTF-8`;
  }
}

/**
 * Index of the first byte of `bytes` that starts no valid UTF-8 sequence (RFC 3629: no overlong
 * form, no surrogate, nothing above U+10FFFF), or -1. Up to three leading continuation bytes are
 * taken for the end of a character begun before `bytes`; a sequence cut by the end is valid.
 * Used only to say where a decoding failed, so it favours clarity over speed.
 */
export function invalidUtf8At(bytes: Uint8Array): number {
  let i = 0;
  while (i < 3 && i < bytes.length && (bytes[i] & 0xc0) === 0x80) i++;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return -1;
      const c = bytes[i + k];
      if (c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F, in order; the five bytes the code page leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) give U+FFFD, as iconv-lite does. Each is one UTF-16
 * unit, so a fix-up never changes a text's length (positions stay valid).
 */
const WINDOWS_1252_C1 =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
const C1 = /[\u0080-\u009f]/g;
const c1Char = (c: string) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80];

/** Latin-1 text (as `latin1` decoding gives it) → the Windows-1252 text of the same bytes. */
export function fixWindows1252(latin1: string): string {
  return latin1.replace(C1, c1Char);
}

/** Index of the first character at or after `from` that `fixWindows1252` would replace, or -1. */
export function nextC1(text: string, from: number): number {
  C1.lastIndex = from;
  return C1.exec(text)?.index ?? -1;
}

export function decodeWindows1252(bytes: Uint8Array): string {
  return fixWindows1252(latin1(bytes));
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export class StreamDecoder {
  private utf8 = new TextDecoder('utf-8', { fatal: true });
  private settled: boolean;
  /** Windows-1252, decoded as Latin-1 by `decodeRaw` (see `rawNeedsFix`). */
  private win1252: boolean;

  constructor(
    public encoding: Encoding,
    /** False when the sample was plain ASCII: the encoding is only a guess until a high byte comes. */
    settled: boolean,
  ) {
    this.settled = settled || encoding !== 'utf-8';
    this.win1252 = encoding === 'windows-1252';
  }

  /**
   * True when the text of `decodeRaw` is Latin-1 that `fixWindows1252` must still correct: the
   * streaming reader fixes only the records that hold such a character. Once true, it stays true
   * (text decoded earlier was plain ASCII).
   */
  get rawNeedsFix(): boolean {
    return this.win1252;
  }

  /** The text of `bytes`, Windows-1252's C1 range left as Latin-1 (see `rawNeedsFix`). */
  decodeRaw(bytes: Uint8Array, final = false): string {
    if (!this.settled && hasHighBytes(bytes)) {
      this.settled = true;
      if (!isValidUtf8(bytes, final)) {
        this.encoding = 'windows-1252';
        this.win1252 = true;
      }
    }
    if (this.win1252) return latin1(bytes);
    try {
      return this.utf8.decode(bytes, { stream: !final });
    } catch {
      const at = Math.max(0, invalidUtf8At(bytes));
      throw new MixedEncodingError(at, bytes[at] ?? null);
    }
  }

  /** The text of `bytes[0, end)`, for a message: read without failing, nothing kept for later. */
  decodePrefix(bytes: Uint8Array, end: number): string {
    const prefix = bytes.subarray(0, Math.max(0, end));
    return this.win1252 ? latin1(prefix) : new TextDecoder('utf-8').decode(prefix);
  }

  decode(bytes: Uint8Array, final = false): string {
    const text = this.decodeRaw(bytes, final);
    return this.win1252 ? fixWindows1252(text) : text;
  }

  end(): string {
    // Windows-1252 is one byte per character: nothing is ever pending.
    if (this.win1252) return '';
    try {
      return this.utf8.decode();
    } catch {
      throw new MixedEncodingError(-1, null);
    }
  }
}
