/**
 * Writes a Windows-1252 file in chunks of about a megabyte: the text of a million-line export
 * never sits in memory at once, and the disk write waits when the stream asks it to
 * (backpressure).
 *
 * Speed: encoding 250 MB character by character is most of the generation time, yet the export
 * repeats the same few thousand cells (names, titles, halls). So every distinct cell is encoded
 * once, by iconv-lite, into a "byte string" (one character per Windows-1252 byte, see
 * `cp1252Bytes`), lines are assembled from those and ASCII digits, and a chunk goes to disk
 * through Node's native latin1 conversion, which maps each such character back to its byte.
 */
import iconv from 'iconv-lite';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK_CHARS = 1 << 20;

/** `Théâtre’s` → the Windows-1252 bytes of it, one character per byte (`’` becomes `\x92`). */
export function cp1252Bytes(text: string): string {
  return iconv.encode(text, 'win1252').toString('latin1');
}

export class Cp1252Writer {
  private readonly stream: WriteStream;
  private pending = '';
  private written = 0;
  /** The stream's failure (a file that exists under `wx`, a full disk), thrown by the next write or close. */
  private failure: Error | null = null;

  /** `wx` refuses a file that exists already. */
  constructor(path: string, flags: 'w' | 'wx' = 'w') {
    this.stream = createWriteStream(path, { flags });
    // Without a listener, a stream error would be thrown out of nowhere and end the thread.
    this.stream.on('error', (error) => (this.failure ??= error));
  }

  /**
   * Adds a byte string (made of `cp1252Bytes` pieces and ASCII); returns a promise only when a
   * chunk went to disk (await it to honour backpressure).
   */
  write(text: string): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    this.pending += text;
    if (this.pending.length < CHUNK_CHARS) return undefined;
    return this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.pending) return;
    const bytes = Buffer.from(this.pending, 'latin1');
    this.pending = '';
    this.written += bytes.length;
    if (!this.stream.write(bytes)) await once(this.stream, 'drain');
  }

  /** Flushes what is left and closes the file; resolves to the number of bytes written. */
  async close(): Promise<number> {
    await this.flush();
    if (this.failure) throw this.failure;
    this.stream.end();
    await once(this.stream, 'finish');
    return this.written;
  }

  /** Closes the file after a failure, without flushing. */
  destroy(): void {
    this.stream.destroy();
  }
}
