/** The engine's path policy: the data folder, the files the user chose, nothing else; never over an existing file. */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalPath, createPathPolicy } from '../../../electron/engine/path-policy.js';
import { tempDir } from '../../helpers/temp-db.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function setup() {
  const root = tempDir('parterre-paths-');
  roots.push(root);
  const dataDir = join(root, 'donnees');
  const outside = join(root, 'ailleurs');
  mkdirSync(dataDir);
  mkdirSync(outside);
  writeFileSync(join(dataDir, 'billets.csv'), 'a;b\n');
  writeFileSync(join(outside, 'clients.csv'), 'a;b\n');
  return { root, dataDir, outside, policy: createPathPolicy({ dataDir }) };
}

const code = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('the path policy', () => {
  it('lets a caller read in the data folder, and nowhere else until the user chose the file', () => {
    const { dataDir, outside, policy } = setup();
    expect(policy.readable(join(dataDir, 'billets.csv'))).toBe(canonicalPath(join(dataDir, 'billets.csv')));
    expect(code(() => policy.readable(join(outside, 'clients.csv')))).toBe('UNAUTHORIZED');
    expect(code(() => policy.readable('/etc/passwd'))).toBe('UNAUTHORIZED');
    policy.grant([join(outside, 'clients.csv')], 'read');
    expect(code(() => policy.readable(join(outside, 'clients.csv')))).toBe('ok');
    // A grant is for that file, not its folder.
    writeFileSync(join(outside, 'autre.csv'), 'x');
    expect(code(() => policy.readable(join(outside, 'autre.csv')))).toBe('UNAUTHORIZED');
  });

  it('cannot be climbed out of with .. or a symbolic link inside the data folder', () => {
    const { dataDir, outside, policy } = setup();
    expect(code(() => policy.readable(join(dataDir, '..', 'ailleurs', 'clients.csv')))).toBe('UNAUTHORIZED');
    symlinkSync(join(outside, 'clients.csv'), join(dataDir, 'lien.csv'));
    symlinkSync(outside, join(dataDir, 'dossier-lien'));
    expect(code(() => policy.readable(join(dataDir, 'lien.csv')))).toBe('UNAUTHORIZED');
    expect(code(() => policy.readable(join(dataDir, 'dossier-lien', 'clients.csv')))).toBe('UNAUTHORIZED');
    expect(code(() => policy.creatable(join(dataDir, 'dossier-lien', 'nouveau.csv')))).toBe('UNAUTHORIZED');
  });

  it('accepts a granted file under another spelling of its path (.., a link to it)', () => {
    const { root, outside, policy } = setup();
    policy.grant([join(outside, 'clients.csv')], 'read');
    symlinkSync(outside, join(root, 'raccourci'));
    expect(code(() => policy.readable(join(root, 'raccourci', 'clients.csv')))).toBe('ok');
    expect(code(() => policy.readable(join(outside, '..', 'ailleurs', 'clients.csv')))).toBe('ok');
  });

  it('never lets a caller write over an existing file, unless the user chose it as a destination', () => {
    const { dataDir, outside, policy } = setup();
    expect(code(() => policy.creatable(join(dataDir, 'billets.csv')))).toBe('VALIDATION');
    expect(code(() => policy.creatable(join(dataDir, 'sous', 'nouveau.csv')))).toBe('ok');
    expect(code(() => policy.creatable(join(outside, 'nouveau.csv')))).toBe('UNAUTHORIZED');
    // Read access to a file does not allow replacing it.
    policy.grant([join(outside, 'clients.csv')], 'read');
    expect(code(() => policy.creatable(join(outside, 'clients.csv')))).toBe('VALIDATION');
    policy.grant([join(outside, 'clients.csv')], 'write');
    expect(code(() => policy.creatable(join(outside, 'clients.csv')))).toBe('ok');
  });

  it('says in French why, naming the path', () => {
    const { policy } = setup();
    expect(() => policy.readable('/etc/passwd')).toThrow(/^Accès refusé à « \/etc\/passwd » : Parterre n'ouvre que les fichiers que vous avez choisis/);
  });
});

describe('a folder the user chose', () => {
  it('grants reading what is inside it (a backup folder to restore), not writing', () => {
    const { outside, policy } = setup();
    const folder = join(outside, 'sauvegarde');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'parterre.sqlite'), '');
    expect(code(() => policy.readable(join(folder, 'parterre.sqlite')))).toBe('UNAUTHORIZED');
    policy.grant([folder], 'read');
    expect(code(() => policy.readable(join(folder, 'parterre.sqlite')))).toBe('ok');
    expect(code(() => policy.readable(join(folder, '..', 'ailleurs.csv')))).toBe('UNAUTHORIZED');
    expect(code(() => policy.creatable(join(folder, 'nouveau', 'parterre.sqlite')))).toBe('UNAUTHORIZED');
  });

  it('as a destination, lets new files and folders be created inside it, never replaced', () => {
    const { outside, policy } = setup();
    const stick = join(outside, 'cle-usb');
    mkdirSync(stick, { recursive: true });
    writeFileSync(join(stick, 'deja-la.sqlite'), 'à garder');
    policy.grant([stick], 'write');
    expect(code(() => policy.creatable(join(stick, 'parterre-2026', 'parterre.sqlite')))).toBe('ok');
    expect(code(() => policy.creatable(join(stick, 'deja-la.sqlite')))).toBe('VALIDATION');
    expect(code(() => policy.creatable(join(outside, 'a-cote.sqlite')))).toBe('UNAUTHORIZED');
  });
});
