/**
 * Bytes → text, chunk by chunk, in the file's encoding. A file whose first bytes are plain ASCII
 * is undecided until its first non-ASCII byte: that chunk is valid UTF-8 or it is Windows-1252
 * (both read ASCII the same, so nothing read before changes). Node's TextDecoder reads
 * `windows-1252` as Latin-1 (0x80 is not €), so iconv-lite decodes that one.
 */
import iconv from 'iconv-lite';
import type { Encoding } from '../../../shared/types.js';
import { hasHighBytes, isValidUtf8 } from './detect.js';

export class MixedEncodingError extends Error {}

export class StreamDecoder {
  private utf8 = new TextDecoder('utf-8', { fatal: true });
  private win1252: ReturnType<typeof iconv.getDecoder> | null = null;
  private settled: boolean;

  constructor(
    public encoding: Encoding,
    /** False when the sample was plain ASCII: the encoding is only a guess until a high byte comes. */
    settled: boolean,
  ) {
    this.settled = settled || encoding !== 'utf-8';
    if (encoding === 'windows-1252') this.win1252 = iconv.getDecoder('win1252');
  }

  decode(bytes: Uint8Array, final = false): string {
    if (!this.settled && hasHighBytes(bytes)) {
      this.settled = true;
      if (!isValidUtf8(bytes, final)) {
        this.encoding = 'windows-1252';
        this.win1252 = iconv.getDecoder('win1252');
      }
    }
    if (this.win1252) return this.win1252.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    try {
      return this.utf8.decode(bytes, { stream: !final });
    } catch {
      throw new MixedEncodingError('invalid UTF-8');
    }
  }

  end(): string {
    if (this.win1252) return this.win1252.end() ?? '';
    try {
      return this.utf8.decode();
    } catch {
      throw new MixedEncodingError('truncated UTF-8');
    }
  }
}
