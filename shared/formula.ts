/**
 * A figure's formula in one line, French first, then English: the one shape of
 * indicator-formulas.ts (season and customer indicators) and report-formulas.ts (the report's
 * own figures), shown on hover (DOMAIN.md).
 */
export interface Formula {
  fr: string;
  en: string;
}

/** The formula in the interface's language: English when it is English, French otherwise. */
export function formulaText(formula: Formula, language: string): string {
  return language === 'en' ? formula.en : formula.fr;
}
