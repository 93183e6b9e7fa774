/**
 * SIBIL, the Ministry of Culture's ticketing declaration (DOMAIN.md, « SIBIL »): its calendar
 * quarters and deadlines, its domains, and the shape of one declared performance under the
 * ministry's own field names. Pure: the engine computes the figures, the renderer and the command
 * line show them.
 */

/** A calendar quarter: 1 = January–March … 4 = October–December. */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** `2024-T4` (French, « trimestre ») or `2024-Q4`. */
export const QUARTER_PATTERN = /^\s*(\d{4})\s*-?\s*[TtQq]([1-4])\s*$/;

/** The quarter of `2024-T4` or `2024-Q4`; null for anything else. */
export function parseQuarter(text: string): Quarter | null {
  const match = QUARTER_PATTERN.exec(text);
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

/** The label Parterre uses: `2024-T4`. */
export function quarterLabel({ year, quarter }: Quarter): string {
  return `${year}-T${quarter}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the quarter and the first day after it, as `YYYY-MM-DD` (the database's dates sort as text). */
export function quarterBounds({ year, quarter }: Quarter): { from: string; until: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const next = nextQuarter({ year, quarter });
  return { from: `${year}-${pad(firstMonth)}-01`, until: `${next.year}-${pad((next.quarter - 1) * 3 + 1)}-01` };
}

export function nextQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: (quarter + 1) as Quarter['quarter'] };
}

export function previousQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter['quarter'] };
}

/** The quarter a `YYYY-MM-DD…` date falls in. */
export function quarterOf(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

/**
 * The day a quarter must be declared before: décret 2017-926 asks for the quarter's performances
 * before the 10th day of the next quarter's first month (Q4 2024 → before 2025-01-10).
 */
export function declarationDeadline(quarter: Quarter): string {
  const next = nextQuarter(quarter);
  return `${next.year}-${pad((next.quarter - 1) * 3 + 1)}-10`;
}

/**
 * The quarter to declare next on `today` (`YYYY-MM-DD`): the one just ended while its deadline
 * has not passed, else the current one (whose deadline is in the next quarter).
 */
export function quarterToDeclare(today: string): { quarter: Quarter; deadline: string } {
  const ended = previousQuarter(quarterOf(today));
  const deadline = declarationDeadline(ended);
  if (today < deadline) return { quarter: ended, deadline };
  const current = quarterOf(today);
  return { quarter: current, deadline: declarationDeadline(current) };
}

/**
 * The domains a performance is declared under (SIBIL's « domaine » list, grouped as the ministry's
 * form groups them). `autre` is « spectacle vivant sans discipline dominante ».
 */
export const SIBIL_DOMAINS = [
  'theatre',
  'theatre-musical',
  'danse',
  'musique-classique',
  'musiques-actuelles',
  'musiques-du-monde',
  'cirque',
  'marionnettes',
  'humour',
  'arts-de-la-rue',
  'cabaret',
  'autre',
] as const;
export type SibilDomain = (typeof SIBIL_DOMAINS)[number];

/** One performance as declared: the ministry's field names; money in euros with two decimals. */
export interface SibilPerformance {
  /** The performance's source number (its number in the ticketing software). */
  key: string;
  spectacle: string;
  lieu: string;
  /** `YYYY-MM-DDTHH:MM:SS`, the venue's local time. */
  dateHeureRepresentation: string;
  jauge: number | null;
  nbBilletsTarifPlein: number;
  recetteTarifPlein: number;
  prixMoyenTarifPlein: number | null;
  nbBilletsTarifAbonnementForfait: number;
  nbBilletsExoneres: number;
  nbBilletsTotalBilletterie: number;
  recetteTotalBilletterie: number;
  prixMoyenTotalBilletterie: number | null;
  /** The show's domain: the user's choice, else proposed from the discipline; null when neither. */
  domaine: SibilDomain | null;
}

/** What the screen needs beside the declared fields: ids to correct a domain, and where it came from. */
export interface SibilLine extends SibilPerformance {
  performanceId: number;
  showId: number;
  discipline: string | null;
  /** 'user' when the user chose the domain, 'proposed' when read from the discipline, null when none. */
  domaineSource: 'user' | 'proposed' | null;
  /** Tickets at reduced prices: in the totals only, shown so that the totals can be checked. */
  nbBilletsTarifReduit: number;
}

export type SibilCheckCode =
  | 'noCapacity'
  | 'overCapacity'
  | 'unconfirmedTariff'
  | 'noTicket'
  | 'noDomain'
  | 'seriesAcrossQuarters';

/** A check before declaring: what is wrong, where, and (in the renderer's strings) what to do. */
export interface SibilCheck {
  code: SibilCheckCode;
  /** The performances it concerns (empty for a tariff). */
  performanceKeys: string[];
  /** A show's title, a tariff's name, the other quarter… */
  subject: string;
}

export interface SibilDeclaration {
  quarter: string;
  from: string;
  until: string;
  deadline: string;
  lines: SibilLine[];
  checks: SibilCheck[];
  /** When the quarter was marked as declared, and with which file; null until then. */
  declared: { at: string; file: string | null } | null;
}

export interface SibilQuarterSummary {
  quarter: string;
  performances: number;
  deadline: string;
  declaredAt: string | null;
}

/** The ministry's French names of the domains (as its form words them), used in the CSV and on the screen. */
export const SIBIL_DOMAIN_NAMES: Record<SibilDomain, string> = {
  theatre: 'Théâtre, conte, mime',
  'theatre-musical': 'Théâtre musical, comédie musicale',
  danse: 'Danse',
  'musique-classique': 'Musique classique, opéra, musique contemporaine',
  'musiques-actuelles': 'Musiques actuelles, jazz et genres assimilés',
  'musiques-du-monde': 'Musiques et danses du monde, traditionnelles',
  cirque: 'Cirque, magie',
  marionnettes: 'Marionnettes, arts de la manipulation',
  humour: 'Humour',
  'arts-de-la-rue': 'Arts de la rue',
  cabaret: 'Cabaret, music-hall',
  autre: 'Spectacle vivant sans discipline dominante',
};

/** The declared fields in the ministry form's order: the CSV's columns and the JSON's keys. */
export const SIBIL_FIELDS = [
  'key',
  'spectacle',
  'lieu',
  'dateHeureRepresentation',
  'jauge',
  'nbBilletsTarifPlein',
  'recetteTarifPlein',
  'prixMoyenTarifPlein',
  'nbBilletsTarifAbonnementForfait',
  'nbBilletsExoneres',
  'nbBilletsTotalBilletterie',
  'recetteTotalBilletterie',
  'prixMoyenTotalBilletterie',
  'domaine',
] as const satisfies readonly (keyof SibilPerformance)[];

/** Only the declared fields of a line, in the form's order (what `parterre sibil --json` prints). */
export function declaredFields(line: SibilPerformance): SibilPerformance {
  return Object.fromEntries(SIBIL_FIELDS.map((field) => [field, line[field]])) as unknown as SibilPerformance;
}
