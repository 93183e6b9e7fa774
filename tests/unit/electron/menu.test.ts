import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../../electron/desktop/menu.js';

type Item = { label?: string; role?: string; submenu?: Item[]; click?: () => void };

function build(developer = false, platform: NodeJS.Platform = 'linux') {
  const actions = { importFiles: vi.fn(), print: vi.fn(), about: vi.fn(), developer };
  return { actions, template: menuTemplate(actions, platform) as Item[] };
}

describe('menus', () => {
  it('has the four French menus in order', () => {
    expect(build().template.map((menu) => menu.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
  });

  it('Fichier holds Importer…, Imprimer… and Quitter, each doing its own thing', () => {
    const { template, actions } = build();
    const file = template[0].submenu!;
    expect(file.filter((item) => item.label).map((item) => item.label)).toEqual(['Importer…', 'Imprimer…', 'Quitter']);
    file[0].click!();
    expect(actions.importFiles).toHaveBeenCalledOnce();
    expect(actions.print).not.toHaveBeenCalled();
    file[1].click!();
    expect(actions.print).toHaveBeenCalledOnce();
    expect(file.find((item) => item.label === 'Quitter')!.role).toBe('quit');
  });

  it('Aide › À propos de Parterre asks for the about box', () => {
    const { template, actions } = build();
    template[3].submenu![0].click!();
    expect(template[3].submenu![0].label).toBe('À propos de Parterre');
    expect(actions.about).toHaveBeenCalledOnce();
  });

  it('offers developer tools only outside a packaged build', () => {
    const roles = (developer: boolean) => build(developer).template[2].submenu!.map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('adds the application menu first on macOS only', () => {
    expect(build(false, 'darwin').template[0].role).toBe('appMenu');
    expect(build(false, 'win32').template[0].label).toBe('Fichier');
  });
});
