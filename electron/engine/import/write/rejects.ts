/** Lines an import could not read: written to `import_rejects` in the import's transaction. */
import type Database from 'better-sqlite3';
import type { ImportReject } from '../../../../shared/types.js';

/** A line that cannot be read: thrown by the line readers, caught by the file loop. */
export class LineReject extends Error {
  constructor(
    readonly reason: string,
    /** 0-based column index in the file, or null when the whole line is at fault. */
    readonly columnIndex: number | null,
  ) {
    super(reason);
  }
}

/** How many rejects the summary carries; every one is in `import_rejects`. */
const SUMMARY_REJECTS = 50;

export class RejectLog {
  total = 0;
  readonly first: ImportReject[] = [];
  private readonly insert: Database.Statement;

  constructor(
    sqlite: Database.Database,
    private readonly importId: number,
  ) {
    this.insert = sqlite.prepare('INSERT INTO import_rejects (import_id, file, line, "column", raw, reason) VALUES (?, ?, ?, ?, ?, ?)');
  }

  add(reject: ImportReject): void {
    this.total++;
    if (this.first.length < SUMMARY_REJECTS) this.first.push(reject);
    this.insert.run(this.importId, reject.file, reject.line, reject.column, reject.raw, reject.reason);
  }
}
