/**
 * A ticket line's price of one seat, from whichever amount columns the file has
 * (docs/import-rules.md, « Amounts »): the unit price as it is; a line total divided by the
 * line's seats; both, checked against each other (a line whose total is not price × seats is
 * rejected, naming the total's column). Null when no amount cell is filled.
 */
import type { LineFields } from './fields.js';
import { LineReject } from '../write/rejects.js';

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

export function unitCentsOf(fields: LineFields, seats: number): number | null {
  const unit = fields.has('unitPrice') ? fields.cents('unitPrice') : null;
  if (!fields.has('lineAmount')) return unit;
  const line = fields.cents('lineAmount');
  if (line === null) return unit;
  // A reversal line may give its seats negative and its total negative too: the count is |seats|.
  const count = Math.abs(seats) || 1;
  if (unit !== null) {
    // A unit price rounded to the cent may miss the total by less than a cent a seat.
    if (Math.abs(Math.abs(unit) * count - Math.abs(line)) >= count) {
      throw new LineReject(
        `Montant de la ligne ${euros(line)} différent du prix × places (${euros(unit)} × ${count} = ${euros(unit * count)})`,
        fields.mapping.lineAmount ?? null,
      );
    }
    return unit;
  }
  // A total that does not divide by the seats keeps the nearest cent a seat (documented).
  return Math.round(line / count);
}
