import { describe, expect, it } from 'vitest';
import { numberCell, percent, reportCsvFiles, textCell, toCsv } from '../../../electron/cli/report-csv.js';
import { euros, frenchDate } from '../../../shared/excel-csv.js';
import type { SeasonReport } from '../../../shared/report-types.js';

describe('the report as CSV for a French Excel', () => {
  it('writes numbers with a decimal comma and no thousands separator, dates dd/mm/yyyy', () => {
    expect(numberCell(1234567)).toBe('1234567');
    expect(numberCell(0.12345, 2)).toBe('0,12');
    expect(numberCell(null)).toBe('');
    expect(euros(123456)).toBe('1234,56');
    expect(euros(911150)).toBe('9111,50');
    expect(percent(0.8306451)).toBe('83,06');
    expect(frenchDate('2024-10-05T20:30:00')).toBe('05/10/2024');
  });

  it('escapes text a spreadsheet would run as a formula', () => {
    for (const danger of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\tx', '\rx']) expect(textCell(danger)).toBe(`'${danger}`);
    expect(textCell('Hamlet')).toBe('Hamlet');
  });

  it('escapes text cells only: a negative figure stays a number, a text « -2 » stays text', () => {
    const csv = toCsv(['Clé', 'Billets', 'Recette TTC (€)'], [[textCell('-2'), numberCell(-3), euros(-1250)]]);
    expect(csv).toBe("\ufeffClé;Billets;Recette TTC (€)\r\n'-2;-3;-12,50\r\n");
  });

  it('starts with a BOM, separates with « ; », quotes what needs it, ends lines with CRLF', () => {
    const csv = toCsv(['Spectacle', 'Billets'], [['Roméo; et Juliette', '12'], ['Le "Cid"', '3']]);
    expect(csv.startsWith('\ufeffSpectacle;Billets\r\n')).toBe(true);
    expect(csv).toContain('"Roméo; et Juliette";12\r\n');
    expect(csv).toContain('"Le ""Cid""";3\r\n');
  });

  it('writes one file per table, with the figures of the report', () => {
    const season = {
      seasonYear: 2024, label: '2024-2025', performances: 1, tickets: 3, ticketsPaid: 2, ticketsFree: 1, revenueCents: 2500,
      revenueExclTaxCents: null, averagePriceCents: 1250, orders: 2, averageBasketCents: 1250, spectators: 2, newSpectators: 2,
      returning: 0, reactivated: 0, retentionRate: null, churnRate: null, subscribers: 0, fillRate: 0.03,
    };
    const report: SeasonReport = {
      season, previous: null, venueName: '', seasons: [{ seasonYear: 2024, label: '2024-2025' }],
      performances: [{ key: '=P1', date: '2024-11-02T20:30:00', show: 'Giselle', discipline: 'Danse', hall: null, capacity: 100, tickets: 3, ticketsPaid: 2, ticketsFree: 1, revenueCents: 2500, fillRate: 0.03 }],
      disciplines: [{ discipline: null, tickets: 3, revenueCents: 2500, spectators: 2 }],
      departements: [{ code: '2A', name: 'Corse-du-Sud', spectators: 2, tickets: 3 }],
      communes: [], salesByMonth: [{ month: '2024-10', tickets: 3, revenueCents: 2500 }],
      bookingPace: { points: [{ daysBefore: 0, tickets: 3, previousTickets: null }], asOf: '2024-10-01', ticketsAsOf: 3, previousAsOf: null, previousTicketsAsOf: null, undatedTickets: 0 },
      ladder: [{ band: '4-10', spectators: 2, newSpectators: 2 }],
    };
    const files = reportCsvFiles(report);
    expect(Object.keys(files).sort()).toEqual(
      ['communes.csv', 'departements.csv', 'disciplines.csv', 'echelle-de-frequentation.csv', 'indicateurs.csv', 'representations.csv', 'rythme-de-reservation.csv', 'ventes-par-mois.csv'].sort(),
    );
    expect(files['representations.csv']).toContain("'=P1;02/11/2024;20:30;Giselle;Danse;;100;3;2;1;25,00;3\r\n");
    expect(files['disciplines.csv']).toContain('Sans discipline;3;25,00;2');
    expect(files['departements.csv']).toContain('2A;Corse-du-Sud;2;3');
    expect(files['ventes-par-mois.csv']).toContain('10/2024;3;25,00');
    expect(files['echelle-de-frequentation.csv']).toContain('4 à 10;2;2');
    expect(files['indicateurs.csv']).toContain('Taux de remplissage (%);3;');
    expect(files['indicateurs.csv']).toContain('Recette HT (€);;');
  });
});
