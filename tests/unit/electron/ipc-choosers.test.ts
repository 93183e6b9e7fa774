/**
 * The desktop shell's own choosers for the Archives screen (dialog.chooseArchive,
 * dialog.chooseFolder): answered in ipc.ts with a native dialog, never by the engine; what the
 * user chose is granted to the engine with the access its purpose needs (a backup's destination:
 * write; a backup to restore, an archive: read), a cancel grants nothing, and an untrusted sender
 * opens no dialog. Then the same ipc wired to a real engine: a folder outside the data folder
 * receives a backup only once it was chosen as a backup's destination.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './fake-electron.js';
import { MANIFEST_FILE } from '../../../electron/engine/archives/backups.js';
import { startEngineInProcess } from '../../../electron/engine/in-process.js';
import type { IpcEngine } from '../../../electron/desktop/ipc.js';
import { tempDir } from '../../helpers/temp-db.js';

const ipcMain = vi.hoisted(() => ({ handle: vi.fn(), on: vi.fn(), removeHandler: vi.fn() }));
vi.mock('electron', () => ({ ipcMain }));

const { registerIpc } = await import('../../../electron/desktop/ipc.js');

const APP_URL = 'app://parterre/index.html';
type Handler = (event: unknown, request: unknown) => Promise<unknown>;

function setup(engine: IpcEngine = { callRaw: vi.fn(async () => ({ ok: true as const, value: 'moteur' })), grant: vi.fn() }) {
  const contents = new FakeWebContents();
  const window = { webContents: contents, isDestroyed: () => false };
  const chooseArchive = vi.fn(async (): Promise<string | null> => '/media/clé/parterre-2019-2020.sqlite');
  const chooseFolder = vi.fn(async (): Promise<string | null> => '/media/clé/sauvegardes');
  const dispose = registerIpc({ engine, getWindow: () => window as never, appUrl: APP_URL, openFiles: vi.fn(), chooseArchive, chooseFolder });
  const handler = ipcMain.handle.mock.calls.find((call) => call[0] === 'parterre:invoke')![1] as Handler;
  const trusted = { sender: contents, senderFrame: contents.mainFrame };
  return { contents, window, engine, chooseArchive, chooseFolder, handler, trusted, dispose };
}

beforeEach(() => vi.clearAllMocks());

describe('the native choosers of the Archives screen', () => {
  it('« Ouvrir une archive… »: the chosen file is granted to read and returned; the engine is not called', async () => {
    const { handler, trusted, engine, chooseArchive, window } = setup();
    await expect(handler(trusted, { name: 'dialog.chooseArchive', input: {} })).resolves.toEqual({
      ok: true,
      value: { path: '/media/clé/parterre-2019-2020.sqlite' },
    });
    expect(chooseArchive).toHaveBeenCalledWith(window);
    expect(engine.grant).toHaveBeenCalledExactlyOnceWith(['/media/clé/parterre-2019-2020.sqlite'], 'read');
    expect(engine.callRaw).not.toHaveBeenCalled();
  });

  it('« Sauvegarder vers… »: the chosen folder is granted to write into', async () => {
    const { handler, trusted, engine, chooseFolder, window } = setup();
    await expect(handler(trusted, { name: 'dialog.chooseFolder', input: { purpose: 'backup' } })).resolves.toEqual({
      ok: true,
      value: { path: '/media/clé/sauvegardes' },
    });
    expect(chooseFolder).toHaveBeenCalledWith(window, 'backup');
    expect(engine.grant).toHaveBeenCalledExactlyOnceWith(['/media/clé/sauvegardes'], 'write');
    expect(engine.callRaw).not.toHaveBeenCalled();
  });

  it('« Restaurer… »: the chosen backup folder is granted to read only', async () => {
    const { handler, trusted, engine, chooseFolder, window } = setup();
    await expect(handler(trusted, { name: 'dialog.chooseFolder', input: { purpose: 'restore' } })).resolves.toEqual({
      ok: true,
      value: { path: '/media/clé/sauvegardes' },
    });
    expect(chooseFolder).toHaveBeenCalledWith(window, 'restore');
    expect(engine.grant).toHaveBeenCalledExactlyOnceWith(['/media/clé/sauvegardes'], 'read');
  });

  it('a cancelled chooser answers null and grants nothing', async () => {
    const { handler, trusted, engine, chooseArchive, chooseFolder } = setup();
    chooseArchive.mockResolvedValueOnce(null);
    chooseFolder.mockResolvedValueOnce(null).mockResolvedValueOnce(null);
    await expect(handler(trusted, { name: 'dialog.chooseArchive', input: {} })).resolves.toEqual({ ok: true, value: { path: null } });
    await expect(handler(trusted, { name: 'dialog.chooseFolder', input: { purpose: 'backup' } })).resolves.toEqual({ ok: true, value: { path: null } });
    await expect(handler(trusted, { name: 'dialog.chooseFolder', input: { purpose: 'restore' } })).resolves.toEqual({ ok: true, value: { path: null } });
    expect(engine.grant).not.toHaveBeenCalled();
    expect(engine.callRaw).not.toHaveBeenCalled();
  });

  it('refuses a sub-frame or another sender without opening a dialog or granting anything', async () => {
    const { handler, contents, engine, chooseArchive, chooseFolder } = setup();
    const untrusted = [
      { sender: contents, senderFrame: { url: APP_URL } },
      { sender: new FakeWebContents(), senderFrame: contents.mainFrame },
    ];
    for (const event of untrusted) {
      await expect(handler(event, { name: 'dialog.chooseArchive', input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      await expect(handler(event, { name: 'dialog.chooseFolder', input: { purpose: 'backup' } })).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNAUTHORIZED' },
      });
    }
    expect(chooseArchive).not.toHaveBeenCalled();
    expect(chooseFolder).not.toHaveBeenCalled();
    expect(engine.grant).not.toHaveBeenCalled();
  });

  it('checks the input against the contract before any dialog opens', async () => {
    const { handler, trusted, engine, chooseArchive, chooseFolder } = setup();
    const bad = [
      { name: 'dialog.chooseFolder', input: {} },
      { name: 'dialog.chooseFolder', input: { purpose: 'tout' } },
      { name: 'dialog.chooseFolder', input: { purpose: 'backup', path: '/etc' } },
      { name: 'dialog.chooseFolder', input: 'backup' },
      { name: 'dialog.chooseArchive', input: { path: '/etc/passwd' } },
    ];
    for (const request of bad) {
      await expect(handler(trusted, request), JSON.stringify(request)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(chooseArchive).not.toHaveBeenCalled();
    expect(chooseFolder).not.toHaveBeenCalled();
    expect(engine.grant).not.toHaveBeenCalled();
  });

  it('says in French when the dialog itself fails, and grants nothing', async () => {
    const { handler, trusted, engine, chooseFolder } = setup();
    chooseFolder.mockRejectedValueOnce(new Error('no display'));
    await expect(handler(trusted, { name: 'dialog.chooseFolder', input: { purpose: 'backup' } })).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Le sélecteur n’a pas pu s’ouvrir : no display' },
    });
    expect(engine.grant).not.toHaveBeenCalled();
  });
});

describe('the choosers and a real engine', () => {
  const dataDir = tempDir('parterre-data-');
  const usb = tempDir('parterre-usb-');
  const engine = startEngineInProcess({ dbPath: join(dataDir, 'parterre.sqlite'), dataDir });
  afterAll(async () => {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(usb, { recursive: true, force: true });
  });

  it('writes a backup outside the data folder only into a folder chosen as its destination', async () => {
    const { handler, trusted, chooseFolder } = setup(engine);
    const destination = join(usb, 'sauvegardes');
    mkdirSync(destination);
    const save = () => handler(trusted, { name: 'backups.save', input: { out: destination } });

    // Typed in the field: refused.
    await expect(save()).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    // Chosen as a backup to restore: it may be read, not written into.
    chooseFolder.mockResolvedValueOnce(destination);
    await handler(trusted, { name: 'dialog.chooseFolder', input: { purpose: 'restore' } });
    await expect(save()).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(readdirSync(destination)).toEqual([]);
    // Chosen as the backup's destination: written, manifest included.
    chooseFolder.mockResolvedValueOnce(destination);
    await handler(trusted, { name: 'dialog.chooseFolder', input: { purpose: 'backup' } });
    const saved = (await save()) as { ok: boolean; value: { folder: string } };
    expect(saved.ok).toBe(true);
    const [folder] = readdirSync(destination);
    expect(folder).toMatch(/^parterre-/);
    expect(existsSync(join(destination, folder, MANIFEST_FILE))).toBe(true);
  });

  it('reads an archive from elsewhere only once it was chosen', async () => {
    const { handler, trusted, chooseArchive } = setup(engine);
    const file = join(usb, 'pas-une-archive.sqlite');
    writeFileSync(file, 'ceci n’est pas une base SQLite');
    const open = () => handler(trusted, { name: 'archives.open', input: { path: file } });

    await expect(open()).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    chooseArchive.mockResolvedValueOnce(file);
    await handler(trusted, { name: 'dialog.chooseArchive', input: {} });
    // Past the policy: the engine now reads the file, and says what is wrong with it.
    const opened = (await open()) as { ok: boolean; error: { code: string } };
    expect(opened.ok).toBe(false);
    expect(opened.error.code).not.toBe('UNAUTHORIZED');
  });

  it('the engine itself answers the choosers as unavailable, saying what to do instead', async () => {
    const archive = await engine.callRaw('dialog.chooseArchive', {});
    const folder = await engine.callRaw('dialog.chooseFolder', { purpose: 'backup' });
    expect(archive).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('parterre attach') } });
    expect(folder).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('parterre backup --out') } });
    if (!folder.ok) expect(folder.error.message).toContain('dossier de données');
  });
});
