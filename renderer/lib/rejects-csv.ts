/**
 * The rejected lines as a CSV a French spreadsheet opens cleanly: `;`-separated, UTF-8 with a BOM
 * (so Excel reads the accents), and cells starting with = + - @ escaped (escapeFormula) so a
 * hostile line from an export cannot run as a formula.
 */
import { excelCsv } from '../../shared/excel-csv.js';
import type { ImportReject } from '../../shared/types.js';

export interface RejectsCsvHeaders {
  file: string;
  line: string;
  column: string;
  reason: string;
  raw: string;
}

export function rejectsCsv(rejects: ImportReject[], headers: RejectsCsvHeaders): string {
  return excelCsv(
    [headers.file, headers.line, headers.column, headers.reason, headers.raw],
    rejects.map((r) => [r.file, String(r.line), r.column === null ? '' : String(r.column), r.reason, r.raw]),
  );
}
