/** The terminal's tables: figures to the right, text to the left, as each command says. */
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../../electron/cli/table.js';

describe('renderTable', () => {
  it('pads a figure column on the left and a text column on the right', () => {
    const table = renderTable(['Tarif', 'Billets', 'Raison'], [['Plein', '1 204', 'aucun mot reconnu'], ['Abonnement', '7', 'abo']], 'lrl');
    expect(table.split('\n')).toEqual([
      'Tarif       Billets  Raison',
      '──────────  ───────  ─────────────────',
      'Plein         1 204  aucun mot reconnu',
      'Abonnement        7  abo',
    ]);
  });

  it('refuses an alignment that does not give one letter, l or r, per column', () => {
    expect(() => renderTable(['a', 'b'], [], 'l')).toThrow(/2 columns/);
    expect(() => renderTable(['a', 'b'], [], 'lx')).toThrow();
  });
});
