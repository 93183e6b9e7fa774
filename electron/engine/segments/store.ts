/** Saved segments: a name and its criteria tree (JSON), unique by name. */
import type Database from 'better-sqlite3';
import { criteriaSchema, type Criteria } from '../../../shared/segments-criteria.js';
import type { SegmentRecord } from '../../../shared/segments-types.js';
import { EngineError } from '../errors.js';

interface Row {
  id: number;
  name: string;
  criteria: string;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = 'id, name, criteria, created_at AS createdAt, updated_at AS updatedAt';

function toRecord(row: Row): SegmentRecord {
  // A tree saved by an older build that no longer validates is shown as it is rather than lost.
  const parsed = criteriaSchema.safeParse(JSON.parse(row.criteria));
  return { ...row, criteria: parsed.success ? parsed.data : (JSON.parse(row.criteria) as Criteria) };
}

export function listSegments(sqlite: Database.Database): SegmentRecord[] {
  return (sqlite.prepare(`SELECT ${COLUMNS} FROM segments ORDER BY name COLLATE NOCASE, id`).all() as Row[]).map(toRecord);
}

export function getSegment(sqlite: Database.Database, id: number): SegmentRecord {
  const row = sqlite.prepare(`SELECT ${COLUMNS} FROM segments WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new EngineError('NOT_FOUND', `Aucun segment d'identifiant ${id}.`);
  return toRecord(row);
}

function nameTaken(sqlite: Database.Database, name: string, exceptId?: number): boolean {
  return sqlite.prepare('SELECT 1 FROM segments WHERE name = ? AND id IS NOT ?').get(name, exceptId ?? null) !== undefined;
}

/** Creates, or updates the segment `id` (its name and/or its criteria). */
export function saveSegment(
  sqlite: Database.Database,
  input: { id?: number; name: string; criteria?: Criteria },
  now = new Date(),
): SegmentRecord {
  const name = input.name.trim();
  if (nameTaken(sqlite, name, input.id)) throw new EngineError('VALIDATION', `Un segment s'appelle déjà « ${name} ».`);
  const at = now.toISOString();
  if (input.id === undefined) {
    if (!input.criteria) throw new EngineError('VALIDATION', 'Un nouveau segment a besoin de ses critères.');
    const id = sqlite
      .prepare('INSERT INTO segments (name, criteria, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, JSON.stringify(input.criteria), at, at).lastInsertRowid;
    return getSegment(sqlite, Number(id));
  }
  const current = getSegment(sqlite, input.id);
  sqlite
    .prepare('UPDATE segments SET name = ?, criteria = ?, updated_at = ? WHERE id = ?')
    .run(name, JSON.stringify(input.criteria ?? current.criteria), at, input.id);
  return getSegment(sqlite, input.id);
}

/** A copy named « NAME (copie) », « NAME (copie 2) »... unless a name is given. */
export function duplicateSegment(sqlite: Database.Database, id: number, name?: string): SegmentRecord {
  const source = getSegment(sqlite, id);
  let copy = name?.trim() || `${source.name} (copie)`;
  for (let n = 2; !name && nameTaken(sqlite, copy); n++) copy = `${source.name} (copie ${n})`;
  return saveSegment(sqlite, { name: copy, criteria: source.criteria });
}

export function deleteSegment(sqlite: Database.Database, id: number): { deleted: boolean } {
  return { deleted: sqlite.prepare('DELETE FROM segments WHERE id = ?').run(id).changes > 0 };
}
