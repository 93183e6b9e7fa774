/** The demo generator in exclusive mode (demo.generate): it never replaces a file, not even its own partial one. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoExport } from '../../../resources/demo/generate.js';
import { tempDir } from '../../helpers/temp-db.js';

const dir = tempDir('parterre-demo-exclusive-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generateDemoExport, exclusive', () => {
  it('writes a new file and leaves no partial file behind', async () => {
    const path = join(dir, 'neuf.csv');
    const result = await generateDemoExport({ path, lines: 100, exclusive: true });
    expect(readFileSync(path).length).toBe(result.bytes);
    expect(existsSync(`${path}.part`)).toBe(false);
  });

  it('refuses when the target exists, and leaves it as it was', async () => {
    const path = join(dir, 'existant.csv');
    writeFileSync(path, 'à garder');
    await expect(generateDemoExport({ path, lines: 100, exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(path, 'utf8')).toBe('à garder');
    expect(existsSync(`${path}.part`)).toBe(false);
  });

  it('refuses when a file of the partial name exists, and removes neither', async () => {
    const path = join(dir, 'autre.csv');
    writeFileSync(`${path}.part`, 'pas à nous');
    await expect(generateDemoExport({ path, lines: 100, exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(`${path}.part`, 'utf8')).toBe('pas à nous');
    expect(existsSync(path)).toBe(false);
  });
});
