import { describe, expect, it } from 'vitest';
import { customerSearchText, searchWords } from '../../../electron/engine/kpi/search-text.js';

describe('customer search text', () => {
  it('is lower-case and accent-free, name first', () => {
    expect(
      customerSearchText({ lastName: 'Lefèvre', firstName: 'Hélène', email: 'H.Lefevre@Exemple.FR', postalCode: '69003', city: 'Lyon' }),
    ).toBe('lefevre helene h.lefevre@exemple.fr 69003 lyon');
  });
  it('skips empty parts and folds ligatures', () => {
    expect(customerSearchText({ lastName: 'Œuvray', firstName: null, email: '', postalCode: null, city: 'Saint-Étienne' })).toBe(
      'oeuvray saint-etienne',
    );
  });
  it('folds a typed query into words the same way', () => {
    expect(searchWords('  Hélène   LYON ')).toEqual(['helene', 'lyon']);
    expect(searchWords('')).toEqual([]);
  });
});
