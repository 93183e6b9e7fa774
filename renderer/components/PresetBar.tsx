/** Pick a saved preset for this file, or save the current mapping under a name. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract.js';
import type { Preset } from '../../shared/types.js';
import { call } from '../api.js';
import type { FileDraft } from '../lib/import-draft.js';
import { ErrorMessage } from './ErrorMessage.js';

interface Props {
  draft: FileDraft;
  presets: Preset[];
  onApply: (preset: Preset) => void;
  onSaved: () => void;
}

export function PresetBar({ draft, presets, onApply, onSaved }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(draft.inspection.preset ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const usable = presets.filter((preset) => preset.kind === draft.kind);

  const save = async () => {
    setNotice(null);
    setError(null);
    const result = await call('presets.save', { name: name.trim(), kind: draft.kind, headers: draft.inspection.headers, mapping: draft.mapping });
    if (!result.ok) return setError(result.error);
    setNotice(t('import.presetSaved', { name: result.value.name }));
    onSaved();
  };

  return (
    <div className="preset-bar">
      <select
        aria-label={t('import.presets')}
        value=""
        onChange={(event) => {
          const preset = usable.find((p) => p.name === event.target.value);
          if (preset) onApply(preset);
        }}
        disabled={usable.length === 0}
      >
        <option value="">{t('import.pickPreset')}</option>
        {usable.map((preset) => (
          <option key={preset.name} value={preset.name}>
            {preset.name}
          </option>
        ))}
      </select>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <input aria-label={t('import.presetName')} placeholder={t('import.presetName')} value={name} onChange={(event) => setName(event.target.value)} maxLength={100} />
        <button type="submit" disabled={name.trim() === ''}>
          {t('import.savePreset')}
        </button>
      </form>
      {notice && <span className="notice" role="status">{notice}</span>}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
