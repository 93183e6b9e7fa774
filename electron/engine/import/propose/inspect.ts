/**
 * What a file is, from its first megabyte: encoding, separator, line ending, header row, the
 * proposed (or preset, or given) mapping, its kind and whether dates are day-first. Used by
 * `imports.inspect` to show the user the mapping, and by the import before it streams the file.
 */
import { basename } from 'node:path';
import type { Orm } from '../../../../db/open.js';
import type { ColumnMapping, FileKind, ImportField } from '../../../../shared/import-fields.js';
import type { Encoding, FileInspection, Preset } from '../../../../shared/types.js';
import type { EngineContext } from '../../context.js';
import { BadFileError, EngineError } from '../../errors.js';
import { decodeWindows1252, invalidUtf8At } from '../read/decoder.js';
import { locateInText } from '../read/locate.js';
import { openImportFile } from '../read/open-file.js';
import { detectEncoding, detectLayout, detectLineEnding, hasHighBytes, hasNul, isValidUtf8, NEWLINES, parseSample, type SampleRow } from './detect.js';
import { detectKind, headerSignature, missingRequired, restrictMapping } from './mapping.js';
import type { AmountDecision, FieldProposal, MappingProposal } from '../../../../shared/import-proposal-types.js';
import { decideAmount, withAmountMode } from './amount-mode.js';
import { detectCurrency, detectDecimalMark } from './amount-format.js';
import { profileColumns, proposalsForMapping, proposeFromData } from './propose-mapping.js';
import { worthWarning, type ColumnStats } from './value-sniff.js';
import { findPresetForHeaders, mappingForHeaders, presetMatches, presetSignatures } from './presets-store.js';
import { leadingDateFields } from '../read/values.js';

export const SAMPLE_BYTES = 1 << 20;
const SAMPLE_ROWS = 20;
const DATE_FIELDS: ImportField[] = ['performanceDate', 'orderDate', 'consentEmailDate', 'consentSmsDate', 'consentPostDate', 'consentDate'];

export interface FileLayout extends FileInspection {
  /** False when the sample was plain ASCII and the encoding is still a guess. */
  encodingSettled: boolean;
  /** The file ends inside its header line (no line break after it): it was cut, an import refuses it. */
  headerCut: boolean;
}

export interface InspectOptions {
  kind?: FileKind;
  mapping?: ColumnMapping;
  dayFirst?: boolean;
  /** What the one amount column holds, when the user said it (`--amount`). */
  amountMode?: 'unit' | 'line';
  /** A preset the user chose: applied when its header matches. */
  preset?: Preset | null;
  /**
   * When no row names a field, take the first row as the header so that the user can map the
   * columns by hand (imports.inspect); an import without a mapping refuses such a file.
   */
  firstRowFallback?: boolean;
}

