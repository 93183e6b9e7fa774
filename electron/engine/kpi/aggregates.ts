/** PLACEHOLDER — being written (materialised indicator tables). */
import type Database from 'better-sqlite3';

export function rebuildAggregates(_sqlite: Database.Database): void {}
export function recomputeSeasons(_sqlite: Database.Database, _startMonth: number): void {}
