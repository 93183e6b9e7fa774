/**
 * The export log: one line per list that left the app (when, which segment and its criteria,
 * which channel and format, how many rows, how many left out and why, the file's name).
 * Append-only: migration 0006 makes SQLite refuse any UPDATE or DELETE of it.
 */
import type Database from 'better-sqlite3';
import type { Criteria } from '../../../../shared/segments-criteria.js';
import type { ExclusionReason, ExportLogEntry } from '../../../../shared/segments-types.js';

export interface ExportLogLine {
  at: string;
  what: 'segment-export' | 'segment-print';
  fileName: string | null;
  rows: number;
  excluded: Record<ExclusionReason, number>;
  segmentId: number | null;
  segmentName: string | null;
  criteria: Criteria;
  channel: string | null;
  format: string | null;
  maxConsentAgeYears: number | null;
}

export function writeExportLog(sqlite: Database.Database, line: ExportLogLine): number {
  const excluded = Object.values(line.excluded).reduce((a, b) => a + b, 0);
  const details = {
    segmentId: line.segmentId,
    segmentName: line.segmentName,
    criteria: line.criteria,
    channel: line.channel,
    format: line.format,
    excludedByReason: line.excluded,
    maxConsentAgeYears: line.maxConsentAgeYears,
  };
  return Number(
    sqlite
      .prepare('INSERT INTO export_log (at, what, target, rows, excluded, details) VALUES (?, ?, ?, ?, ?, ?)')
      .run(line.at, line.what, line.fileName, line.rows, excluded, JSON.stringify(details)).lastInsertRowid,
  );
}

interface Row {
  id: number;
  at: string;
  what: string;
  target: string | null;
  rows: number;
  excluded: number;
  details: string;
}

export function readExportLog(sqlite: Database.Database, limit: number): ExportLogEntry[] {
  const rows = sqlite.prepare('SELECT id, at, what, target, rows, excluded, details FROM export_log ORDER BY id DESC LIMIT ?').all(limit) as Row[];
  return rows.map((row) => {
    let d: Partial<Omit<ExportLogLine, 'excluded'>> & { excludedByReason?: Partial<Record<ExclusionReason, number>> } = {};
    try {
      d = JSON.parse(row.details);
    } catch {
      // A line written by something else: shown with what its columns hold.
    }
    return {
      id: row.id,
      at: row.at,
      what: row.what,
      fileName: row.target,
      rows: row.rows,
      excluded: row.excluded,
      segmentId: d.segmentId ?? null,
      segmentName: d.segmentName ?? null,
      criteria: d.criteria ?? null,
      channel: d.channel ?? null,
      format: d.format ?? null,
      excludedByReason: d.excludedByReason ?? {},
      maxConsentAgeYears: d.maxConsentAgeYears ?? null,
    };
  });
}
