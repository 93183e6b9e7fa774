/**
 * Exports: consent honoured per channel (a property test over random consents, checked by
 * reading the written file back), formulas escaped, each format's header, separator, BOM and
 * line ends, the reasons counted, and the append-only log line.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpDataVersion } from '../../../electron/engine/kpi/data-version.js';
import { exportSegment } from '../../../electron/engine/segments/export/run-export.js';
import { readExportLog } from '../../../electron/engine/segments/export/log.js';
import type { ConsentChannel } from '../../../shared/segments-criteria.js';
import { openTempDb, type TempDb } from '../../helpers/temp-db.js';
import { buildSegmentFixture, type Fixture } from './fixture.js';

const NOW = new Date('2026-12-02T10:00:00Z');
let db: TempDb;
let f: Fixture;
beforeAll(() => {
  db = openTempDb();
  f = buildSegmentFixture(db.sqlite);
});
afterAll(() => db.cleanup());

const everyone = { and: [] };
const parse = (content: string, delimiter: string) => Papa.parse<string[]>(content, { delimiter, skipEmptyLines: true }).data;

describe('consent per channel', () => {
  it('keeps who consented and has the address, and says why the others were left out', () => {
    const result = exportSegment(db.sqlite, { criteria: everyone, segmentId: null, segmentName: 'Tous', channel: 'email', format: 'brevo', now: NOW });
    const rows = parse(result.content, ';');
    expect(rows[0]).toEqual(['EMAIL', 'FIRSTNAME', 'LASTNAME', 'SMS']);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(['ann@exemple.fr', 'fay@exemple.fr']);
    expect(result.excluded).toEqual({ refused: 1, noConsent: 3, tooOld: 0, noAddress: 0 }); // bob; cat, dan, eve
    expect(result.segmentCount).toBe(6);
    // fay's consent dates from 2015: more than 5 years before 2026-12-02.
    const recent = exportSegment(db.sqlite, { criteria: everyone, segmentId: null, segmentName: 'Tous', channel: 'email', format: 'brevo', maxConsentAgeYears: 5, now: NOW });
    expect(parse(recent.content, ';').slice(1).map((r) => r[0])).toEqual(['ann@exemple.fr']);
    expect(recent.excluded).toEqual({ refused: 1, noConsent: 3, tooOld: 1, noAddress: 0 });
  });

  it('sends an SMS only to a consenting mobile, in international form', () => {
    db.sqlite.prepare('UPDATE customers SET consent_sms = 1 WHERE id IN (?, ?)').run(f.ids.ann, f.ids.cat); // cat's is a landline
    bumpDataVersion(db.sqlite); // rows written behind the importer's back: the segment tables must be rebuilt
    const result = exportSegment(db.sqlite, { criteria: everyone, segmentId: null, segmentName: null, channel: 'sms', format: 'brevo', now: NOW });
    expect(parse(result.content, ';').slice(1)).toEqual([['ann@exemple.fr', 'Ann', 'Durand', '+33612345678']]);
    expect(result.excluded).toEqual({ refused: 0, noConsent: 4, tooOld: 0, noAddress: 1 });
    db.sqlite.prepare('UPDATE customers SET consent_sms = NULL').run();
    bumpDataVersion(db.sqlite);
  });

  it('never lets out a customer without consent for the channel (random consents)', () => {
    const consent = fc.constantFrom<0 | 1 | null>(0, 1, null);
    const customer = fc.record({
      email: fc.option(fc.constantFrom('a@b.fr', 'x@y.com', 'pas-un-email'), { nil: null }),
      phone: fc.option(fc.constantFrom('0612345678', '+447700900123', '0145000000'), { nil: null }),
      address: fc.boolean(),
      email_c: consent,
      sms_c: consent,
      post_c: consent,
      at: fc.option(fc.constantFrom('2010-01-01', '2025-01-01'), { nil: null }),
    });
    const insert = db.sqlite.prepare(
      `INSERT INTO customers (source_key, last_name, email, phone, address1, postal_code, city, consent_email, consent_sms, consent_post,
         consent_email_at, consent_sms_at, consent_post_at) VALUES (?, 'P', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let run = 0;
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 30 }), fc.constantFrom<ConsentChannel>('email', 'sms', 'post'), fc.option(fc.constantFrom(3, 10), { nil: undefined }), (people, channel, maxAge) => {
        run++;
        const keys = people.map((p, i) => {
          const key = `PROP-${run}-${i}`;
          insert.run(key, p.email, p.phone, p.address ? '1 rue' : null, p.address ? '75001' : null, p.address ? 'Paris' : null, p.email_c, p.sms_c, p.post_c, p.at, p.at, p.at);
          return key;
        });
        bumpDataVersion(db.sqlite);
        const criteria = { field: 'postalCode' as const, values: ['75001'] };
        const only = { or: [criteria, { not: criteria }] };
        const result = exportSegment(db.sqlite, { criteria: { and: [only] }, segmentId: null, segmentName: null, channel, format: 'csv', maxConsentAgeYears: maxAge, now: NOW });
        const written = new Set(parse(result.content.replace(/^\uFEFF/, ''), ';').slice(1).map((r) => r[0]));
        const column = channel === 'email' ? 'email_c' : channel === 'sms' ? 'sms_c' : 'post_c';
        let expected = 0;
        people.forEach((p, i) => {
          const allowedByConsent = p[column] === 1 && (maxAge === undefined || (p.at !== null && p.at >= `${2026 - maxAge}-12-02`));
          if (!allowedByConsent) expect(written.has(keys[i])).toBe(false);
          // Counted independently: consent, age, and the address the channel needs.
          const address = channel === 'email' ? p.email !== null && p.email.includes('@') : channel === 'sms' ? p.phone === '0612345678' || p.phone === '+447700900123' : p.address;
          if (allowedByConsent && address) expected++;
        });
        expect([...written].filter((k) => k.startsWith(`PROP-${run}-`)).length).toBe(expected);
        db.sqlite.prepare("DELETE FROM customers WHERE source_key LIKE 'PROP-%'").run();
        bumpDataVersion(db.sqlite);
      }),
      { numRuns: 40, seed: 12 },
    );
  });
});

describe('files', () => {
  it('escapes every cell a spreadsheet would run as a formula', () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+SUM(A1)', '-2+3', '@cmd', '\tTab', '\rRetour'];
    const ids = hostile.map((name, i) =>
      Number(db.sqlite.prepare("INSERT INTO customers (source_key, last_name, first_name, email, consent_email) VALUES (?, ?, ?, ?, 1)").run(`F${i}`, name, name, `f${i}@x.fr`).lastInsertRowid),
    );
    bumpDataVersion(db.sqlite);
    const criteria = { field: 'postalCode' as const, values: ['0'] };
    const result = exportSegment(db.sqlite, { criteria: { not: { or: [criteria, { field: 'hasAddress' as const }, { field: 'bought' as const }] } }, segmentId: null, segmentName: null, channel: 'email', format: 'csv', now: NOW });
    const rows = parse(result.content.replace(/^\uFEFF/, ''), ';');
    const lastNames = rows.slice(1).map((r) => r[2]).filter((n) => n.startsWith("'"));
    expect(lastNames.sort()).toEqual(hostile.map((h) => `'${h}`).sort());
    for (const row of rows) for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
    db.sqlite.prepare(`DELETE FROM customers WHERE id IN (${ids.join(',')})`).run();
    bumpDataVersion(db.sqlite);
  });

  it('writes each format with its header, separator, BOM and CRLF', () => {
    const make = (format: 'mailchimp' | 'brevo' | 'sarbacane' | 'csv') =>
      exportSegment(db.sqlite, { criteria: { field: 'consent', channel: 'email' }, segmentId: null, segmentName: 'Abonnés e-mail', channel: 'email', format, now: NOW });
    const mailchimp = make('mailchimp');
    expect(mailchimp.bom).toBe(false);
    expect(mailchimp.content.split('\r\n')[0]).toBe('Email Address,First Name,Last Name,Phone Number,Address,Zip,City');
    expect(mailchimp.content.split('\r\n')[1]).toBe('ann@exemple.fr,Ann,Durand,+33612345678,1 rue A,75001,Paris');
    expect(make('brevo').content.split('\r\n')[0]).toBe('EMAIL;FIRSTNAME;LASTNAME;SMS');
    expect(make('sarbacane').content.split('\r\n')[0]).toBe('Email;Prénom;Nom;Mobile;Civilité;Adresse;Code postal;Ville');
    const csv = make('csv');
    expect(csv.bom).toBe(true);
    const lines = csv.content.split('\r\n');
    expect(lines[0]).toBe('N° client;Civilité;Nom;Prénom;E-mail;Téléphone;Adresse 1;Adresse 2;Adresse 3;Code postal;Ville;Pays;Valeur vie (€);Commandes;Dernier achat');
    expect(lines[1]).toBe('K-ANN;;Durand;Ann;ann@exemple.fr;06 12 34 56 78;1 rue A;;;75001;Paris;;75,00;2;02/09/2024'); // 7500 cents, decimal comma
    expect(csv.content.endsWith('\r\n')).toBe(true);
    expect(csv.content.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(csv.fileName).toBe('abonnes-e-mail-email-csv-2026-12-02.csv');
  });

  it('writes a log line per export, and the log refuses any change', () => {
    const before = readExportLog(db.sqlite, 1000).length;
    const result = exportSegment(db.sqlite, { criteria: everyone, segmentId: null, segmentName: 'Tous', channel: 'email', format: 'mailchimp', fileName: 'envoi.csv', now: NOW });
    const log = readExportLog(db.sqlite, 1000);
    expect(log.length).toBe(before + 1);
    expect(log[0]).toMatchObject({
      id: result.logId,
      at: NOW.toISOString(),
      what: 'segment-export',
      fileName: 'envoi.csv',
      rows: 2,
      excluded: 4,
      segmentName: 'Tous',
      criteria: everyone,
      channel: 'email',
      format: 'mailchimp',
      excludedByReason: { refused: 1, noConsent: 3, tooOld: 0, noAddress: 0 },
    });
    expect(() => db.sqlite.prepare('UPDATE export_log SET rows = 0').run()).toThrow(/journal des exports/);
    expect(() => db.sqlite.prepare('DELETE FROM export_log').run()).toThrow(/journal des exports/);
    expect(readExportLog(db.sqlite, 1000).length).toBe(before + 1);
  });
});
