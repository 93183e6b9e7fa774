/** Imports: inspect files, run an import (or a dry run), cancel it, and read the history and rejects. */
import { count, desc, eq } from 'drizzle-orm';
import { basename } from 'node:path';
import { importRejects, imports } from '../../../db/schema.js';
import type { ImportFileSummary, ImportRecord, ImportSummary } from '../../../shared/types.js';
import type { HandlerTable } from '../context.js';
import { inspectFiles } from '../import/propose/inspect.js';
import { runImport } from '../import/run-import.js';

export const importHandlers: HandlerTable<
  'imports.inspect' | 'imports.run' | 'imports.cancel' | 'imports.list' | 'imports.rejects'
> = {
  // Every path is checked against the path policy first; the name shown stays the one the caller
  // gave (or the file's own), never the canonical path.
  'imports.inspect': async ({ paths, names }, ctx) => {
    const files = await inspectFiles(
      paths.map((path) => ctx.paths.readable(path)),
      paths.map((path, i) => names?.[i] || basename(path)),
      ctx,
    );
    // The caller gets back the paths it gave, which it passes on to imports.run.
    return { files: files.map((file, i) => ({ ...file, path: paths[i] })) };
  },
  'imports.run': (input, ctx) =>
    runImport(
      {
        ...input,
        files: input.files.map((file) => ({ ...file, path: ctx.paths.readable(file.path), name: file.name ?? basename(file.path) })),
      },
      ctx,
    ),
  'imports.cancel': (_input, ctx) => ({ cancelled: ctx.cancelRunning() }),
  'imports.list': (_input, { db }) =>
    db.orm
      .select()
      .from(imports)
      .where(eq(imports.status, 'committed'))
      .orderBy(desc(imports.id))
      .all()
      .map(
        (row): ImportRecord => ({
          id: row.id,
          startedAt: row.startedAt,
          finishedAt: row.finishedAt,
          files: JSON.parse(row.files) as ImportFileSummary[],
          preset: row.preset,
          linesRead: row.linesRead,
          rejected: row.rejected,
          summary: JSON.parse(row.summary) as ImportSummary,
        }),
      ),
  'imports.rejects': ({ importId, offset, limit }, { db }) => {
    const where = eq(importRejects.importId, importId);
    const total = db.orm.select({ n: count() }).from(importRejects).where(where).get()?.n ?? 0;
    const rows = db.orm
      .select({
        file: importRejects.file,
        line: importRejects.line,
        column: importRejects.column,
        reason: importRejects.reason,
        raw: importRejects.raw,
      })
      .from(importRejects)
      .where(where)
      .orderBy(importRejects.id)
      .limit(limit)
      .offset(offset)
      .all();
    return { total, rows };
  },
};
