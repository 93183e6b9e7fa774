import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './fake-electron.js';

const electron = vi.hoisted(() => ({
  dialog: { showSaveDialog: vi.fn() },
  app: { getPath: vi.fn(() => '/home/billetterie/Documents') },
  ipcMain: { handle: vi.fn(), on: vi.fn(), removeHandler: vi.fn() },
}));
vi.mock('electron', () => electron);
const { savePageAsPdf, safeFileName } = await import('../../../electron/desktop/print-pdf.js');
const { registerIpc } = await import('../../../electron/desktop/ipc.js');

let dir: string;
beforeEach(() => {
  vi.clearAllMocks();
  dir = mkdtempSync(join(tmpdir(), 'parterre-pdf-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('« Enregistrer en PDF » in the desktop app', () => {
  it('asks where to save, prints the window to A4 with its own @page and backgrounds, and writes the file', async () => {
    const contents = new FakeWebContents();
    const window = { webContents: contents };
    const target = join(dir, 'rapport.pdf');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(savePageAsPdf(window as never, 'Rapport de saison 2024-2025 - Théâtre: Rives')).resolves.toBe(target);
    const [parent, options] = electron.dialog.showSaveDialog.mock.calls[0];
    expect(parent).toBe(window);
    expect(options.defaultPath).toBe(join('/home/billetterie/Documents', 'Rapport de saison 2024-2025 - Théâtre Rives.pdf'));
    expect(options.filters[0].extensions).toEqual(['pdf']);
    expect(contents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 parterre');
  });

  it('prints nothing when the user cancels the dialog', async () => {
    const contents = new FakeWebContents();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(savePageAsPdf({ webContents: contents } as never, 'rapport')).resolves.toBeNull();
    expect(contents.printToPDF).not.toHaveBeenCalled();
  });

  it('makes a file name any system accepts', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a b c d e f g h i j.pdf');
    expect(safeFileName('rapport.PDF')).toBe('rapport.PDF');
    expect(safeFileName('  ')).toBe('rapport.pdf');
  });

  it('is answered by the shell, from the app’s own window only, never forwarded to the engine', async () => {
    const contents = new FakeWebContents();
    const window = { webContents: contents, isDestroyed: () => false };
    const engine = { callRaw: vi.fn(), grant: vi.fn() };
    const savePdf = vi.fn(async () => '/home/billetterie/Documents/rapport.pdf');
    registerIpc({ engine, getWindow: () => window as never, appUrl: contents.mainFrame.url, openFiles: vi.fn(), chooseArchive: vi.fn(), chooseFolder: vi.fn(), savePdf });
    const handler = electron.ipcMain.handle.mock.calls[0][1] as (event: unknown, request: unknown) => Promise<unknown>;
    const trusted = { sender: contents, senderFrame: contents.mainFrame };
    await expect(handler(trusted, { name: 'print.savePdf', input: { fileName: 'rapport' } })).resolves.toEqual({
      ok: true,
      value: { path: '/home/billetterie/Documents/rapport.pdf' },
    });
    expect(savePdf).toHaveBeenCalledWith(window, 'rapport');
    await expect(handler(trusted, { name: 'print.savePdf', input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await expect(handler({ sender: new FakeWebContents(), senderFrame: contents.mainFrame }, { name: 'print.savePdf', input: { fileName: 'x' } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(savePdf).toHaveBeenCalledOnce();
    expect(engine.callRaw).not.toHaveBeenCalled();
  });
});
