/**
 * What a file's one amount column holds — the price of a seat or the total of the line — decided
 * from the data (docs/import-rules.md, « Amounts »): among lines of the same performance and
 * tariff, does the amount grow with the seats? 1 seat at 10,80 and 3 seats at 32,40 is a line
 * total; 1 seat at 10,80 and 3 seats at 10,80 a unit price. Lines of one seat, or no seats
 * column, cannot differ. When the groups disagree or none has lines of different seat counts, the
 * data cannot tell: the wizard asks; an import without the user's word reads the column as its
 * header says and its summary warns (`--amount` settles it).
 */
import type { ColumnMapping } from '../../../../shared/import-fields.js';
import type { AmountDecision } from '../../../../shared/import-proposal-types.js';
import { parseAmountCents, parseSeats, type DecimalMark } from '../read/values.js';

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

interface Example {
  seats: number;
  cents: number;
}

/** Votes of the groups whose lines have different seat counts. */
interface Votes {
  unit: number;
  line: number;
  example: { unit?: Example[]; line?: Example[] };
}

function vote(groups: Map<string, Example[]>): Votes {
  const votes: Votes = { unit: 0, line: 0, example: {} };
  for (const lines of groups.values()) {
    const seatCounts = new Set(lines.map((l) => l.seats));
    if (seatCounts.size < 2) continue;
    const sameAmount = new Set(lines.map((l) => l.cents)).size === 1;
    // Equal per seat up to a cent a seat (a total that does not divide evenly).
    const perSeat = lines.map((l) => l.cents / l.seats);
    const samePerSeat = Math.max(...perSeat) - Math.min(...perSeat) < 1;
    const pick = () => {
      const bySeats = [...new Map(lines.map((l) => [l.seats, l])).values()].sort((a, b) => a.seats - b.seats);
      return [bySeats[0], bySeats[bySeats.length - 1]];
    };
    if (sameAmount && !samePerSeat) {
      votes.unit++;
      votes.example.unit ??= pick();
    } else if (samePerSeat && !sameAmount) {
      votes.line++;
      votes.example.line ??= pick();
    }
  }
  return votes;
}

const show = (examples: Example[]) => examples.map((e) => `${e.seats} place${e.seats > 1 ? 's' : ''} → ${euros(e.cents)}`).join(' ; ');

/** The decision for `mapping` over the sampled rows; null when the file has no amount column. */
export function decideAmount(rows: readonly string[][], mapping: ColumnMapping, decimalMark: DecimalMark): AmountDecision | null {
  const unitColumn = mapping.unitPrice;
  const lineColumn = mapping.lineAmount;
  if (unitColumn !== undefined && lineColumn !== undefined) {
    return {
      mode: 'both',
      column: lineColumn,
      source: 'both-columns',
      evidence: 'deux colonnes : le prix de la place et le montant de la ligne, vérifiés ligne à ligne (montant = prix × places)',
    };
  }
  const column = unitColumn ?? lineColumn;
  if (column === undefined) return null;
  const seatsColumn = mapping.seats;
  if (seatsColumn === undefined) {
    return { mode: 'unit', column, source: 'single-seat', evidence: 'pas de colonne de places : une place par ligne, prix de la place et montant de la ligne sont égaux' };
  }
  const groupColumns = (['performanceId', 'performanceDate', 'performanceTime', 'showId', 'showTitle', 'tariff', 'tariffCategory'] as const)
    .map((f) => mapping[f])
    .filter((c): c is number => c !== undefined);
  const groups = new Map<string, Example[]>();
  let multiSeat = 0;
  for (const row of rows) {
    const seats = parseSeats((row[seatsColumn] ?? '').trim());
    const cents = parseAmountCents((row[column] ?? '').trim(), decimalMark);
    if (seats === null || cents === null || seats <= 0 || cents <= 0) continue;
    if (seats > 1) multiSeat++;
    const key = JSON.stringify(groupColumns.map((c) => row[c] ?? ''));
    let lines = groups.get(key);
    if (!lines) groups.set(key, (lines = []));
    lines.push({ seats, cents });
  }
  if (multiSeat === 0) {
    return { mode: 'unit', column, source: 'single-seat', evidence: "toutes les lignes lues ont une place : prix de la place et montant de la ligne sont égaux" };
  }
  const votes = vote(groups);
  const total = votes.unit + votes.line;
  const groupWord = (n: number) => `${n} groupe${n > 1 ? 's' : ''} (même séance, même tarif)`;
  if (votes.line > 0 && votes.unit <= total * 0.1) {
    return {
      mode: 'line',
      column,
      source: 'data',
      evidence: `le montant croît avec les places : c'est le montant de la ligne (${groupWord(votes.line)} sur ${total} ; ex. ${show(votes.example.line!)})`,
    };
  }
  if (votes.unit > 0 && votes.line <= total * 0.1) {
    return {
      mode: 'unit',
      column,
      source: 'data',
      evidence: `le montant ne change pas avec les places : c'est le prix d'une place (${groupWord(votes.unit)} sur ${total} ; ex. ${show(votes.example.unit!)})`,
    };
  }
  return {
    mode: null,
    column,
    source: 'undecided',
    evidence:
      total === 0
        ? `${multiSeat} lignes de plusieurs places, mais aucune séance et aucun tarif n'ont des lignes de places différentes à comparer : indiquez si le montant est le prix d'une place ou le total de la ligne`
        : `les lignes se contredisent (${votes.unit} groupes disent prix d'une place, ${votes.line} total de la ligne) : indiquez ce que contient le montant`,
  };
}

/** The mapping with its one amount column under the field `mode` says. */
export function withAmountMode(mapping: ColumnMapping, mode: 'unit' | 'line'): ColumnMapping {
  const column = mapping.unitPrice ?? mapping.lineAmount;
  if (column === undefined || (mapping.unitPrice !== undefined && mapping.lineAmount !== undefined)) return mapping;
  const { unitPrice: _u, lineAmount: _l, ...rest } = mapping;
  return { ...rest, [mode === 'unit' ? 'unitPrice' : 'lineAmount']: column };
}
