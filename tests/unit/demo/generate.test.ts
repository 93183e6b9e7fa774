/**
 * The demo generator: deterministic, and the file has everything it promises (seasons,
 * disciplines, halls, cancellations, invitations, subscriptions, anonymous sales, multi-seat
 * lines, awkward quoted cells), in the encoding and layout of a French Windows export.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoExport } from '../../../resources/demo/generate.js';
import { tempDir } from '../../helpers/temp-db.js';

const dir = tempDir('parterre-demo-test-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generateDemoExport determinism', () => {
  it('writes byte-identical files for the same seed and size, different ones for another seed', async () => {
    const a = await generateDemoExport({ path: join(dir, 'a.csv'), seed: 7, lines: 3_000 });
    const b = await generateDemoExport({ path: join(dir, 'b.csv'), seed: 7, lines: 3_000 });
    const c = await generateDemoExport({ path: join(dir, 'c.csv'), seed: 8, lines: 3_000 });
    const bytesA = readFileSync(a.path);
    expect(bytesA.equals(readFileSync(b.path))).toBe(true);
    expect(bytesA.equals(readFileSync(c.path))).toBe(false);
    expect(a.bytes).toBe(bytesA.length);
  });

  it('scales with `lines`: the count it reports is the count in the file, close to the one asked', async () => {
    for (const lines of [100, 2_000, 20_000]) {
      const result = await generateDemoExport({ path: join(dir, `scale-${lines}.csv`), seed: 3, lines });
      const text = iconv.decode(readFileSync(result.path), 'win1252');
      const rows = Papa.parse<string[]>(text, { delimiter: ';', newline: '\r\n', skipEmptyLines: true }).data;
      expect(rows.length - 1).toBe(result.lines);
      expect(Math.abs(result.lines - lines) / lines).toBeLessThan(0.1);
    }
  });
});

describe('the default demo export', () => {
  let raw: Buffer;
  let header: string[];
  let rows: Record<string, string>[];
  let reported: { path: string; lines: number; bytes: number };

  beforeAll(async () => {
    reported = await generateDemoExport({ path: join(dir, 'default.csv') });
    raw = readFileSync(reported.path);
    const parsed = Papa.parse<string[]>(iconv.decode(raw, 'win1252'), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    header = parsed.data[0];
    rows = parsed.data.slice(1).map((cells) => {
      expect(cells).toHaveLength(header.length);
      return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    });
  });

  const cents = (amount: string) => Math.round(Number(amount.replace(',', '.')) * 100);
  const iso = (ddmmyyyy: string) => ddmmyyyy.slice(6, 10) + '-' + ddmmyyyy.slice(3, 5) + '-' + ddmmyyyy.slice(0, 2);
  const seasonOf = (ddmmyyyy: string) => {
    const year = Number(ddmmyyyy.slice(6, 10));
    return Number(ddmmyyyy.slice(3, 5)) >= 9 ? year : year - 1;
  };

  it('is Windows-1252 with CRLF line ends and Sirius-like French headers', () => {
    // "é" is the single byte E9 in Windows-1252; in UTF-8 it would be C3 A9.
    expect(raw.includes(Buffer.from([0xe9]))).toBe(true);
    expect(raw.includes(Buffer.from([0xc3, 0xa9]))).toBe(false);
    expect(raw.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const crlf = raw.toString('latin1').split('\r\n').length - 1;
    // One CRLF per record (header included); the only other line breaks sit inside quotes.
    expect(crlf).toBe(rows.length + 1);
    expect(header.slice(0, 7)).toEqual(['N° billet', 'N° commande', 'Date commande', 'Etat', 'Montant', 'nbPlaces', 'Tarif']);
    expect(header).toContain('Date séance');
    expect(header).toContain('Jauge');
    expect(header).toContain('Prénom');
    expect(rows.length).toBeGreaterThan(100_000);
    expect(rows.length).toBe(reported.lines);
  });

  it('spans at least four seasons of performances from September to June', () => {
    const seasons = new Set(rows.map((r) => seasonOf(r['Date séance'])));
    expect([...seasons].sort()).toEqual([2021, 2022, 2023, 2024]);
    const months = new Set(rows.map((r) => Number(r['Date séance'].slice(3, 5))));
    expect(months.has(7) || months.has(8)).toBe(false);
    expect(months.has(9) && months.has(6)).toBe(true);
  });

  it('has about thirty shows a season in six disciplines, and three halls with their capacities', () => {
    const disciplines = new Set(rows.map((r) => r.Discipline));
    expect([...disciplines].sort()).toEqual(['Cirque', 'Danse', 'Humour', 'Jeune public', 'Musique', 'Théâtre']);
    const halls = new Map(rows.map((r) => [r.Salle, r.Jauge]));
    expect(halls.get('Grande salle')).toBe('620');
    expect(halls.get('Studio')).toBe('180');
    expect(halls.get('Chapiteau')).toBe('400');
    // Performances outside the venue have no known capacity.
    expect([...halls.values()]).toContain('');
    for (const season of [2021, 2022, 2023, 2024]) {
      const shows = new Set(rows.filter((r) => seasonOf(r['Date séance']) === season).map((r) => r.Spectacle));
      expect(shows.size).toBeGreaterThanOrEqual(25);
      expect(shows.size).toBeLessThanOrEqual(35);
    }
  });

  it('fills each performance with a known capacity to 55–95 % of its seats, sold before it starts', () => {
    const sold = new Map<string, { seats: number; capacity: number }>();
    for (const r of rows) {
      if (r.Etat === 'A' || r.Jauge === '') continue;
      const p = sold.get(r['N° séance']) ?? { seats: 0, capacity: Number(r.Jauge) };
      p.seats += Number(r.nbPlaces);
      sold.set(r['N° séance'], p);
      expect(iso(r['Date commande'].slice(0, 10)) <= iso(r['Date séance'])).toBe(true);
    }
    for (const { seats, capacity } of sold.values()) {
      expect(seats / capacity).toBeGreaterThanOrEqual(0.549);
      expect(seats / capacity).toBeLessThanOrEqual(0.951);
    }
  });

  it('prices full tariffs between 8 and 38 €, and orders 1 to 6 seats of a performance', () => {
    const full = rows.filter((r) => r.Etat === 'V' && r.Tarif === 'Plein tarif').map((r) => cents(r.Montant));
    expect(Math.min(...full)).toBeGreaterThanOrEqual(800);
    expect(Math.max(...full)).toBeLessThanOrEqual(3800);
    const seatsPerOrderAndPerformance = new Map<string, number>();
    for (const r of rows) {
      if (r.Etat === 'A') continue;
      const key = `${r['N° commande']}|${r['N° séance']}`;
      seatsPerOrderAndPerformance.set(key, (seatsPerOrderAndPerformance.get(key) ?? 0) + Number(r.nbPlaces));
    }
    const counts = [...seatsPerOrderAndPerformance.values()];
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(6);
    expect(rows.some((r) => Number(r.nbPlaces) > 1)).toBe(true);
  });

  it('has cancellations: a later reversal line in state A with a negative amount, mostly with the same ticket number', () => {
    const sales = new Map<string, number>();
    rows.forEach((r, i) => r.Etat === 'V' && sales.set(r['N° billet'], i));
    const reversals = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.Etat === 'A');
    expect(reversals.length).toBeGreaterThan(500);
    const sameNumber = reversals.filter(({ r }) => sales.has(r['N° billet']));
    const ownNumber = reversals.filter(({ r }) => !sales.has(r['N° billet']));
    expect(sameNumber.length).toBeGreaterThan(ownNumber.length);
    expect(ownNumber.length).toBeGreaterThan(10);
    for (const { r, i } of sameNumber) {
      expect(sales.get(r['N° billet'])!).toBeLessThan(i);
      expect(cents(r.Montant)).toBeLessThanOrEqual(0);
      expect(cents(r.Montant) + cents(rows[sales.get(r['N° billet'])!].Montant)).toBe(0);
    }
    // A reversal with its own number cancels a sale of the same order and performance, at the same price.
    for (const { r } of ownNumber) {
      const match = rows.find(
        (s) => s.Etat === 'V' && s['N° commande'] === r['N° commande'] && s['N° séance'] === r['N° séance'] && cents(s.Montant) === -cents(r.Montant),
      );
      expect(match).toBeDefined();
    }
  });

  it('has invitations and exonérés at 0 €, subscriptions, reduced tariffs and anonymous counter sales', () => {
    const tariffs = new Set(rows.map((r) => r.Tarif));
    for (const t of ['Invitation', 'Exonéré', 'Abonnement 4 spectacles', 'Abonnement Liberté', 'Tarif réduit', 'Tarif enfant']) {
      expect(tariffs).toContain(t);
    }
    for (const r of rows.filter((r) => r.Tarif === 'Invitation' || r.Tarif === 'Exonéré')) expect(cents(r.Montant)).toBe(0);
    const anonymous = rows.filter((r) => r['N° client'] === '');
    expect(anonymous.length).toBeGreaterThan(1_000);
    for (const r of anonymous) expect([r.Nom, r.Prénom, r.Email, r['Code postal']].join('')).toBe('');
  });

  it('has about 15,000 customers, a loyal core across seasons, and accented names', () => {
    const seasonsOf = new Map<string, Set<number>>();
    for (const r of rows) {
      if (!r['N° client']) continue;
      const s = seasonsOf.get(r['N° client']) ?? new Set<number>();
      s.add(seasonOf(r['Date séance']));
      seasonsOf.set(r['N° client'], s);
    }
    expect(seasonsOf.size).toBeGreaterThan(12_000);
    expect(seasonsOf.size).toBeLessThan(18_000);
    const everySeason = [...seasonsOf.values()].filter((s) => s.size === 4).length;
    const once = [...seasonsOf.values()].filter((s) => s.size === 1).length;
    expect(everySeason).toBeGreaterThan(300);
    expect(once).toBeGreaterThan(seasonsOf.size / 2);
    const names = new Set(rows.map((r) => r.Prénom));
    for (const n of ['Hélène', 'Béatrice', 'Noël']) expect(names).toContain(n);
    expect(rows.some((r) => r.Nom === 'Châtelet' || r.Spectacle.includes('Châtelet'))).toBe(true);
  });

  it('quotes cells holding the separator, quotes or a line break, and reads them back intact', () => {
    const text = raw.toString('latin1');
    expect(text).toContain('"Bât. B; 3e étage"'.replace('â', '\xe2').replace('é', '\xe9'));
    expect(text).toContain('"Résidence ""Les Tilleuls""\nEntrée 2"'.replace(/é/g, '\xe9'));
    expect(rows.some((r) => r['Adresse 2'] === 'Bât. B; 3e étage')).toBe(true);
    expect(rows.some((r) => r['Adresse 1'] === 'Résidence "Les Tilleuls"\nEntrée 2')).toBe(true);
    expect(rows.some((r) => r.Compagnie === 'Cie Les Mots; Dits')).toBe(true);
  });
});
