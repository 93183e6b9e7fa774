/** The one way a figure's formula is read: in the interface's language, French unless English. */
import { describe, expect, it } from 'vitest';
import { formulaText } from '../../shared/formula.js';
import { CUSTOMER_FORMULAS, SEASON_FORMULAS } from '../../shared/indicator-formulas.js';
import { REPORT_FORMULAS } from '../../shared/report-formulas.js';

describe('formulaText', () => {
  it('reads English in English and French in every other case, the default language', () => {
    expect(formulaText(SEASON_FORMULAS.averagePriceCents, 'en')).toBe('Revenue / paid seats');
    expect(formulaText(SEASON_FORMULAS.averagePriceCents, 'fr')).toBe('Recette / places payantes');
    expect(formulaText(CUSTOMER_FORMULAS.ticketsPerOrder, 'de')).toBe('Places valides / commandes');
    expect(formulaText(REPORT_FORMULAS.performanceFillRate, '')).toBe('Places valides / jauge de la représentation (— sans jauge)');
  });
});
