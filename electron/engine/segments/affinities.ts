/**
 * « Qui a vu X a aussi vu… »: for a show, a company or a discipline X, the others of the same
 * kind its audience also saw, ranked by lift — how much more often X's audience saw Y than the
 * whole audience did: (together / audience of X) / (audience of Y / all spectators). A lift of
 * 2 means twice as often. The counts behind each figure are returned with it, and lines resting
 * on fewer than `minTogether` customers are left out (a lift on 2 people means nothing).
 */
import type Database from 'better-sqlite3';
import type { AffinityKind, AffinityResult, AffinityRow } from '../../../shared/segments-types.js';
import { ensureSegmentFacts } from './facts.js';

const KEY: Record<AffinityKind, string> = {
  show: 'sh.title',
  company: "COALESCE(sh.company, 'Non renseignée')",
  discipline: "COALESCE(sh.discipline, 'Non renseignée')",
};

export function affinities(
  sqlite: Database.Database,
  input: { kind: AffinityKind; value: string; minTogether: number; limit: number },
  today = new Date().toISOString().slice(0, 10),
): AffinityResult {
  ensureSegmentFacts(sqlite);
  const key = KEY[input.kind];
  const spectators = sqlite.prepare('SELECT COUNT(DISTINCT customer_id) FROM seg_facts').pluck().get() as number;
  const audience = `SELECT f.customer_id FROM seg_facts f JOIN shows sh ON sh.id = f.show_id WHERE ${key} = ?`;
  const base = sqlite.prepare(`SELECT COUNT(DISTINCT customer_id) FROM (${audience})`).pluck().get(input.value) as number;
  const rows = sqlite
    .prepare(
      `WITH x AS (${audience}),
            per AS (SELECT ${key} AS value, f.customer_id, MAX(f.customer_id IN (SELECT customer_id FROM x)) AS inX
                    FROM seg_facts f JOIN shows sh ON sh.id = f.show_id GROUP BY 1, 2)
       SELECT value, SUM(inX) AS together, COUNT(*) AS audience FROM per WHERE value <> ? GROUP BY value`,
    )
    .all(input.value, input.value) as { value: string; together: number; audience: number }[];
  const coming = new Set(
    input.kind === 'show'
      ? (sqlite
          .prepare('SELECT DISTINCT sh.title FROM performances p JOIN shows sh ON sh.id = p.show_id WHERE substr(p.starts_at, 1, 10) > ?')
          .pluck()
          .all(today) as string[])
      : [],
  );
  const result: AffinityRow[] = rows
    .filter((r) => r.together >= input.minTogether && base > 0 && r.audience > 0)
    .map((r) => ({ ...r, lift: r.together / base / (r.audience / spectators), coming: coming.has(r.value) }))
    .sort((a, b) => b.lift - a.lift || b.together - a.together || a.value.localeCompare(b.value, 'fr'))
    .slice(0, input.limit);
  return { kind: input.kind, value: input.value, base, spectators, rows: result };
}
