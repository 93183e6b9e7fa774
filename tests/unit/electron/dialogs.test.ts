import { describe, expect, it, vi } from 'vitest';

const dialog = vi.hoisted(() => ({ showOpenDialog: vi.fn() }));
vi.mock('electron', () => ({ dialog }));
const { chooseArchiveFile, chooseFolder, chooseImportFiles } = await import('../../../electron/desktop/dialogs.js');

describe('native file chooser', () => {
  it('offers several CSV or text files at once, attached to the window', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/clé/billets.csv', '/clé/clients.txt'] });
    const window = { id: 1 };
    await expect(chooseImportFiles(window as never)).resolves.toEqual(['/clé/billets.csv', '/clé/clients.txt']);
    const [parent, options] = dialog.showOpenDialog.mock.calls[0];
    expect(parent).toBe(window);
    expect(options.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    expect(options.filters[0].extensions).toEqual(expect.arrayContaining(['csv', 'txt']));
  });

  it('gives no path when the user cancels', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: ['/ignoré.csv'] });
    await expect(chooseImportFiles({} as never)).resolves.toEqual([]);
  });
});

describe('native choosers of the Archives screen', () => {
  it('« Choisir une archive »: one SQLite file, attached to the window, in French', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/clé/parterre-2019-2020.sqlite'] });
    const window = { id: 2 };
    await expect(chooseArchiveFile(window as never)).resolves.toBe('/clé/parterre-2019-2020.sqlite');
    const [parent, options] = dialog.showOpenDialog.mock.calls.at(-1)!;
    expect(parent).toBe(window);
    expect(options.title).toBe('Choisir une archive');
    expect(options.buttonLabel).toBe('Ouvrir');
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters[0].extensions).toContain('sqlite');
  });

  it('« Choisir le dossier de sauvegarde »: a folder the user may create', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/clé/Sauvegardes'] });
    const window = { id: 3 };
    await expect(chooseFolder(window as never, 'backup')).resolves.toBe('/media/clé/Sauvegardes');
    const [parent, options] = dialog.showOpenDialog.mock.calls.at(-1)!;
    expect(parent).toBe(window);
    expect(options.title).toBe('Choisir le dossier de sauvegarde');
    expect(options.buttonLabel).toBe('Sauvegarder ici');
    expect(options.properties).toEqual(['openDirectory', 'createDirectory']);
  });

  it('« Choisir une sauvegarde à restaurer »: an existing folder, no creating one', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/clé/parterre-2025-01-31'] });
    await expect(chooseFolder({} as never, 'restore')).resolves.toBe('/media/clé/parterre-2025-01-31');
    const [, options] = dialog.showOpenDialog.mock.calls.at(-1)!;
    expect(options.title).toBe('Choisir une sauvegarde à restaurer');
    expect(options.buttonLabel).toBe('Choisir');
    expect(options.properties).toEqual(['openDirectory']);
  });

  it('gives null when the user cancels', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: ['/ignoré.sqlite'] });
    await expect(chooseArchiveFile({} as never)).resolves.toBeNull();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(chooseFolder({} as never, 'backup')).resolves.toBeNull();
  });
});
