/** Season indicators: one object per season that has performances, oldest first. */
import type { HandlerTable } from '../context.js';
import { seasonIndicators } from '../kpi/season-indicators.js';
import { getSeasonStartMonth } from '../settings.js';

export const seasonHandlers: HandlerTable<'seasons.list'> = {
  'seasons.list': (_input, { db }) => seasonIndicators(db.sqlite, getSeasonStartMonth(db.sqlite)),
};
