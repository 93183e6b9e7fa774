/**
 * Writes text to a file in Windows-1252, in chunks of about a megabyte: the text of a
 * million-line export never sits in memory at once, and the disk write waits when the stream
 * asks it to (backpressure).
 */
import iconv from 'iconv-lite';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK_CHARS = 1 << 20;

export class Cp1252Writer {
  private readonly stream: WriteStream;
  private pending = '';
  private written = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  /** Adds text; returns a promise only when a chunk went to disk (await it to honour backpressure). */
  write(text: string): Promise<void> | undefined {
    this.pending += text;
    if (this.pending.length < CHUNK_CHARS) return undefined;
    return this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.pending) return;
    const bytes = iconv.encode(this.pending, 'win1252');
    this.pending = '';
    this.written += bytes.length;
    if (!this.stream.write(bytes)) await once(this.stream, 'drain');
  }

  /** Flushes what is left and closes the file; resolves to the number of bytes written. */
  async close(): Promise<number> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    return this.written;
  }

  /** Closes the file after a failure, without flushing. */
  destroy(): void {
    this.stream.destroy();
  }
}
