import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../../electron/cli/args.js';
import { defaultDataDir } from '../../../electron/data-dir.js';

describe('command-line arguments', () => {
  it('reads a command, its files and options', () => {
    const args = parseCliArgs(['import', 'a.csv', 'b.csv', '--db', 'x.sqlite', '--season-start-month', '8', '--json', '--dry-run']);
    expect(args).toMatchObject({ command: 'import', positionals: ['a.csv', 'b.csv'], db: 'x.sqlite', seasonStartMonth: 8, json: true, dryRun: true });
    expect(parseCliArgs(['customers', '--sort', 'recency', '--limit', '5', '--search', 'dupont'])).toMatchObject({ sort: 'recency', limit: 5, search: 'dupont' });
    expect(parseCliArgs([]).command).toBe('help');
  });
  it('says what is wrong with a bad option', () => {
    expect(() => parseCliArgs(['customers', '--sort', 'age'])).toThrow(UsageError);
    expect(() => parseCliArgs(['import', 'a.csv', '--season-start-month', '13'])).toThrow(/1 à 12/);
    expect(() => parseCliArgs(['seasons', '--colour'])).toThrow(UsageError);
    expect(() => parseCliArgs(['explode'])).toThrow(/Commande inconnue : explode/);
  });
});

describe('the default data folder', () => {
  it("is Electron's userData for Parterre on each platform, unless PARTERRE_DATA_DIR says otherwise", () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Parterre');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/Parterre');
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Parterre');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toMatch(/Roaming.Parterre$/);
    expect(defaultDataDir({ PARTERRE_DATA_DIR: '/data/p' }, 'linux', '/home/ana')).toBe('/data/p');
  });
});
