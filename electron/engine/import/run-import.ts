/**
 * One import: every file read into the database in ONE transaction (BEGIN IMMEDIATE … COMMIT;
 * ROLLBACK on any error, a cancellation or a dry run), customers files first, then performances,
 * then ticket lines; then the reversal matching pass and the indicator tables, still inside it.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { HandlerInput } from '../../../shared/contract.js';
import type { FileKind, ImportField } from '../../../shared/import-fields.js';
import type { ImportFileSummary, ImportSummary } from '../../../shared/types.js';
import { WEAK_CONFIDENCE } from '../../../shared/import-proposal-types.js';
import type { EngineContext } from '../context.js';
import { BadFileError, EngineError } from '../errors.js';
import { commitThenCheckpointInBackground } from '../background-checkpoint.js';
import { checkForeignKeys } from './write/bulk-foreign-keys.js';
import { rebuildAggregates, recomputeSeasons } from '../kpi/aggregates.js';
import { getSeasonStartMonth, getSetting, setSetting } from '../settings.js';
import { CUSTOMER_COLUMNS, CUSTOMER_SHARED_COLUMNS, customerDerived } from './read/customer-line.js';
import { importFile, PARSE_WORKER_FROM_BYTES } from './import-file.js';
import { inspectFile, type FileLayout } from './propose/inspect.js';
import { localNow } from './local-time.js';
import { fieldLabel } from './propose/mapping.js';
import { PERFORMANCE_COLUMNS, SHOW_COLUMNS } from './read/performance-line.js';
import { findPresetByName, savePreset } from './propose/presets-store.js';
import { ProgressReporter } from './progress.js';
import { RejectLog } from './write/rejects.js';
import { OrderStore } from './write/order-store.js';
import { ParseWorkers } from './read/parse-client.js';
import { matchReversals } from './write/reversals.js';
import { backupBeforeImport } from '../archives/backups.js';
import { guardImportAgainstArchives } from '../archives/import-guard.js';
import { EntityStore } from './write/stores.js';
import { TicketStore } from './write/ticket-store.js';

/** SQLite's page cache during an import: 8 MB (negative: in KiB). */
const IMPORT_CACHE_SIZE = -8192;

const KIND_ORDER: Record<FileKind, number> = { customers: 0, performances: 1, tickets: 2 };

async function layoutFiles(input: HandlerInput<'imports.run'>, ctx: EngineContext): Promise<FileLayout[]> {
  const preset = input.preset ? findPresetByName(ctx.db.orm, input.preset) : null;
  if (input.preset && !preset) throw new EngineError('NOT_FOUND', `Préréglage introuvable : « ${input.preset} ».`);
  const layouts: FileLayout[] = [];
  for (const file of input.files) {
    const layout = await inspectFile(file.path, file.name ?? basename(file.path), ctx.db.orm, {
      kind: file.kind,
      mapping: file.mapping,
      dayFirst: file.dayFirst,
      amountMode: file.amountMode,
      preset,
    });
    if (layout.headerCut) {
      throw new BadFileError(
        `« ${layout.name} » s'arrête au milieu de sa ligne d'en-tête (ligne ${layout.headerLine}), sans aucune ligne de données : le fichier est tronqué ; réexportez-le.`,
        { file: layout.name, line: layout.headerLine },
      );
    }
    if (layout.missingRequired.length > 0) {
      const missing = layout.missingRequired.map((f) => `« ${fieldLabel(f as never)} »${candidatesFor(layout, f as ImportField)}`).join(', ');
      throw new BadFileError(
        `« ${layout.name} » : colonne obligatoire absente pour un fichier de ${KIND_NAMES[layout.kind]} : ${missing}. ` +
          `Indiquez la colonne dans l'assistant, ou en ligne de commande avec --map CHAMP=COLONNE.`,
        { file: layout.name, line: layout.headerLine },
      );
    }
    layouts.push(layout);
  }
  // Customers first, then performances, then ticket lines; files of one kind keep their order.
  return layouts.map((l, i) => ({ l, i })).sort((a, b) => KIND_ORDER[a.l.kind] - KIND_ORDER[b.l.kind] || a.i - b.i).map((x) => x.l);
}

