/**
 * `parterre tariffs` lists every tariff with its tickets and kinds; `parterre tariffs set --kind
 * full|reduced|subscription|free NAME...` sets (and confirms) the kind of the tariffs so named.
 */
import type { EngineClient } from '../engine/client.js';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { formatMoney, formatNumber } from '../../shared/format.js';
import { TARIFF_KINDS, type TariffKindName, type TariffKindReason, type TariffRow } from '../../shared/tariff-types.js';
import { UsageError, type CliArgs } from './args.js';
import { renderTable } from './table.js';

export const KIND_LABELS: Record<TariffKindName, string> = {
  full: 'Plein tarif',
  reduced: 'Tarif réduit',
  subscription: 'Abonnement',
  free: 'Exonéré / invitation',
};

export function describeReason(reason: TariffKindReason): string {
  switch (reason.source) {
    case 'price':
      return 'prix 0 €';
    case 'name':
      return `nom : « ${reason.match} »`;
    case 'category':
      return `catégorie : « ${reason.match} »`;
    case 'subscriptionColumn':
      return 'colonne abonnement renseignée';
    case 'import':
      return "lu à l'import (catégorie, type de produit ou abonnement)";
    default:
      return 'aucun mot reconnu';
  }
}

export function printTariffs(rows: TariffRow[]): string {
  const table = renderTable(
    ['Tarif', 'Billets', 'Recette', 'Proposé', 'Raison', 'Retenu', 'Confirmé'],
    rows.map((r) => [
      r.name || '(sans nom)',
      formatNumber(r.tickets),
      formatMoney(r.revenueCents),
      KIND_LABELS[r.proposedKind],
      describeReason(r.reason),
      KIND_LABELS[r.kind],
      r.confirmed ? 'oui' : 'non',
    ]),
    'lrrllll',
  );
  const unconfirmed = rows.filter((r) => !r.confirmed).length;
  return `${table}\n${formatNumber(rows.length)} tarifs, dont ${formatNumber(unconfirmed)} à confirmer`;
}

type Call = <N extends CallName>(engine: EngineClient, name: N, input: CallInput<N>) => Promise<CallOutput<N>>;

export async function runTariffs(args: CliArgs, engine: EngineClient, call: Call, out: (value: unknown, human: () => string) => void): Promise<void> {
  const [verb, ...names] = args.positionals;
  if (verb === undefined) {
    const rows = await call(engine, 'tariffs.list', {});
    out(rows, () => printTariffs(rows));
    return;
  }
  if (verb !== 'set') throw new UsageError(`parterre tariffs attend « set » ou rien, pas « ${verb} ».`);
  const kind = args.kind;
  if (!kind || !(TARIFF_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`parterre tariffs set attend --kind ${TARIFF_KINDS.join('|')}${kind ? `, pas « ${kind} »` : ''}.`);
  }
  if (names.length === 0) throw new UsageError('parterre tariffs set attend au moins un nom de tarif.');
  const rows = await call(engine, 'tariffs.list', {});
  const unknown = names.filter((name) => !rows.some((r) => r.name === name));
  if (unknown.length > 0) {
    const known = rows.map((r) => `« ${r.name} »`).join(', ');
    throw new Error(`Tarif inconnu : ${unknown.map((n) => `« ${n} »`).join(', ')}. Tarifs de la base : ${known || 'aucun'}.`);
  }
  const chosen = rows.filter((r) => names.includes(r.name));
  const after = await call(engine, 'tariffs.setKind', { tariffs: chosen.map((r) => ({ id: r.id, kind: kind as TariffKindName })) });
  const changed = after.filter((r) => chosen.some((c) => c.id === r.id));
  out(changed, () => `${printTariffs(changed)}\nType « ${KIND_LABELS[kind as TariffKindName]} » retenu et confirmé ; les indicateurs sont recalculés.`);
}
