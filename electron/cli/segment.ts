/**
 * `parterre segment list|save|count|export`: saved segments and their exports from the command
 * line, through the same engine calls as the app. The criteria file holds the tree of
 * shared/segments-criteria.ts (e.g. `{"and": [{"field": "discipline", "values": ["Danse"]}, …]}`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CallInput, CallName, CallOutput, CallResult } from '../../shared/contract.js';
import { formatNumber } from '../../shared/format.js';
import { CONSENT_CHANNELS, criteriaSchema, describeCriteriaError, type ConsentChannel, type Criteria } from '../../shared/segments-criteria.js';
import { EXPORT_FORMATS, type ExclusionReason, type ExportFormat } from '../../shared/segments-types.js';
import { startEngine, type EngineClient } from '../engine/client.js';
import { COMMON_OPTIONS, commonArgs, databasePath, reportFailure, UsageError } from './args.js';
import type { CliIo } from './run.js';
import { renderTable } from './table.js';

export const SEGMENT_USAGE = `Usage : parterre segment <action> [options]

Actions :
  list                                   les segments enregistrés
  save --name NOM --criteria FICHIER.json [--id ID]
                                         enregistre (ou modifie, avec --id) un segment
  count (--id ID | --criteria FICHIER.json)
                                         compte les clients du segment
  export (--id ID | --criteria FICHIER.json) --channel email|sms|post
         --format mailchimp|brevo|sarbacane|csv --out FICHIER [--max-consent-age ANNÉES]
                                         écrit le fichier pour l'outil d'envoi (consentements respectés)

Options communes : --db CHEMIN, --json`;

const REASONS: Record<ExclusionReason, string> = {
  refused: 'consentement refusé',
  noConsent: 'pas de consentement',
  tooOld: 'consentement trop ancien ou non daté',
  noAddress: 'pas d’adresse pour ce canal',
};

class Refusal extends Error {}

/** The criteria of a JSON file, or a message naming the file and what is wrong in it. */
export function readCriteriaFile(path: string): Criteria {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new Refusal(`${path} : fichier illisible (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Refusal(`${path} : JSON invalide (${(error as Error).message}).`);
  }
  const parsed = criteriaSchema.safeParse(json);
  if (!parsed.success) throw new Refusal(`${path} : critères invalides — ${describeCriteriaError(parsed.error)}.`);
  return parsed.data;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) throw new UsageError(`--${name} est obligatoire (${allowed.join(', ')}).`);
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} attend ${allowed.join(', ')}, pas « ${value} ».`);
  return value as T;
}

function positiveInteger(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} attend un nombre entier positif, pas « ${raw} ».`);
  return value;
}

async function call<N extends CallName>(engine: EngineClient, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result: CallResult<CallOutput<N>> = await engine.call(name, input);
  if (!result.ok) throw new Refusal(result.error.message);
  return result.value;
}

export async function runSegmentCli(argv: string[], io: CliIo): Promise<number> {
  let values;
  let action: string;
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...COMMON_OPTIONS,
        id: { type: 'string' },
        name: { type: 'string' },
        criteria: { type: 'string' },
        channel: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'max-consent-age': { type: 'string' },
      },
    });
    values = parsed.values;
    action = parsed.positionals[0] ?? 'help';
    if (values.help || action === 'help') {
      io.stdout(`${SEGMENT_USAGE}\n`);
      return 0;
    }
    if (!['list', 'save', 'count', 'export'].includes(action)) throw new UsageError(`Action inconnue : segment ${action}.`);
    if (parsed.positionals.length > 1) throw new UsageError(`Argument inattendu : ${parsed.positionals[1]}.`);
  } catch (error) {
    io.stderr(`parterre : ${(error as Error).message}\n\n${SEGMENT_USAGE}\n`);
    return 2;
  }
  const common = commonArgs(values);
  const { json } = common;
  const dbPath = databasePath(common, io.env);
  let engine: EngineClient | null = null;
  try {
    const id = positiveInteger('id', values.id);
    const criteriaPath = values.criteria ? resolve(values.criteria) : undefined;
    const target = (): { id: number } | { criteria: Criteria } => {
      if ((id === undefined) === (criteriaPath === undefined)) throw new UsageError('Donnez soit --id, soit --criteria FICHIER.json.');
      return id !== undefined ? { id } : { criteria: readCriteriaFile(criteriaPath!) };
    };
    // Everything the command line can check is checked before the engine starts.
    let run: (engine: EngineClient) => Promise<void>;
    if (action === 'list') {
      run = async (e) => {
        const segments = await call(e, 'segments.list', {});
        io.stdout(
          json
            ? `${JSON.stringify(segments, null, 2)}\n`
            : `${renderTable(['id', 'nom', 'modifié le'], segments.map((s) => [String(s.id), s.name, s.updatedAt.slice(0, 10)]), 'rll')}\n`,
        );
      };
    } else if (action === 'save') {
      if (!values.name) throw new UsageError('--name est obligatoire.');
      if (!criteriaPath) throw new UsageError('--criteria FICHIER.json est obligatoire.');
      const criteria = readCriteriaFile(criteriaPath);
      const name = values.name;
      run = async (e) => {
        const saved = await call(e, 'segments.save', { ...(id !== undefined ? { id } : {}), name, criteria });
        io.stdout(json ? `${JSON.stringify(saved, null, 2)}\n` : `Segment « ${saved.name} » enregistré (id ${saved.id}).\n`);
      };
    } else if (action === 'count') {
      const t = target();
      run = async (e) => {
        const { count, total } = await call(e, 'segments.count', { ...t, sample: 0 });
        io.stdout(
          json
            ? `${JSON.stringify({ count, total, ...('id' in t ? { id: t.id } : {}) }, null, 2)}\n`
            : `${formatNumber(count)} clients sur ${formatNumber(total)}\n`,
        );
      };
    } else {
      const t = target();
      const channel = oneOf<ConsentChannel>('channel', values.channel, CONSENT_CHANNELS);
      const format = oneOf<ExportFormat>('format', values.format, EXPORT_FORMATS);
      if (!values.out) throw new UsageError('--out FICHIER est obligatoire.');
      const out = resolve(values.out);
      const maxConsentAgeYears = positiveInteger('max-consent-age', values['max-consent-age']);
      run = async (e) => {
        const result = await call(e, 'segments.export', { ...t, channel, format, maxConsentAgeYears, fileName: basename(out) });
        writeFileSync(out, (result.bom ? '\uFEFF' : '') + result.content, 'utf8');
        const left = Object.values(result.excluded).reduce((a, b) => a + b, 0);
        const { content: _content, ...summary } = result;
        void _content;
        io.stdout(
          json
            ? `${JSON.stringify({ ...summary, out }, null, 2)}\n`
            : [
                `${formatNumber(result.rows)} clients écrits dans ${out} (segment : ${formatNumber(result.segmentCount)}, laissés de côté : ${formatNumber(left)}).`,
                ...Object.entries(result.excluded)
                  .filter(([, n]) => n > 0)
                  .map(([reason, n]) => `  ${REASONS[reason as ExclusionReason]} : ${formatNumber(n)}`),
              ].join('\n') + '\n',
        );
      };
    }
    engine = startEngine({ dbPath, dataDir: dirname(dbPath) });
    if ((await engine.ready) < 0) {
      const info = await engine.call('app.info', {});
      if (!info.ok) throw new Refusal(info.error.message);
    }
    await run(engine);
    return 0;
  } catch (error) {
    return reportFailure(error, SEGMENT_USAGE, io.stderr);
  } finally {
    await engine?.close();
  }
}