/** The unused columns whose values could hold `field`: « (colonnes possibles : « Total » (montants)) ». */
function candidatesFor(layout: FileLayout, field: ImportField): string {
  const wanted: Partial<Record<ImportField, string[]>> = {
    unitPrice: ['amount', 'integer'],
    performanceDate: ['date', 'datetime'],
  };
  const kinds = wanted[field] ?? [];
  const found = layout.unused.filter((u) => kinds.includes(layout.columns[u.index]?.kind ?? ''));
  const list = (found.length > 0 ? found : layout.unused).slice(0, 6);
  if (list.length === 0) return ' (aucune colonne inutilisée)';
  return ` (colonnes qui pourraient la contenir : ${list.map((u) => `« ${u.header} » (${u.description})`).join(', ')})`;
}

/**
 * In French: each unused column that looks like an identifier, a date or an amount, and each
 * field read from a column proposed with a weak confidence — nothing is left out or guessed silently.
 */
export function unusedWarnings(files: readonly FileLayout[]): string[] {
  return files.flatMap((f) => [
    ...(f.amount && f.amount.mode === null && f.amount.column !== null ? [undecidedAmountWarning(f, f.amount.column)] : []),
    ...f.unused.filter((u) => u.warn).map((u) => `« ${f.name} » : la colonne « ${u.header} » (${u.description}) n'est pas importée.`),
    ...f.proposals
      .filter((p) => p.confidence < WEAK_CONFIDENCE)
      .map((p) => `« ${f.name} » : « ${fieldLabel(p.field)} » lu dans la colonne « ${f.headers[p.column]} » sur une proposition peu sûre (${p.reason}).`),
  ]);
}

/**
 * The data could not tell a seat's price from a line's total: the column is read as its header
 * says (« Total » a line total, any other a seat's price), and the summary says so.
 */
function undecidedAmountWarning(f: FileLayout, column: number): string {
  const asLine = f.mapping.lineAmount === column;
  return (
    `« ${f.name} » : la colonne « ${f.headers[column]} » est lue comme ${asLine ? 'le montant de la ligne' : "le prix d'une place"} d'après son en-tête, ` +
    `sans preuve dans les données (${f.amount!.evidence}). Si c'est ${asLine ? "le prix d'une place" : 'le total de la ligne'}, ` +
    `réimportez avec --amount ${asLine ? 'unit' : 'line'} ou choisissez-le dans l'assistant.`
  );
}

/**
 * One currency per database: the first import whose amounts name one ($, £, CHF, €...) sets it;
 * a later file naming another is refused while the database holds tickets (their sums would mix).
 */
function settleCurrency(sqlite: EngineContext['db']['sqlite'], files: readonly FileLayout[]): void {
  for (const file of files) {
    if (!file.currency) continue;
    const current = getSetting(sqlite, 'currency');
    if (current === file.currency) continue;
    const hasTickets = sqlite.prepare('SELECT 1 FROM tickets LIMIT 1').get() !== undefined;
    if (current !== null && hasTickets) {
      throw new BadFileError(`« ${file.name} » : ses montants sont en ${file.currency}, ceux de la base en ${current} ; une base ne mélange pas deux monnaies.`, {
        file: file.name,
        line: file.headerLine,
      });
    }
    setSetting(sqlite, 'currency', file.currency);
  }
}

const KIND_NAMES: Record<FileKind, string> = { tickets: 'billets', customers: 'clients', performances: 'représentations' };

