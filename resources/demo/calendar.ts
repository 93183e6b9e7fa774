/**
 * Days as integers (days since 1970-01-01) so that the generator does date arithmetic with
 * additions, and formats each day once (the export repeats the same few thousand dates a
 * million times). UTC throughout: no time zone or daylight-saving change may shift a day.
 */
const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

const frenchDates = new Map<number, string>();

/** `dd/mm/yyyy`, as a French box-office export writes it. */
export function frenchDate(day: number): string {
  let text = frenchDates.get(day);
  if (text === undefined) {
    const d = new Date(day * MS_PER_DAY);
    text = `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    frenchDates.set(day, text);
  }
  return text;
}

/** `hh:mm` from minutes after midnight. */
export function clockTime(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}
