/**
 * The one contract between the app (renderer, command line) and the engine: each call name maps
 * to a zod schema of its single input object and to the type of its output. The dispatcher
 * validates every input against it; the renderer's api.ts and the CLI are typed from it. There is
 * no other list of calls anywhere.
 */
import { z } from 'zod';
import { FILE_KINDS, IMPORT_FIELDS, upgradeMapping } from './import-fields.js';
import { CONSENT_CHANNELS, criteriaSchema } from './segments-criteria.js';
import {
  AFFINITY_KINDS,
  EXPORT_FORMATS,
  type AffinityResult,
  type ExportLogEntry,
  type ExportResult,
  type OverlapResult,
  type PrintList,
  type ReadySegment,
  type SegmentCount,
  type SegmentOptions,
  type SegmentRecord,
  type WaterfallStep,
} from './segments-types.js';
import { QUARTER_PATTERN, SIBIL_DOMAINS, type SibilDeclaration, type SibilQuarterSummary } from './sibil.js';
import type {
  AppInfo,
  CustomerRecord,
  CustomerSummary,
  FileInspection,
  ImportRecord,
  ImportReject,
  ImportSummary,
  Preset,
  Quartiles,
  SeasonIndicators,
} from './types.js';
import type { DatabaseInfo } from './database-types.js';
import { TARIFF_KINDS, type TariffRow } from './tariff-types.js';
import type { AppSettings, SeasonStartPreview } from './settings-types.js';
import type { SeasonReport } from './report-types.js';
import type { ArchiveList, ArchiveProgress, ArchiveResult, ArchiveVerification, BackupResult, RestoreResult } from './archives-types.js';

/** Pairs an input schema with an output type (the output exists only for the type checker). */
const call =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });

const empty = z.object({}).strict();
/** What a folder is chosen for in the desktop app: a backup's destination, or a backup to restore. */
export const FOLDER_PURPOSES = ['backup', 'restore'] as const;
export type FolderPurpose = (typeof FOLDER_PURPOSES)[number];
// A mapping written with an earlier field name (`amount`) is read with today's (`unitPrice`).
const mapping = z.preprocess(
  (value) => (value && typeof value === 'object' && !Array.isArray(value) ? upgradeMapping(value as Record<string, unknown>) : value),
  z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0)),
);
const seasonStartMonth = z.number().int().min(1).max(12);
/** `2024-T4` or `2024-Q4`. */
const quarter = z.string().regex(QUARTER_PATTERN, { message: 'Un trimestre s’écrit 2024-T4 (ou 2024-Q4).' });

export const importFileInput = z
  .object({
    path: z.string().min(1),
    /** The name shown to the user (browser-mode uploads live under a temporary path). */
    name: z.string().min(1).optional(),
    kind: z.enum(FILE_KINDS).optional(),
    mapping: mapping.optional(),
    dayFirst: z.boolean().optional(),
    /** What the one amount column holds: the price of a seat or the line's total (overrides the proposal). */
    amountMode: z.enum(['unit', 'line']).optional(),
  })
  .strict();

const segmentId = z.number().int().positive();
/** A saved segment or a criteria tree (exactly one of them). */
const segmentTarget = { id: segmentId.optional(), criteria: criteriaSchema.optional() };
const oneTarget = (input: { id?: number; criteria?: unknown }) => (input.id === undefined) !== (input.criteria === undefined);
const oneTargetMessage = { message: 'donnez soit id (un segment enregistré), soit criteria (des critères)' };

