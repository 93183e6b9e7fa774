import { describe, expect, it } from 'vitest';
import { REVERSAL, SAME_ORDER, SEPARATOR, TicketBatchBuilder, decodeCustomers } from '../../../electron/engine/import/read/ticket-batch.js';

const line = (n: number, tariff: string) => [n % 3, n, SAME_ORDER, `T${n}`, tariff, '', 'full', n * 100, 1, n % 2 ? REVERSAL : 0] as const;

describe('TicketBatchBuilder', () => {
  it('grows past its first capacity and keeps every line', () => {
    const builder = new TicketBatchBuilder(4);
    for (let n = 0; n < 10; n++) builder.addLine(...line(n, n < 5 ? 'Plein' : 'Réduit'));
    const batch = builder.take();
    expect(batch.count).toBe(10);
    expect([...batch.cents.subarray(0, 10)]).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect([...batch.flags.subarray(0, 4)]).toEqual([0, REVERSAL, 0, REVERSAL]);
    expect(batch.ticketKeys.split(SEPARATOR)).toEqual(['T0', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
  });

  it('sends each string once per file, then its index', () => {
    const builder = new TicketBatchBuilder();
    builder.addLine(...line(1, 'Plein'));
    builder.addLine(...line(2, 'Plein'));
    const first = builder.take();
    builder.addLine(...line(3, 'Plein'));
    builder.addLine(...line(4, 'Abonnement'));
    const second = builder.take();
    expect(first.strings).toEqual(['Plein', '']);
    expect([...first.tariff.subarray(0, 2)]).toEqual([0, 0]);
    expect(second.strings).toEqual(['Abonnement']);
    expect([...second.tariff.subarray(0, 2)]).toEqual([0, 2]);
    expect(second.count).toBe(2);
  });

  it('numbers the orders of a batch from 0, with an empty date for none', () => {
    const builder = new TicketBatchBuilder();
    expect(builder.addOrder('O1', '2024-10-01', 'Internet')).toBe(0);
    expect(builder.addOrder('O2', null, '')).toBe(1);
    expect(builder.take().orders.split(SEPARATOR)).toEqual(['O1', '2024-10-01', 'Internet', 'O2', '', '']);
    expect(builder.addOrder('O3', null, 'Guichet')).toBe(0);
  });

  it('carries customer reads as one string and gives them back as they were', () => {
    const builder = new TicketBatchBuilder();
    const first = {
      key: '160815',
      vals: ['M.', 'Lefèvre', 'Clément', '', '', '32 impasse des Lilas', '', '', '25220', 'Chalezeule', ''],
      consents: [
        { value: 1, at: '2023-05-01' },
        { value: 0, at: null },
        { value: null, at: null },
      ],
      source: '',
      searchText: 'lefevre clement 25220 chalezeule',
    };
    const second = { key: 'email:a@b.fr', vals: ['', 'Durand', '', 'a@b.fr', '', '', '', '', '', '', 'France'], consents: [], source: 'Formulaire', searchText: '' };
    builder.addCustomer(first);
    builder.addCustomer(second);
    expect(decodeCustomers(builder.take().customers)).toEqual([first, second]);
    expect(decodeCustomers(builder.take().customers)).toEqual([]);
  });
});
