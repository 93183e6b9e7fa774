/**
 * The waterfall: how many customers each criterion keeps. For a top-level AND, step k is the
 * AND of its first k criteria (« 12 430 clients → 3 210 ont vu de la danse → 1 876 pas cette
 * saison → 1 204 acceptent l'e-mail »); any other tree is one step.
 */
import type Database from 'better-sqlite3';
import { isAnd, type Criteria } from '../../../shared/segments-criteria.js';
import type { WaterfallStep } from '../../../shared/segments-types.js';
import { countCustomers, totalCustomers } from './query.js';

export function waterfall(sqlite: Database.Database, criteria: Criteria): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ criterion: null, count: totalCustomers(sqlite) }];
  const parts = isAnd(criteria) ? criteria.and : [criteria];
  parts.forEach((criterion, i) => {
    steps.push({ criterion, count: countCustomers(sqlite, { and: parts.slice(0, i + 1) }) });
  });
  return steps;
}