export const contract = {
  'app.info': call<AppInfo>()(empty),
  'settings.get': call<AppSettings>()(empty),
  /** Changes the settings given and keeps the others; a new start month re-derives every season. */
  'settings.set': call<AppSettings>()(
    z.object({ seasonStartMonth: seasonStartMonth.optional(), venueName: z.string().trim().max(200).optional() }).strict(),
  ),

  'imports.inspect': call<{ files: FileInspection[] }>()(
    z.object({ paths: z.array(z.string().min(1)).min(1), names: z.array(z.string()).optional() }).strict(),
  ),
  'imports.run': call<ImportSummary>()(
    z
      .object({
        files: z.array(importFileInput).min(1),
        /** Apply this saved preset's mapping to files whose header it matches. */
        preset: z.string().min(1).optional(),
        /** Save each file's mapping as a preset under this name. */
        savePreset: z.string().min(1).optional(),
        seasonStartMonth: seasonStartMonth.optional(),
        /** Run everything, report the counts, and roll back. */
        dryRun: z.boolean().optional(),
      })
      .strict(),
  ),
  'imports.cancel': call<{ cancelled: boolean }>()(empty),
  'imports.list': call<ImportRecord[]>()(empty),
  'imports.rejects': call<{ total: number; rows: ImportReject[] }>()(
    z
      .object({
        importId: z.number().int().positive(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(100_000).default(500),
      })
      .strict(),
  ),

  'presets.list': call<Preset[]>()(empty),
  'presets.save': call<Preset>()(
    z
      .object({
        name: z.string().trim().min(1).max(100),
        kind: z.enum(FILE_KINDS),
        headers: z.array(z.string()).min(1),
        mapping,
      })
      .strict(),
  ),
  'presets.delete': call<{ deleted: boolean }>()(z.object({ name: z.string().min(1) }).strict()),

  'seasons.list': call<SeasonIndicators[]>()(empty),

  'customers.list': call<{ total: number; rows: CustomerSummary[] }>()(
    z
      .object({
        search: z.string().max(200).optional(),
        sort: z.enum(['ltv', 'orders', 'recency', 'name']).default('ltv'),
        /** ltv and orders sort highest first, recency most recent first, name A to Z, unless reversed. */
        reverse: z.boolean().default(false),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1_000_000).default(100),
        /** Only the customers of this saved segment. */
        segmentId: z.number().int().positive().optional(),
      })
      .strict(),
  ),
  'customers.get': call<CustomerRecord>()(
    z.union([z.object({ key: z.string().min(1) }).strict(), z.object({ id: z.number().int().positive() }).strict()]),
  ),
  'customers.quartiles': call<Quartiles>()(empty),

  'demo.generate': call<{ path: string; lines: number; bytes: number }>()(
    z
      .object({
        path: z.string().min(1),
        seed: z.number().int().optional(),
        /** Ticket lines to aim for (the default is the embedded demo's ~120,000). */
        lines: z.number().int().min(100).max(5_000_000).optional(),
      })
      .strict(),
  ),
  /** Opens the separate demonstration database, importing the demo into it the first time (summary null after). */
  'demo.load': call<{ summary: ImportSummary | null; database: DatabaseInfo }>()(empty),

  /** The native file chooser: answered by the desktop shell (electron/desktop/ipc.ts), refused by the engine. */
  'dialog.openFiles': call<{ paths: string[] }>()(z.object({}).strict()),
  /**
   * The path of a file dropped on the desktop window: answered by the preload itself (only it may
   * call Electron's webUtils.getPathForFile; a File cannot cross IPC), never by the engine.
   */
  'dialog.pathOfDroppedFile': call<{ path: string }>()(z.object({ file: z.unknown() }).strict()),
  /**
   * The native chooser of an archive file (« Ouvrir une archive… »): answered by the desktop shell,
   * which grants the engine the chosen file to read; refused by the engine. path null: cancelled.
   */
  'dialog.chooseArchive': call<{ path: string | null }>()(empty),
  /**
   * The native chooser of a folder: 'backup', the destination of « Sauvegarder vers… » (the user may
   * create it; granted to write new files in); 'restore', a backup folder (granted to read).
   * Answered by the desktop shell, refused by the engine. path null: cancelled.
   */
  'dialog.chooseFolder': call<{ path: string | null }>()(z.object({ purpose: z.enum(FOLDER_PURPOSES) }).strict()),

  // Tariff kinds and databases (issue 9): the user sets each tariff's kind; the demonstration
  // lives in a database of its own; a database can be emptied after a backup.
  'tariffs.list': call<TariffRow[]>()(empty),
  /** Sets and confirms the kinds of one or many tariffs; every figure is rebuilt in the same transaction. */
  'tariffs.setKind': call<TariffRow[]>()(
    z
      .object({
        tariffs: z
          .array(z.object({ id: z.number().int().positive(), kind: z.enum(TARIFF_KINDS) }).strict())
          .min(1)
          .max(100_000),
      })
      .strict(),
  ),
  'database.info': call<DatabaseInfo>()(empty),
  /** Backs the open database up into the data folder's backups/, then empties it in one transaction. */
  'database.empty': call<{ backupPath: string; database: DatabaseInfo }>()(empty),
  /** Back from the demonstration to the venue's own database. */
  'demo.leave': call<DatabaseInfo>()(empty),

  // Paramètres (issue 11): what a new season start month would change, shown before it is saved.
  'settings.previewSeasonStart': call<SeasonStartPreview>()(z.object({ seasonStartMonth }).strict()),

  // Season report (issue 11): the dashboard's and the report's figures, capacity editing, and
  // « Enregistrer en PDF », which the desktop shell answers (electron/desktop/ipc.ts).
  'reports.season': call<SeasonReport>()(
    z
      .object({
        /** A season label (« 2024-2025 »); the latest season when omitted. */
        season: z.string().trim().min(1).max(20).optional(),
      })
      .strict(),
  ),
  'performances.setCapacity': call<{ key: string; capacity: number | null }>()(
    z
      .object({
        /** The performance's source number. */
        key: z.string().min(1),
        /** Seats on sale; null clears it (the fill rate then shows « — »). */
        capacity: z.number().int().min(1).max(1_000_000).nullable(),
      })
      .strict(),
  ),
  'print.savePdf': call<{ path: string | null }>()(z.object({ fileName: z.string().trim().min(1).max(200) }).strict()),

  // ---- Segments (issue 12): electron/engine/handlers/segments.ts ----------------------------
  'segments.list': call<SegmentRecord[]>()(empty),
  'segments.get': call<SegmentRecord>()(z.object({ id: segmentId }).strict()),
  'segments.save': call<SegmentRecord>()(
    z.object({ id: segmentId.optional(), name: z.string().trim().min(1).max(200), criteria: criteriaSchema.optional() }).strict(),
  ),
  'segments.duplicate': call<SegmentRecord>()(z.object({ id: segmentId, name: z.string().trim().min(1).max(200).optional() }).strict()),
  'segments.delete': call<{ deleted: boolean }>()(z.object({ id: segmentId }).strict()),
  'segments.count': call<SegmentCount>()(
    z.object({ ...segmentTarget, sample: z.number().int().min(0).max(100).default(10) }).strict().refine(oneTarget, oneTargetMessage),
  ),
  'segments.waterfall': call<WaterfallStep[]>()(z.object(segmentTarget).strict().refine(oneTarget, oneTargetMessage)),
  'segments.overlap': call<OverlapResult>()(
    z
      .object({
        sets: z
          .array(z.union([z.object({ segmentId }).strict(), z.object({ show: z.string().min(1).max(10_000) }).strict()]))
          .min(2)
          .max(4),
      })
      .strict(),
  ),
  'segments.affinities': call<AffinityResult>()(
    z
      .object({
        kind: z.enum(AFFINITY_KINDS),
        value: z.string().min(1).max(10_000),
        minTogether: z.number().int().min(1).default(5),
        limit: z.number().int().min(1).max(500).default(30),
      })
      .strict(),
  ),
  'segments.options': call<SegmentOptions>()(empty),
  'segments.ready': call<ReadySegment[]>()(empty),
  'segments.export': call<ExportResult>()(
    z
      .object({
        ...segmentTarget,
        channel: z.enum(CONSENT_CHANNELS),
        format: z.enum(EXPORT_FORMATS),
        /** Leave out consents older than this many years (or undated). */
        maxConsentAgeYears: z.number().int().min(1).max(50).optional(),
        /** The file's name, for the log (the CLI's --out); a name is made up when omitted. */
        fileName: z.string().min(1).max(500).optional(),
      })
      .strict()
      .refine(oneTarget, oneTargetMessage),
  ),
  'segments.print': call<PrintList>()(
    z
      .object({ ...segmentTarget, channel: z.enum(CONSENT_CHANNELS), maxConsentAgeYears: z.number().int().min(1).max(50).optional() })
      .strict()
      .refine(oneTarget, oneTargetMessage),
  ),
  'segments.exportLog': call<ExportLogEntry[]>()(z.object({ limit: z.number().int().min(1).max(10_000).default(500) }).strict()),

  // Archives and backups (issue 13): shared/archives-types.ts, electron/engine/handlers/archives.ts.
  'archives.list': call<ArchiveList>()(empty),
  /** Moves the seasons (labels such as "2019-2020") to one new archive file, attached. */
  // `into`: an archive (its number, or its file) the seasons join: a new file then replaces it.
  'archives.archive': call<ArchiveResult>()(
    z.object({ seasons: z.array(z.string().min(1)).min(1), into: z.union([z.number().int(), z.string().min(1)]).optional() }).strict(),
  ),
  // « Regrouper »: one new file takes over these archives (numbers or files), their seasons unchanged.
  'archives.merge': call<ArchiveResult>()(z.object({ files: z.array(z.union([z.number().int(), z.string().min(1)])).min(2) }).strict()),
  'archives.cancel': call<{ cancelled: boolean }>()(empty),
  /** A listed file by id, or a path: a listed file, else a file from elsewhere opened read-only. */
  'archives.attach': call<ArchiveList>()(z.object({ id: z.number().int().optional(), path: z.string().min(1).optional() }).strict()),
  'archives.detach': call<ArchiveList>()(z.object({ id: z.number().int().optional(), path: z.string().min(1).optional() }).strict()),
  'archives.verify': call<ArchiveVerification>()(z.object({ id: z.number().int() }).strict()),
  /** « Ouvrir une archive… »: a file from elsewhere, used where it is, read-only. */
  'archives.open': call<ArchiveList>()(z.object({ path: z.string().min(1) }).strict()),
  'backups.save': call<BackupResult>()(z.object({ out: z.string().min(1) }).strict()),
  'backups.restore': call<RestoreResult>()(z.object({ folder: z.string().min(1) }).strict()),

  // SIBIL: the quarterly ticketing declaration (electron/engine/sibil/).
  'sibil.quarters': call<SibilQuarterSummary[]>()(empty),
  'sibil.declaration': call<SibilDeclaration>()(z.object({ quarter: quarter }).strict()),
  'sibil.setDomain': call<{ updated: boolean }>()(
    z.object({ showId: z.number().int().positive(), domain: z.enum(SIBIL_DOMAINS).nullable() }).strict(),
  ),
  'sibil.markDeclared': call<{ quarter: string; declaredAt: string; file: string | null }>()(
    z.object({ quarter, file: z.string().max(500).nullable().default(null) }).strict(),
  ),

  // Import proposal (issue 9): the one currency of the database's amounts (ISO code, EUR by default).
  'settings.currency': call<{ currency: string }>()(empty),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives (defaults applied). */
export type HandlerInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = Contract[N]['output'];

export type ErrorCode =
  | 'VALIDATION'
  | 'UNKNOWN_CALL'
  | 'NOT_FOUND'
  | 'BAD_FILE'
  | 'CANCELLED'
  | 'SCHEMA_TOO_NEW'
  | 'UNAUTHORIZED'
  /** The call exists, but not in this mode of the app (the native file chooser in browser mode). */
  | 'UNAVAILABLE'
  | 'INTERNAL';

export interface CallError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** Events the engine pushes while a call runs (import progress). */
export type EngineEvent =
  | { type: 'import.progress'; progress: import('./types.js').ImportProgress }
  | { type: 'archive.progress'; progress: ArchiveProgress }
  /** A native menu item the window must act on (the desktop shell sends these, not the engine). */
  | { type: 'menu'; action: 'import' | 'print' | 'about' };

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
