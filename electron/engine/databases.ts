/**
 * The database the engine works on, switchable at runtime: the venue's own (the file the app was
 * started with), or the demonstration database kept apart in `<dataDir>/demo/`, so that the demo's
 * 14,000 customers never mix with a venue's real ones (issue 9). Every handler reads `current`
 * through its context at the moment it runs; calls run one at a time (dispatcher.ts), so a switch
 * never happens under a running call.
 *
 * The own database stays open while the demo is: leaving the demo is instant, and whoever holds
 * it (a test, the command line) keeps a working handle. The demo database is closed when left,
 * once the background checkpoints of its last import have ended (background-checkpoint.ts).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type OpenDatabase } from '../../db/open.js';
import type { DatabaseKind } from '../../shared/database-types.js';
import { backgroundCheckpointsSettled } from './background-checkpoint.js';

export const DEMO_DATABASE_NAME = 'parterre-demo.sqlite';

/** Where the demonstration database of a data folder lives. */
export function demoDatabasePath(dataDir: string): string {
  return join(dataDir, 'demo', DEMO_DATABASE_NAME);
}

export class Databases {
  private demo: OpenDatabase | null = null;
  private ownDatabase: OpenDatabase;

  constructor(
    own: OpenDatabase,
    readonly dataDir: string,
  ) {
    this.ownDatabase = own;
  }

  /** The venue's own database: a new connection after a restore (reopenCurrent). */
  get own(): OpenDatabase {
    return this.ownDatabase;
  }

  get current(): OpenDatabase {
    return this.demo ?? this.own;
  }

  get kind(): DatabaseKind {
    return this.demo ? 'demo' : 'own';
  }

  get demoPath(): string {
    return demoDatabasePath(this.dataDir);
  }

  /** Opens (creating and migrating if new) the demonstration database and works on it. */
  openDemo(): OpenDatabase {
    this.demo ??= openDatabase(this.demoPath);
    return this.demo;
  }

  /** Back to the venue's own database; the demo's file stays, for a later visit. */
  async leaveDemo(): Promise<OpenDatabase> {
    const demo = this.demo;
    this.demo = null;
    if (demo) {
      await backgroundCheckpointsSettled();
      demo.sqlite.close();
    }
    return this.own;
  }

  /**
   * Closes the database open now, lets `replaceFiles` change its files on disk (a restore), and
   * opens them in its place (migrating an older file). The previous connection stays closed: every
   * handler reads `current` afresh. If opening fails, the error is thrown and `current` is the
   * closed connection until the caller puts files back and calls this again (restore.ts does).
   */
  async reopenCurrent(replaceFiles: (path: string) => void): Promise<OpenDatabase> {
    const previous = this.current;
    // A checkpoint thread still holding the file would write its log back over the new one.
    await backgroundCheckpointsSettled();
    previous.sqlite.close();
    replaceFiles(previous.path);
    const reopened = openDatabase(previous.path);
    if (this.demo) this.demo = reopened;
    else this.ownDatabase = reopened;
    return reopened;
  }

  /** Closes both (the engine is stopping). */
  async close(): Promise<void> {
    await this.leaveDemo();
    this.own.sqlite.close();
  }
}

/** The size of a database on disk, its write-ahead log included. */
export function databaseBytes(path: string): number {
  let bytes = 0;
  for (const file of [path, `${path}-wal`]) {
    try {
      bytes += statSync(file).size;
    } catch {
      // No log (checkpointed and removed), or an in-memory database.
    }
  }
  return bytes;
}
