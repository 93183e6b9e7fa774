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

export class MixedEncodingError extends Error {}

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
      throw new MixedEncodingError('invalid UTF-8');
    }
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
      throw new MixedEncodingError('truncated UTF-8');
    }
  }
}
