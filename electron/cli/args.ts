/** Command-line parsing: `parterre <command> [args] [--options]`, with node's own parseArgs. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseQuarter, quarterLabel } from '../../shared/sibil.js';
import { defaultDbPath } from '../data-dir.js';

export class UsageError extends Error {}

/**
 * What a failed command writes on stderr, and its exit code: a usage error 2, followed by the
 * usage; anything else (the engine refused, a file is unreadable…) 1, the message alone.
 */
export function reportFailure(error: unknown, usage: string, stderr: (text: string) => void): number {
  if (error instanceof UsageError) {
    stderr(`parterre : ${error.message}\n\n${usage}\n`);
    return 2;
  }
  stderr(`parterre : ${(error as Error).message}\n`);
  return 1;
}

export const USAGE = `Usage : parterre <commande> [options]

Commandes :
  import FICHIER...   importe un ou plusieurs exports (billets, clients, représentations)
      --preset NOM             applique ce préréglage de colonnes
      --save-preset NOM        enregistre les colonnes de chaque fichier sous ce nom
      --season-start-month M   mois de début de saison (1 à 12, 9 par défaut)
      --dry-run                tout vérifier et compter, sans rien écrire
      --map CHAMP=COLONNE      associe une colonne à un champ (répétable), par-dessus la
                               proposition : COLONNE est le nom de l'en-tête (« Créé le ») ou
                               son numéro, compté à partir de 1 ; ex. --map orderDate="Créé le"
                               --map lineAmount=7
      --mapping FICHIER.json   la correspondance entière, {"champ": "en-tête" ou numéro dès 1}
      --amount unit|line       la colonne de montant est le prix d'une place (unit) ou le
                               total de la ligne (line), quand les données ne le disent pas
  inspect FICHIER...  ce que Parterre a détecté et la correspondance proposée, avec la
                      confiance et la raison de chaque champ, et les colonnes non utilisées
  seasons             indicateurs de chaque saison
  customers           la liste des spectateurs et leurs indicateurs
      --sort ltv|orders|recency|name   --limit N   --search TEXTE
  quartiles           les seuils Q1, Q2, Q3 des quatre indicateurs en quartiles
  tariffs             les tarifs : billets, type proposé (et pourquoi), type retenu, confirmé
  tariffs set --kind full|reduced|subscription|free NOM...
                      fixe et confirme le type des tarifs nommés (les indicateurs suivent)
  report              le rapport de saison (--json, --csv DOSSIER ou --pdf FICHIER)
      --season LIBELLÉ         la saison, ex. 2024-2025 (par défaut : la plus récente)
      --csv DOSSIER            écrit les tableaux en CSV pour Excel dans ce dossier
      --pdf FICHIER            imprime le rapport en PDF (il faut Chromium ou Chrome)
  demo                ouvre la base de démonstration (à part de la vôtre) et y importe la démo
  segment ACTION      segments : list, save, count, export (parterre segment help)
  sibil               la déclaration SIBIL d'un trimestre, représentation par représentation
      --quarter 2024-T4        le trimestre (aussi 2024-Q4 ; par défaut celui qui vient de finir)
      --csv FICHIER            écrit la déclaration en CSV (séparateur ;, pour Excel)
  serve               ouvre Parterre dans le navigateur (127.0.0.1 seulement)
      --port N
  archive --season SAISON [--season SAISON…]
                      déplace ces saisons (2019-2020…) dans un fichier d'archive, vérifié, attaché
      --into FICHIER           les ajoute à cette archive (un nouveau fichier la remplace)
  archives            les fichiers d'archive, leurs saisons, attachés ou non
  archives merge FICHIER FICHIER…
                      regroupe ces archives dans un seul fichier (SQLite n'en attache que 10)
  attach FICHIER      attache une archive (une archive d'ailleurs est ouverte en lecture seule)
  detach FICHIER      détache une archive : ses saisons sortent de tous les indicateurs
  backup --out DOSSIER  sauvegarde la base et ses archives, avec un manifeste
  restore DOSSIER     restaure une sauvegarde (les fichiers actuels sont sauvegardés d'abord)

Options communes :
  --db CHEMIN   la base à utiliser (par défaut : le dossier de données de Parterre)
  --json        une sortie lisible par un programme, sur la sortie standard
  --help        cette aide`;

