import { describe, expect, it } from 'vitest';
import { defaultSibilQuarter } from '../../../renderer/lib/sibil-default.js';

const q = (...labels: string[]) => labels.map((quarter) => ({ quarter, performances: 1, deadline: '', declaredAt: null }));

describe('the quarter the SIBIL screen opens on', () => {
  it('is the quarter just ended when it held performances', () => {
    expect(defaultSibilQuarter(q('2024-T3', '2024-T4', '2025-T1'), '2025-01-05')).toBe('2024-T4');
  });
  it('else the latest quarter that has begun', () => {
    expect(defaultSibilQuarter(q('2024-T2', '2025-T1', '2025-T3'), '2025-01-05')).toBe('2025-T1');
    expect(defaultSibilQuarter(q('2022-T1', '2022-T4'), '2026-12-02')).toBe('2022-T4');
  });
  it('else the first one to come, and none without performances', () => {
    expect(defaultSibilQuarter(q('2027-T1', '2027-T2'), '2026-12-02')).toBe('2027-T1');
    expect(defaultSibilQuarter([], '2026-12-02')).toBeNull();
  });
});
