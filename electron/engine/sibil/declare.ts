/** A quarter's whole declaration (lines, checks, status), and marking it as declared. */
import type Database from 'better-sqlite3';
import { declarationDeadline, quarterBounds, quarterLabel, type Quarter, type SibilDeclaration } from '../../../shared/sibil.js';
import { localNow } from '../import/local-time.js';
import { declarationChecks } from './checks.js';
import { declarationLines } from './declaration.js';

export function sibilDeclaration(sqlite: Database.Database, quarter: Quarter): SibilDeclaration {
  const lines = declarationLines(sqlite, quarter);
  const label = quarterLabel(quarter);
  const declared = sqlite.prepare('SELECT declared_at AS at, file FROM sibil_declarations WHERE quarter = ?').get(label) as
    | { at: string; file: string | null }
    | undefined;
  return {
    quarter: label,
    ...quarterBounds(quarter),
    deadline: declarationDeadline(quarter),
    lines,
    checks: declarationChecks(sqlite, quarter, lines),
    declared: declared ?? null,
  };
}

/** Records that the quarter was declared, with the totals declared then (marking again replaces it). */
export function markDeclared(sqlite: Database.Database, quarter: Quarter, file: string | null, now = localNow()) {
  const lines = declarationLines(sqlite, quarter);
  const tickets = lines.reduce((sum, line) => sum + line.nbBilletsTotalBilletterie, 0);
  const revenueCents = lines.reduce((sum, line) => sum + Math.round(line.recetteTotalBilletterie * 100), 0);
  sqlite
    .prepare(
      `INSERT INTO sibil_declarations (quarter, declared_at, file, performances, tickets, revenue_cents)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (quarter) DO UPDATE SET declared_at = excluded.declared_at, file = excluded.file,
         performances = excluded.performances, tickets = excluded.tickets, revenue_cents = excluded.revenue_cents`,
    )
    .run(quarterLabel(quarter), now, file, lines.length, tickets, revenueCents);
  return { quarter: quarterLabel(quarter), declaredAt: now, file };
}

/** The user's domain for a show (null: back to the proposal from its discipline). */
export function setShowDomain(sqlite: Database.Database, showId: number, domain: string | null): boolean {
  // The main file's show: while archives are attached the plain name is a read-only union view.
  return sqlite.prepare('UPDATE main.shows SET sibil_domain = ? WHERE id = ?').run(domain, showId).changes > 0;
}
