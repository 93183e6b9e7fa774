/**
 * Exports a segment for a channel: reads the segment's customers, keeps those who may receive a
 * message on the channel (consent.ts), writes the mailing tool's file (formats.ts) and a line in
 * the export log, in one transaction — no file is handed out without its log line. The caller
 * writes the returned text: the command line to --out, the browser as a download.
 */
import type Database from 'better-sqlite3';
import type { ConsentChannel, Criteria } from '../../../../shared/segments-criteria.js';
import { EXCLUSION_REASONS, type ExclusionReason, type ExportFormat, type ExportResult, type PrintList } from '../../../../shared/segments-types.js';
import { displayName } from '../../kpi/customer-summary.js';
import { SEGMENT_FROM } from '../compile.js';
import { compileNow } from '../query.js';
import { CONTACT_COLUMNS, exclusionReason, toContactRow, yearsBefore, type ContactRow } from './consent.js';
import { FORMATS, renderFile } from './formats.js';
import { writeExportLog, type ExportLogLine } from './log.js';

export interface ExportRequest {
  criteria: Criteria;
  segmentId: number | null;
  segmentName: string | null;
  channel: ConsentChannel;
  maxConsentAgeYears?: number;
  now?: Date;
}

/**
 * The segment's customers who may receive the message, sorted by name, and how many were left
 * out and why. Consent and its age are sorted out in SQL on the segment table (only those rows
 * are read in full); the address each channel needs, and the consent once more, by
 * exclusionReason on the rows read — the one definition the tests check.
 */
export function selectRecipients(sqlite: Database.Database, request: ExportRequest) {
  const { sql, params } = compileNow(sqlite, request.criteria);
  const today = (request.now ?? new Date()).toISOString().slice(0, 10);
  const consent = `c.consent_${request.channel}`;
  const oldest = request.maxConsentAgeYears !== undefined ? yearsBefore(today, request.maxConsentAgeYears) : null;
  const reasonSql = `CASE WHEN ${consent} = 0 THEN 'refused' WHEN ${consent} IS NOT 1 THEN 'noConsent'
    WHEN ? IS NOT NULL AND (${consent}_at IS NULL OR substr(${consent}_at, 1, 10) < ?) THEN 'tooOld' ELSE '' END`;
  const excluded = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  let segmentCount = 0;
  const counts = sqlite
    .prepare(`SELECT ${reasonSql} AS reason, COUNT(*) AS n FROM ${SEGMENT_FROM} WHERE ${sql} GROUP BY 1`)
    .all(oldest, oldest, ...params) as { reason: ExclusionReason | ''; n: number }[];
  for (const { reason, n } of counts) {
    segmentCount += n;
    if (reason) excluded[reason] += n;
  }
  const kept: ContactRow[] = [];
  const rows = sqlite
    .prepare(
      `SELECT ${CONTACT_COLUMNS} FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id
       WHERE c.id IN (SELECT c.id FROM ${SEGMENT_FROM} WHERE ${sql} AND (${reasonSql}) = '') ORDER BY c.search_text, c.id`,
    )
    .raw()
    .all(...params, oldest, oldest) as unknown[][];
  for (const raw of rows) {
    const row = toContactRow(raw);
    const reason = exclusionReason(request.channel, row, { maxConsentAgeYears: request.maxConsentAgeYears, today });
    if (reason) excluded[reason]++;
    else kept.push(row);
  }
  return { segmentCount, kept, excluded };
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'segment';

export function defaultFileName(segmentName: string | null, channel: ConsentChannel, format: ExportFormat, now: Date): string {
  return `${slug(segmentName ?? 'segment')}-${channel}-${format}-${now.toISOString().slice(0, 10)}.${FORMATS[format].extension}`;
}

export function exportSegment(
  sqlite: Database.Database,
  request: ExportRequest & { format: ExportFormat; fileName?: string },
): ExportResult {
  const now = request.now ?? new Date();
  return sqlite.transaction(() => {
    const { segmentCount, kept, excluded } = selectRecipients(sqlite, { ...request, now });
    const content = renderFile(request.format, kept);
    const fileName = request.fileName ?? defaultFileName(request.segmentName, request.channel, request.format, now);
    const logId = logSelection(sqlite, request, now, { what: 'segment-export', fileName, format: request.format }, kept.length, excluded);
    return {
      fileName,
      content,
      bom: FORMATS[request.format].bom,
      mimeType: 'text/csv;charset=utf-8',
      segmentCount,
      rows: kept.length,
      excluded,
      logId,
    };
  })();
}

/** The export log's line for a selection that left the app (a file or a printout), from the request that made it. */
function logSelection(
  sqlite: Database.Database,
  request: ExportRequest,
  now: Date,
  output: Pick<ExportLogLine, 'what' | 'fileName' | 'format'>,
  rows: number,
  excluded: ExportLogLine['excluded'],
): number {
  return writeExportLog(sqlite, {
    at: now.toISOString(),
    ...output,
    rows,
    excluded,
    segmentId: request.segmentId,
    segmentName: request.segmentName,
    criteria: request.criteria,
    channel: request.channel,
    maxConsentAgeYears: request.maxConsentAgeYears ?? null,
  });
}

/** The printed A4 list: the same selection, as rows the renderer lays out; logged like a file. */
export function printList(sqlite: Database.Database, request: ExportRequest & { title: string }): PrintList {
  const now = request.now ?? new Date();
  return sqlite.transaction(() => {
    const { segmentCount, kept, excluded } = selectRecipients(sqlite, { ...request, now });
    logSelection(sqlite, request, now, { what: 'segment-print', fileName: null, format: 'print' }, kept.length, excluded);
    return {
      title: request.title,
      channel: request.channel,
      segmentCount,
      excluded,
      printedAt: now.toISOString(),
      rows: kept.map((r) => ({
        key: r.key,
        name: displayName(r) || r.key,
        email: r.email,
        phone: r.phone,
        address: [r.address1, r.address2, r.address3, [r.postalCode, r.city].filter(Boolean).join(' ')].filter((x) => x && x.trim()).join(', '),
      })),
    };
  })();
}
