/**
 * The French native menus. Importer… and À propos reach the window as `menu` events (the renderer
 * opens its own import page and about box); Imprimer… prints the window as it is.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  importFiles(): void;
  print(): void;
  about(): void;
  /** Developer tools only outside a packaged build. */
  developer: boolean;
}

export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Taille réelle' },
    { role: 'zoomIn', label: 'Zoom avant' },
    { role: 'zoomOut', label: 'Zoom arrière' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Plein écran' },
  ];
  if (actions.developer) {
    view.push({ type: 'separator' }, { role: 'reload', label: 'Recharger' }, { role: 'toggleDevTools', label: 'Outils de développement' });
  }
  return [
    ...(mac ? [{ role: 'appMenu' as const, label: 'Parterre' }] : []),
    {
      label: 'Fichier',
      submenu: [
        { label: 'Importer…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        { label: 'Imprimer…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { type: 'separator' },
        { role: 'quit', label: 'Quitter' },
      ],
    },
    {
      label: 'Édition',
      submenu: [
        { role: 'undo', label: 'Annuler' },
        { role: 'redo', label: 'Rétablir' },
        { type: 'separator' },
        { role: 'cut', label: 'Couper' },
        { role: 'copy', label: 'Copier' },
        { role: 'paste', label: 'Coller' },
        { role: 'selectAll', label: 'Tout sélectionner' },
      ],
    },
    { label: 'Affichage', submenu: view },
    {
      label: 'Aide',
      submenu: [{ label: 'À propos de Parterre', click: () => actions.about() }],
    },
  ];
}
