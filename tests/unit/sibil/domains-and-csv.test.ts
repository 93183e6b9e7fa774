import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { proposeDomain } from '../../../electron/engine/sibil/domains.js';
import { sibilCsv } from '../../../shared/sibil-csv.js';
import { SIBIL_FIELDS, type SibilPerformance } from '../../../shared/sibil.js';

describe('the SIBIL domain proposed from a discipline', () => {
  it.each([
    ['Théâtre', 'theatre'],
    ['THEATRE CONTEMPORAIN', 'theatre'],
    ['Conte', 'theatre'],
    ['Théâtre musical', 'theatre-musical'],
    ['Comédie musicale', 'theatre-musical'],
    ['Danse', 'danse'],
    ['Danse hip-hop', 'danse'],
    ['Ballet', 'danse'],
    ['Opéra', 'musique-classique'],
    ['Musique classique', 'musique-classique'],
    ['Jazz', 'musiques-actuelles'],
    ['Chanson française', 'musiques-actuelles'],
    ['Musiques du monde', 'musiques-du-monde'],
    ['Cirque', 'cirque'],
    ['Magie', 'cirque'],
    ['Marionnettes', 'marionnettes'],
    ['Humour', 'humour'],
    ['Stand-up', 'humour'],
    ['Arts de la rue', 'arts-de-la-rue'],
    ['Cabaret', 'cabaret'],
    ['Pluridisciplinaire', 'autre'],
  ])('%s → %s', (discipline, domain) => {
    expect(proposeDomain(discipline)).toBe(domain);
  });

  it('proposes nothing where the discipline says too little', () => {
    for (const vague of ['Musique', 'Jeune public', '', null, 'Divers']) expect(proposeDomain(vague)).toBeNull();
  });
});

const line = (over: Partial<SibilPerformance>): SibilPerformance => ({
  key: 'R1',
  spectacle: 'Hamlet',
  lieu: 'Théâtre — Grande salle',
  dateHeureRepresentation: '2024-10-15T20:30:00',
  jauge: 100,
  nbBilletsTarifPlein: 3,
  recetteTarifPlein: 75,
  prixMoyenTarifPlein: 25,
  nbBilletsTarifAbonnementForfait: 1,
  nbBilletsExoneres: 1,
  nbBilletsTotalBilletterie: 6,
  recetteTotalBilletterie: 1234.5,
  prixMoyenTotalBilletterie: 246.9,
  domaine: 'theatre',
  ...over,
});

describe('the SIBIL CSV', () => {
  it('is ;-separated UTF-8 with a BOM and CRLF, the ministry’s field names as header, decimal commas and French dates', () => {
    const csv = sibilCsv([line({})]);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows[0]).toBe(SIBIL_FIELDS.join(';'));
    const cells = rows[1].split(';');
    const at = (field: (typeof SIBIL_FIELDS)[number]) => cells[SIBIL_FIELDS.indexOf(field)];
    expect(at('dateHeureRepresentation')).toBe('15/10/2024 20:30');
    expect(at('recetteTotalBilletterie')).toBe('1234,50');
    expect(at('prixMoyenTarifPlein')).toBe('25,00');
    expect(at('domaine')).toBe('Théâtre, conte, mime');
    expect(rows[2]).toBe('');
  });

  it('escapes a title a spreadsheet would run as a formula, and leaves an unknown capacity or price empty', () => {
    const csv = sibilCsv([line({ spectacle: '=HYPERLINK("http://x")', jauge: null, prixMoyenTarifPlein: null, lieu: '+33 salle' })]);
    const [header, row] = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
    const cell = (field: string) => row[header.indexOf(field)];
    expect(cell('spectacle')).toBe('\'=HYPERLINK("http://x")');
    expect(cell('lieu')).toBe("'+33 salle");
    expect(cell('jauge')).toBe('');
    expect(cell('prixMoyenTarifPlein')).toBe('');
  });
});
