/** Import progress events, at most every ~100 ms or ~1 MB, plus the phase changes and a final one. */
import type { ImportProgress } from '../../../shared/types.js';
import type { EngineContext } from '../context.js';

const INTERVAL_MS = 100;
const INTERVAL_BYTES = 1 << 20;
/** The share of the bar the reading takes; matching and indicators share the rest. */
const READING_PERCENT = 90;

export class ProgressReporter {
  private lastAt = 0;
  private lastBytes = -INTERVAL_BYTES;
  /** Bytes of the files already read. */
  private doneBytes = 0;

  constructor(
    private readonly ctx: EngineContext,
    private readonly importId: string,
    private readonly files: { name: string; sizeBytes: number }[],
    private readonly totalBytes: number,
  ) {}

  private emit(fileIndex: number, linesRead: number, bytesRead: number, phase: ImportProgress['phase'], percent: number) {
    this.lastAt = Date.now();
    this.lastBytes = bytesRead;
    this.ctx.emit({
      type: 'import.progress',
      progress: {
        importId: this.importId,
        file: this.files[fileIndex]?.name ?? '',
        fileIndex,
        fileCount: this.files.length,
        linesRead,
        bytesRead,
        totalBytes: this.totalBytes,
        percent: Math.min(100, Math.round(percent * 10) / 10),
        phase,
      },
    });
  }

  /** While reading file `fileIndex`: `fileBytes` of it read so far. */
  reading(fileIndex: number, fileBytes: number, linesRead: number, force = false): void {
    const bytesRead = this.doneBytes + fileBytes;
    if (!force && Date.now() - this.lastAt < INTERVAL_MS && bytesRead - this.lastBytes < INTERVAL_BYTES) return;
    this.emit(fileIndex, linesRead, bytesRead, 'reading', (bytesRead / Math.max(1, this.totalBytes)) * READING_PERCENT);
  }

  fileDone(fileBytes: number): void {
    this.doneBytes += fileBytes;
  }

  phase(phase: 'matching' | 'indicators' | 'done', linesRead: number): void {
    const percent = phase === 'matching' ? READING_PERCENT : phase === 'indicators' ? 95 : 100;
    this.emit(this.files.length - 1, linesRead, this.totalBytes, phase, percent);
  }
}