/** The options every command takes, `parterre segment` too (« Options communes » in the usage). */
export const COMMON_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export interface CommonArgs {
  db?: string;
  json: boolean;
  help: boolean;
}

/** The common options out of parseArgs' values. */
export function commonArgs(values: { db?: string; json?: boolean; help?: boolean }): CommonArgs {
  return { db: values.db, json: values.json ?? false, help: values.help ?? false };
}

/** The database a command opens: --db (from the working folder), else the one in Parterre's data folder. */
export function databasePath(args: CommonArgs, env: NodeJS.ProcessEnv): string {
  return args.db ? resolve(args.db) : defaultDbPath(env);
}

export interface CliArgs extends CommonArgs {
  command: string;
  positionals: string[];
  preset?: string;
  savePreset?: string;
  seasonStartMonth?: number;
  dryRun: boolean;
  /** `--map FIELD=COLUMN`, as written. */
  map: string[];
  mappingFile?: string;
  amount?: 'unit' | 'line';
  sort?: 'ltv' | 'orders' | 'recency' | 'name';
  limit?: number;
  search?: string;
  port?: number;
  /** `tariffs set --kind`. */
  kind?: string;
  /** `report --season`: the one season (the last one given). */
  season?: string;
  csv?: string;
  pdf?: string;
  /** `archive --season X --season Y`: every season given. */
  seasons: string[];
  out?: string;
  /** `archive --into FILE`: the archive the seasons join. */
  into?: string;
  /** `sibil --quarter`, normalised to 2024-T4. */
  quarter?: string;
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

export const COMMANDS = [
  'import',
  'inspect',
  'seasons',
  'customers',
  'quartiles',
  'tariffs',
  'report',
  'sibil',
  'demo',
  'serve',
  'archive',
  'archives',
  'attach',
  'detach',
  'backup',
  'restore',
  'help',
] as const;

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...COMMON_OPTIONS,
        preset: { type: 'string' },
        'save-preset': { type: 'string' },
        'season-start-month': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        map: { type: 'string', multiple: true },
        mapping: { type: 'string' },
        amount: { type: 'string' },
        sort: { type: 'string' },
        limit: { type: 'string' },
        search: { type: 'string' },
        port: { type: 'string' },
        kind: { type: 'string' },
        // Repeatable for `archive`; `report` takes the last one.
        season: { type: 'string', multiple: true },
        csv: { type: 'string' },
        pdf: { type: 'string' },
        out: { type: 'string' },
        into: { type: 'string' },
        quarter: { type: 'string' },
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
  const kinds = ['full', 'reduced', 'subscription', 'free'];
  if (values.kind !== undefined && !kinds.includes(values.kind)) {
    throw new UsageError(`--kind attend ${kinds.join('|')}, pas « ${values.kind} ».`);
  }
  const amount = values.amount;
  if (amount !== undefined && amount !== 'unit' && amount !== 'line') {
    throw new UsageError(`--amount attend unit (prix d'une place) ou line (total de la ligne), pas « ${amount} ».`);
  }
  for (const spec of values.map ?? []) {
    if (!/^[A-Za-z0-9]+=.+/.test(spec)) throw new UsageError(`--map attend CHAMP=COLONNE (ex. --map orderDate="Créé le"), pas « ${spec} ».`);
  }
  if (command === 'report' && [values.json, values.csv !== undefined, values.pdf !== undefined].filter(Boolean).length > 1) {
    throw new UsageError('parterre report : choisissez une seule sortie parmi --json, --csv et --pdf.');
  }
  return {
    command,
    positionals: positionals.slice(1),
    ...commonArgs(values),
    preset: values.preset,
    savePreset: values['save-preset'],
    seasonStartMonth: integer('season-start-month', values['season-start-month'], 1, 12),
    dryRun: values['dry-run'] ?? false,
    map: values.map ?? [],
    mappingFile: values.mapping,
    amount,
    sort: sort as CliArgs['sort'],
    limit: integer('limit', values.limit, 1, 1_000_000),
    search: values.search,
    port: integer('port', values.port, 0, 65_535),
    kind: values.kind,
    season: values.season?.at(-1),
    csv: values.csv,
    pdf: values.pdf,
    seasons: values.season ?? [],
    out: values.out,
    into: values.into,
    quarter: quarterOption(values.quarter),
  };
}
