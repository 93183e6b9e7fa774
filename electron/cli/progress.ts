/**
 * A long engine call (an import, an archiving) with its percentage on stderr — one line,
 * rewritten as it moves — and Ctrl+C asking the engine to cancel it. Silent with --json: the
 * standard error then carries only errors.
 */
import type { EngineEvent } from '../../shared/contract.js';
import type { EngineClient } from '../engine/client.js';

export interface ProgressIo {
  stderr: (text: string) => void;
  onInterrupt?: (handler: () => void) => () => void;
}

export interface ProgressOptions {
  json: boolean;
  cancel: 'imports.cancel' | 'archives.cancel';
  /** What an event of this call says: its percentage and the line to show; null for other events. */
  describe: (event: EngineEvent) => { percent: number; text: string } | null;
}

export async function withProgress<T>(engine: EngineClient, io: ProgressIo, options: ProgressOptions, run: () => Promise<T>): Promise<T> {
  let last = -1;
  const stop = engine.on((event) => {
    if (options.json) return;
    const progress = options.describe(event);
    if (!progress || progress.percent === last) return;
    last = progress.percent;
    io.stderr(`\r${progress.text}`);
  });
  const stopInterrupt = io.onInterrupt?.(() => {
    io.stderr('\nAnnulation demandée…\n');
    void engine.call(options.cancel, {});
  });
  try {
    return await run();
  } finally {
    // What follows (the summary, or the error) starts on a line of its own.
    if (last >= 0) io.stderr('\n');
    stop();
    stopInterrupt?.();
  }
}