async function readSample(path: string, name: string): Promise<{ bytes: Uint8Array; size: number }> {
  const { handle, size } = await openImportFile(path, name);
  try {
    const buffer = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

function decodeSample(bytes: Uint8Array, encoding: Encoding, complete: boolean): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder('utf-8').decode(bytes, { stream: !complete });
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Day-first unless a date field's second number goes above 12 while no first number does. */
export function proveDayFirst(rows: SampleRow[], mapping: ColumnMapping): boolean {
  const columns = DATE_FIELDS.map((f) => mapping[f]).filter((c): c is number => c !== undefined);
  let firstAbove12 = false;
  let secondAbove12 = false;
  for (const { cells } of rows) {
    for (const column of columns) {
      const text = cells[column]?.trim();
      const fields = text ? leadingDateFields(text) : null;
      if (!fields) continue;
      if (fields[0] > 12) firstAbove12 = true;
      if (fields[1] > 12) secondAbove12 = true;
    }
  }
  return !(secondAbove12 && !firstAbove12);
}

export async function inspectFile(path: string, name: string, orm: Orm, options: InspectOptions = {}): Promise<FileLayout> {
  const { bytes, size } = await readSample(path, name);
  const complete = bytes.length >= size;
  if (hasNul(bytes)) {
    const at = bytes.indexOf(0);
    const line = 1 + locateInText(Buffer.from(bytes.buffer, bytes.byteOffset, at).toString('latin1'), '').breaks;
    throw new BadFileError(`« ${name} », ligne ${line} : octet nul (octet ${at + 1} du fichier) — ce n'est pas un fichier texte : exportez-le en CSV.`, { file: name, line });
  }
  const encoding = detectEncoding(bytes, complete);
  const text = decodeSample(bytes, encoding, complete);
  if (text.trim() === '') throw new BadFileError(`« ${name} » est vide.`, { file: name });

  const lineEnding = detectLineEnding(text);
  const newline = NEWLINES[lineEnding];
  const signatures = presetSignatures(orm);
  if (options.preset) signatures.add(headerSignature(options.preset.headers));
  const maxColumn = options.mapping ? Math.max(-1, ...Object.values(options.mapping)) : -1;
  const { layout, separatorFound } = detectLayout(
    text,
    newline,
    complete,
    (cells) => (maxColumn >= 0 && cells.length > maxColumn && cells.some((c) => c.trim() !== '')) || signatures.has(headerSignature(cells.map((c) => c.trim()))),
    options.firstRowFallback ?? false,
  );
  if (encoding === 'utf-8-bom') refuseInvalidUtf8(name, bytes, complete, layout?.separator ?? '');
  if (!layout) {
    throw new BadFileError(
      separatorFound
        ? `« ${name} » : aucune ligne d'en-tête reconnue dans les premières lignes (attendu des colonnes comme « Date représentation », « Prix », « Nom »).`
        : `« ${name} » : aucun séparateur de colonnes reconnu (point-virgule, virgule, tabulation ou barre verticale).`,
      { file: name, line: 1 },
    );
  }
  const headerRow = layout.rows[layout.headerIndex];
  const headers = headerRow.cells.map((h) => h.trim());
  const dataRows = parseSample(text, layout.separator, newline, complete).filter((r) => r.line > headerRow.line && !isBlank(r.cells));

  const rows = dataRows.map((r) => r.cells);

  let preset: Preset | null = null;
  let mapping: ColumnMapping;
  let proposals: FieldProposal[];
  let profiles: ColumnStats[];
  let origin: 'user' | 'preset' | 'proposal';
  if (options.mapping) {
    for (const [field, column] of Object.entries(options.mapping)) {
      if (column >= headers.length) {
        throw new EngineError('VALIDATION', `« ${name} » : le champ ${field} est associé à la colonne ${column + 1}, mais le fichier n'en a que ${headers.length}.`);
      }
    }
    mapping = { ...options.mapping };
    origin = 'user';
    proposals = proposalsForMapping(mapping, headers, 'donné explicitement');
    profiles = profileColumns(headers, rows);
  } else {
    preset = options.preset && presetMatches(options.preset, headers) ? options.preset : findPresetForHeaders(orm, headers);
    if (preset) {
      mapping = mappingForHeaders(toByName(preset), headers);
      origin = 'preset';
      proposals = proposalsForMapping(mapping, headers, `préréglage « ${preset.name} »`);
      profiles = profileColumns(headers, rows);
    } else {
      const proposal = proposeFromData(headers, rows);
      ({ mapping, proposals, profiles } = proposal);
      origin = 'proposal';
    }
  }
  const kind = options.kind ?? preset?.kind ?? detectKind(mapping);
  mapping = restrictMapping(mapping, kind, headers.length);

  const decimalMark = detectDecimalMark(profiles, mapping);
  let amount: AmountDecision | null = kind === 'tickets' ? decideAmount(rows, mapping, decimalMark) : null;
  if (amount && options.amountMode) {
    mapping = withAmountMode(mapping, options.amountMode);
    amount = { ...amount, mode: options.amountMode, source: 'user', evidence: `indiqué par l'utilisateur ; d'après les données : ${amount.evidence}` };
  } else if (amount && origin === 'proposal' && (amount.mode === 'unit' || amount.mode === 'line')) {
    mapping = withAmountMode(mapping, amount.mode);
  } else if (amount && origin !== 'proposal' && amount.mode !== 'both') {
    const mode = mapping.lineAmount !== undefined ? 'line' : 'unit';
    const said = origin === 'preset' ? `préréglage « ${preset!.name} »` : 'correspondance donnée';
    amount = { ...amount, mode, source: origin, evidence: `${said} ; d'après les données : ${amount.evidence}` };
  }
  proposals = alignProposals(proposals, mapping, amount);
  const mapped = new Set(Object.values(mapping));
  const proposal: MappingProposal = {
    proposals,
    columns: profiles.map(({ index, header, kind: valueKind, description, filled, distinctRatio, adjacentRepeat }) => ({
      index,
      header,
      kind: valueKind,
      description,
      filled,
      distinctRatio,
      adjacentRepeat,
    })),
    unused: profiles
      .filter((p) => !mapped.has(p.index))
      .map((p) => ({ index: p.index, header: p.header, description: p.description, warn: worthWarning(p) })),
    amount,
    decimalMark,
    currency: detectCurrency(profiles, mapping, rows),
  };

  return {
    path,
    name,
    sizeBytes: size,
    encoding,
    encodingSettled: complete || hasHighBytes(bytes),
    separator: layout.separator,
    lineEnding,
    headerLine: headerRow.line,
    headers,
    sampleRows: dataRows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
    kind,
    mapping,
    missingRequired: missingRequired(mapping, kind),
    preset: preset?.name ?? null,
    dayFirst: options.dayFirst ?? proveDayFirst(dataRows, mapping),
    headerCut: complete && layout.headerIndex === layout.rows.length - 1 && !/[\r\n]$/.test(text),
    ...proposal,
  };
}

/**
 * A file that says it is UTF-8 (its BOM) must be UTF-8 throughout: a byte that is not is refused
 * where it is, rather than read as a replacement character that no header synonym matches.
 */
function refuseInvalidUtf8(name: string, bytes: Uint8Array, complete: boolean, separator: string): void {
  let at = invalidUtf8At(bytes);
  if (at === -1 && complete && !isValidUtf8(bytes, true)) at = bytes.length - 1;
  if (at === -1) return;
  const { breaks, column } = locateInText(new TextDecoder('utf-8').decode(bytes.subarray(0, at)), separator);
  const line = breaks + 1;
  throw new BadFileError(
    `« ${name} », ligne ${line}${separator ? `, colonne ${column}` : ''} : octet 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')} illisible en UTF-8 (octet ${at + 1} du fichier) — ` +
      "le fichier s'annonce en UTF-8 (marque BOM) mais mélange deux encodages ; réenregistrez-le dans un seul encodage.",
    separator ? { file: name, line, column } : { file: name, line },
  );
}

/**
 * The proposals of the fields the final mapping keeps, under the field it gives each column (the
 * amount's field may have changed with the decision, which its reason then says).
 */
function alignProposals(proposals: FieldProposal[], mapping: ColumnMapping, amount: AmountDecision | null): FieldProposal[] {
  const fieldOfColumn = new Map(Object.entries(mapping).map(([f, c]) => [c, f as ImportField]));
  const out: FieldProposal[] = [];
  for (const p of proposals) {
    const field = fieldOfColumn.get(p.column);
    if (field === undefined) continue;
    const isAmount = field === 'unitPrice' || field === 'lineAmount';
    const decided = isAmount && amount && amount.column === p.column && amount.source === 'data';
    out.push({ ...p, field, reason: decided ? `${p.reason} ; ${amount.evidence}` : p.reason });
  }
  return out;
}

/** A preset's mapping by header name, from its headers and column indexes. */
function toByName(preset: Preset): Record<string, string> {
  const byName: Record<string, string> = {};
  for (const [field, column] of Object.entries(preset.mapping)) byName[field] = preset.headers[column];
  return byName;
}

export async function inspectFiles(paths: string[], names: string[] | undefined, ctx: EngineContext): Promise<FileInspection[]> {
  const inspections: FileInspection[] = [];
  for (const [i, path] of paths.entries()) {
    const { encodingSettled: _settled, headerCut: _cut, ...inspection } = await inspectFile(path, names?.[i] || basename(path), ctx.db.orm, { firstRowFallback: true });
    inspections.push(inspection);
  }
  return inspections;
}
