import { describe, expect, it, vi } from 'vitest';

const dialog = vi.hoisted(() => ({ showOpenDialog: vi.fn() }));
vi.mock('electron', () => ({ dialog }));
const { chooseImportFiles } = await import('../../../electron/desktop/dialogs.js');

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
