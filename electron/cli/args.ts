/** Command-line parsing: `parterre <command> [args] [--options]`, with node's own parseArgs. */
import { parseArgs } from 'node:util';
import { parseQuarter, quarterLabel } from '../../shared/sibil.js';

export class UsageError extends Error {}

export const USAGE = `Usage : parterre <commande> [options]

Commandes :
  import FICHIER...   importe un ou plusieurs exports (billets, clients, représentations)
      --preset NOM             applique ce préréglage de colonnes
      --save-preset NOM        enregistre les colonnes de chaque fichier sous ce nom
      --season-start-month M   mois de début de saison (1 à 12, 9 par défaut)
      --dry-run                tout vérifier et compter, sans rien écrire
  seasons             indicateurs de chaque saison
  customers           la liste des spectateurs et leurs indicateurs
      --sort ltv|orders|recency|name   --limit N   --search TEXTE
  quartiles           les seuils Q1, Q2, Q3 des quatre indicateurs en quartiles
  demo                génère l'export de démonstration et l'importe
  sibil               la déclaration SIBIL d'un trimestre, représentation par représentation
      --quarter 2024-T4        le trimestre (aussi 2024-Q4 ; par défaut celui qui vient de finir)
      --csv FICHIER            écrit la déclaration en CSV (séparateur ;, pour Excel)
  serve               ouvre Parterre dans le navigateur (127.0.0.1 seulement)
      --port N

Options communes :
  --db CHEMIN   la base à utiliser (par défaut : le dossier de données de Parterre)
  --json        une sortie lisible par un programme, sur la sortie standard
  --help        cette aide`;

export interface CliArgs {
  command: string;
  positionals: string[];
  db?: string;
  json: boolean;
  help: boolean;
  preset?: string;
  savePreset?: string;
  seasonStartMonth?: number;
  dryRun: boolean;
  sort?: 'ltv' | 'orders' | 'recency' | 'name';
  limit?: number;
  search?: string;
  port?: number;
  quarter?: string;
  csv?: string;
}

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} attend un nombre entier de ${min} à ${max}, pas « ${raw} ».`);
  }
  return value;
}

function quarterOption(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const quarter = parseQuarter(raw);
  if (!quarter) throw new UsageError(`--quarter attend un trimestre comme 2024-T4 ou 2024-Q4, pas « ${raw} ».`);
  return quarterLabel(quarter);
}

export const COMMANDS = ['import', 'seasons', 'customers', 'quartiles', 'demo', 'sibil', 'serve', 'help'] as const;

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        preset: { type: 'string' },
        'save-preset': { type: 'string' },
        'season-start-month': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        sort: { type: 'string' },
        limit: { type: 'string' },
        search: { type: 'string' },
        port: { type: 'string' },
        quarter: { type: 'string' },
        csv: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? 'help';
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`Commande inconnue : ${command}.`);
  const sort = values.sort;
  if (sort !== undefined && !['ltv', 'orders', 'recency', 'name'].includes(sort)) {
    throw new UsageError(`--sort attend ltv, orders, recency ou name, pas « ${sort} ».`);
  }
  return {
    command,
    positionals: positionals.slice(1),
    db: values.db,
    json: values.json ?? false,
    help: values.help ?? false,
    preset: values.preset,
    savePreset: values['save-preset'],
    seasonStartMonth: integer('season-start-month', values['season-start-month'], 1, 12),
    dryRun: values['dry-run'] ?? false,
    sort: sort as CliArgs['sort'],
    limit: integer('limit', values.limit, 1, 1_000_000),
    search: values.search,
    port: integer('port', values.port, 0, 65_535),
    quarter: quarterOption(values.quarter),
    csv: values.csv,
  };
}
