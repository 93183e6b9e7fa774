/**
 * The demo export: a seeded, streaming generator of a realistic Sirius-style flat ticket-lines
 * file (Windows-1252, `;`, CRLF, decimal comma). Same seed and size → byte-identical file.
 *
 * Four seasons (2021-2022 … 2024-2025), about thirty shows a season in six disciplines, three
 * halls and a few performances outside the venue with no known capacity; about 15,000
 * customers and 120,000 ticket lines by default. `lines` scales it: customers grow almost as
 * fast (a million lines ≈ 100,000 customers) and performances with the lines, so the shape of
 * the audience stays realistic.
 */
import { constants as fsConstants } from 'node:fs';
import { copyFile, link, rename, rm } from 'node:fs/promises';
import { createAudience, seasonPool } from './audience.js';
import { EOL, HEADERS, row } from './csv.js';
import { createProgramme, trimToSeats, type ProgrammeCounters } from './programme.js';
import { Random } from './random.js';
import { SeasonSales, type SaleCounters } from './sales.js';
import { cp1252Bytes, Cp1252Writer } from './writer.js';

export const DEFAULT_DEMO_SEED = 20_240_901;
export const DEFAULT_DEMO_LINES = 120_000;
export const DEMO_SEASONS = [2021, 2022, 2023, 2024] as const;

/** Relative size of each season: the audience came back slowly after 2020. */
const SEASON_WEIGHTS = [0.8, 0.95, 1.05, 1.2];
/** Measured on the default demo: lines written per seat sold (multi-seat lines, reversals). */
const LINES_PER_SEAT = 0.99;
/** A first guess, trimmed down to the seats budget once the halls are known. */
const PERFORMANCES_PER_LINE = 1 / 250;
const CUSTOMERS_AT_DEFAULT = 30_000;
const SHOWS_AT_DEFAULT = 30;

export interface DemoOptions {
  path: string;
  seed?: number;
  lines?: number;
  /** Stops between chunks when aborted (the partial file is removed). */
  signal?: AbortSignal;
  /**
   * Never replace an existing file: the partial file is created exclusively and the finished one
   * is linked into place, which fails if the target appeared meanwhile (a rename would replace it).
   */
  exclusive?: boolean;
}

export async function generateDemoExport(options: DemoOptions): Promise<{ path: string; lines: number; bytes: number }> {
  const target = options.lines ?? DEFAULT_DEMO_LINES;
  const scale = target / DEFAULT_DEMO_LINES;
  const random = new Random(options.seed ?? DEFAULT_DEMO_SEED);
  const seasons = DEMO_SEASONS.length;
  const customers = createAudience(random, Math.max(50, Math.round(CUSTOMERS_AT_DEFAULT * scale ** 0.9)), seasons, SEASON_WEIGHTS);
  const showsPerSeason = Math.max(6, Math.round(SHOWS_AT_DEFAULT * Math.sqrt(scale)));
  const weightSum = SEASON_WEIGHTS.reduce((a, b) => a + b, 0);

  // Written beside the target and renamed at the end: a half-written demo never looks finished.
  const partial = `${options.path}.part`;
  const writer = new Cp1252Writer(partial, options.exclusive ? 'wx' : 'w');
  const write = (text: string) => {
    if (options.signal?.aborted) throw new Error('Génération de la démonstration annulée.');
    return writer.write(text);
  };
  const programme: ProgrammeCounters = { nextPerformance: 5001, nextShow: 1, titles: new Set() };
  const sales: SaleCounters = { nextTicket: 1_000_001, nextOrder: 200_001, lines: 0 };
  try {
    await write(cp1252Bytes(row(HEADERS) + EOL));
    for (let s = 0; s < seasons; s++) {
      const seasonLines = (target * SEASON_WEIGHTS[s]) / weightSum;
      const performances = Math.max(showsPerSeason, Math.round(seasonLines * PERFORMANCES_PER_LINE));
      const planned = createProgramme(random, DEMO_SEASONS[s], showsPerSeason, performances, programme);
      const list = trimToSeats(random, planned, seasonLines / LINES_PER_SEAT);
      await new SeasonSales(random, list, customers, seasonPool(customers, s), s, sales, write).run();
    }
    const bytes = await writer.close();
    if (options.exclusive) await moveExclusive(partial, options.path);
    else await rename(partial, options.path);
    return { path: options.path, lines: sales.lines, bytes };
  } catch (error) {
    writer.destroy();
    // An exclusive open that failed because the partial file exists must not remove someone else's file.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !options.exclusive) await rm(partial, { force: true });
    throw error;
  }
}

/** Moves `from` to `to` only if `to` does not exist (a hard link where the file system has them, else an exclusive copy). */
async function moveExclusive(from: string, to: string): Promise<void> {
  try {
    try {
      await link(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
      await copyFile(from, to, fsConstants.COPYFILE_EXCL);
    }
  } finally {
    // Ours either way: the partial file was created exclusively.
    await rm(from, { force: true });
  }
}