function presetNames(name: string, files: FileLayout[]): string[] {
  if (files.length === 1) return [name];
  const used = new Map<string, number>();
  return files.map((f) => {
    const base = `${name} (${KIND_NAMES[f.kind]})`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base} ${n}`;
  });
}

/** `options.parseWorkerFromBytes`: see PARSE_WORKER_FROM_BYTES (tests read a small file both ways). */
export async function runImport(
  input: HandlerInput<'imports.run'>,
  ctx: EngineContext,
  options: { parseWorkerFromBytes?: number } = {},
): Promise<ImportSummary> {
  // Started before the files are inspected (see ParseWorkers), stopped if no file needed it.
  const parseWorkers = new ParseWorkers(
    input.files.map((f) => f.path),
    options.parseWorkerFromBytes ?? PARSE_WORKER_FROM_BYTES,
  );
  try {
    return await importFiles(input, ctx, { ...options, parseWorkers });
  } finally {
    parseWorkers.close();
  }
}

async function importFiles(
  input: HandlerInput<'imports.run'>,
  ctx: EngineContext,
  options: { parseWorkerFromBytes?: number; parseWorkers: ParseWorkers },
): Promise<ImportSummary> {
  const started = Date.now();
  const startedAt = localNow();
  const { sqlite, orm } = ctx.db;
  const files = await layoutFiles(input, ctx);
  const dryRun = input.dryRun ?? false;
  const progress = new ProgressReporter(ctx, randomUUID(), files, files.reduce((sum, f) => sum + f.sizeBytes, 0));

  // An import dirties far more pages than any page cache holds; a large cache would only delay
  // their spill to the WAL, and a million-line import needs that memory for its stores.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${IMPORT_CACHE_SIZE}`);
  // Checked by set before the commit instead (bulk-foreign-keys.ts); settable outside a transaction only.
  sqlite.pragma('foreign_keys = OFF');
  if (!dryRun) backupBeforeImport(ctx);
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const archiveGuard = guardImportAgainstArchives(sqlite);
    if (input.seasonStartMonth !== undefined && input.seasonStartMonth !== getSeasonStartMonth(sqlite)) {
      setSetting(sqlite, 'seasonStartMonth', String(input.seasonStartMonth));
      recomputeSeasons(sqlite, input.seasonStartMonth);
    }
    const seasonStartMonth = getSeasonStartMonth(sqlite);
    settleCurrency(sqlite, files);
    const importId = Number(
      sqlite
        .prepare("INSERT INTO imports (started_at, files, preset, status) VALUES (?, '[]', ?, ?)")
        .run(startedAt, input.preset ?? files.find((f) => f.preset)?.preset ?? null, dryRun ? 'dry-run' : 'committed').lastInsertRowid,
    );
    const rejects = new RejectLog(sqlite, importId);
    const writer = {
      customers: new EntityStore(sqlite, {
        table: 'customers',
        columns: CUSTOMER_COLUMNS,
        derived: customerDerived(importId),
        shared: CUSTOMER_SHARED_COLUMNS,
        insertOnly: { columns: ['first_import_id'], values: () => [importId] },
      }),
      shows: new EntityStore(sqlite, { table: 'shows', columns: SHOW_COLUMNS }),
      performances: new EntityStore(sqlite, { table: 'performances', columns: PERFORMANCE_COLUMNS }),
      orders: new OrderStore(sqlite),
      tickets: new TicketStore(sqlite),
      seasonStartMonth,
      archived: { seasons: archiveGuard.archivedSeasons, lines: 0 },
    };

    const fileSummaries: ImportFileSummary[] = [];
    let linesRead = 0;
    for (const [fileIndex, file] of files.entries()) {
      const summary = await importFile(file, { ctx, writer, rejects, progress, fileIndex, linesBefore: linesRead, ...options });
      fileSummaries.push(summary);
      linesRead += summary.lines;
    }

    writer.orders.finish();
    writer.tickets.finish();
    progress.phase('matching', linesRead);
    const { matched } = matchReversals(sqlite, { onlyNewTickets: writer.tickets.allAsInserted });
    archiveGuard.finishWriting();
    progress.phase('indicators', linesRead);
    rebuildAggregates(sqlite);

    if (input.savePreset) {
      const names = presetNames(input.savePreset, files);
      files.forEach((f, i) => savePreset(orm, { name: names[i], kind: f.kind, headers: f.headers, mapping: f.mapping }, startedAt));
    }

    const reversalIds = [...writer.tickets.reversalIds];
    const summary: ImportSummary = {
      importId: dryRun ? null : importId,
      dryRun,
      files: fileSummaries,
      linesRead,
      rejected: rejects.total,
      seats: writer.tickets.seats,
      tickets: writer.tickets.counts,
      orders: writer.orders.counts,
      customers: writer.customers.counts,
      performances: writer.performances.counts,
      shows: writer.shows.counts,
      reversals: {
        matched: reversalIds.filter((id) => matched.has(id)).length,
        unmatched: reversalIds.filter((id) => !matched.has(id)).length,
      },
      rejects: rejects.first,
      warnings: unusedWarnings(files),
      archivedLines: writer.archived.lines,
      durationMs: 0,
    };
    summary.durationMs = Date.now() - started;
    sqlite
      .prepare('UPDATE imports SET finished_at = ?, files = ?, lines_read = ?, rejected = ?, summary = ? WHERE id = ?')
      .run(localNow(), JSON.stringify(fileSummaries), linesRead, rejects.total, JSON.stringify(summary), importId);

    checkForeignKeys(sqlite);
    if (dryRun) sqlite.exec('ROLLBACK');
    else void commitThenCheckpointInBackground(sqlite, () => sqlite.exec('COMMIT'));
    progress.phase('done', linesRead);
    return summary;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma('foreign_keys = ON');
  }
}
