/** Import presets: saved column mappings, re-applied when the same header comes back. */
import type { HandlerTable } from '../context.js';
import { deletePreset, listPresets, savePreset } from '../import/propose/presets-store.js';
import { localNow } from '../import/local-time.js';

export const presetHandlers: HandlerTable<'presets.list' | 'presets.save' | 'presets.delete'> = {
  'presets.list': (_input, { db }) => listPresets(db.orm),
  'presets.save': (input, { db }) => savePreset(db.orm, input, localNow()),
  'presets.delete': ({ name }, { db }) => ({ deleted: deletePreset(db.orm, name) }),
};
