/**
 * The one contract between the app (renderer, command line) and the engine: each call name maps
 * to a zod schema of its single input object and to the type of its output. The dispatcher
 * validates every input against it; the renderer's api.ts and the CLI are typed from it. There is
 * no other list of calls anywhere.
 */
import { z } from 'zod';
import { FILE_KINDS, IMPORT_FIELDS, upgradeMapping } from './import-fields.js';
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

/** Pairs an input schema with an output type (the output exists only for the type checker). */
const call =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });

const empty = z.object({}).strict();
// A mapping written with an earlier field name (`amount`) is read with today's (`unitPrice`).
const mapping = z.preprocess(
  (value) => (value && typeof value === 'object' && !Array.isArray(value) ? upgradeMapping(value as Record<string, unknown>) : value),
  z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0)),
);
const seasonStartMonth = z.number().int().min(1).max(12);

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

export const contract = {
  'app.info': call<AppInfo>()(empty),
  'settings.get': call<{ seasonStartMonth: number }>()(empty),
  'settings.set': call<{ seasonStartMonth: number }>()(z.object({ seasonStartMonth }).strict()),

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
  'demo.load': call<ImportSummary>()(empty),

  /** The native file chooser: answered by the desktop shell (electron/desktop/ipc.ts), refused by the engine. */
  'dialog.openFiles': call<{ paths: string[] }>()(z.object({}).strict()),
  /**
   * The path of a file dropped on the desktop window: answered by the preload itself (only it may
   * call Electron's webUtils.getPathForFile; a File cannot cross IPC), never by the engine.
   */
  'dialog.pathOfDroppedFile': call<{ path: string }>()(z.object({ file: z.unknown() }).strict()),

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
  /** A native menu item the window must act on (the desktop shell sends these, not the engine). */
  | { type: 'menu'; action: 'import' | 'print' | 'about' };

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
