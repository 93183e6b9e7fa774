/** One file of the import: detection, kind, presets, mapping beside the first rows. */
import { useTranslation } from 'react-i18next';
import { FILE_KINDS, type FileKind } from '../../shared/import-fields.js';
import type { Preset } from '../../shared/types.js';
import { mappingFromPreset } from '../lib/presets.js';
import { missingRequired, withColumn, withKind, type FileDraft } from '../lib/import-draft.js';
import { DetectionSummary } from './DetectionSummary.js';
import { MappingTable } from './MappingTable.js';
import { AmountChoice } from './AmountChoice.js';
import { UnusedColumns } from './UnusedColumns.js';
import { PresetBar } from './PresetBar.js';
import { PreviewTable } from './PreviewTable.js';

interface Props {
  draft: FileDraft;
  presets: Preset[];
  onChange: (draft: FileDraft) => void;
  onPresetsChanged: () => void;
}

export function FileReview({ draft, presets, onChange, onPresetsChanged }: Props) {
  const { t } = useTranslation();
  const { inspection } = draft;
  const missing = missingRequired(draft);
  return (
    <article className="panel file-review" aria-label={inspection.name}>
      <header>
        <h2>{inspection.name}</h2>
        {inspection.preset && <span className="chip">{t('import.presetApplied', { name: inspection.preset })}</span>}
      </header>
      <DetectionSummary file={inspection} />
      <div className="row-controls">
        <label>
          {t('import.kind')}{' '}
          <select value={draft.kind} onChange={(event) => onChange(withKind(draft, event.target.value as FileKind))}>
            {FILE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`import.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.dayFirst} onChange={(event) => onChange({ ...draft, dayFirst: event.target.checked })} /> {t('import.dayFirst')}
        </label>
      </div>
      <PresetBar
        draft={draft}
        presets={presets}
        onApply={(preset) => onChange({ ...draft, kind: preset.kind, mapping: mappingFromPreset(preset, inspection.headers) })}
        onSaved={onPresetsChanged}
      />
      {missing.length > 0 && (
        <p className="warning" role="alert">
          {t('import.missingRequired', { fields: missing.map((field) => t(`fields.${field}`)).join(', ') })}
        </p>
      )}
      <AmountChoice draft={draft} onChange={onChange} />
      <div className="mapping-layout">
        <section>
          <h3>{t('import.preview')}</h3>
          <PreviewTable headers={inspection.headers} rows={inspection.sampleRows} mapping={draft.mapping} />
        </section>
        <section>
          <h3>{t('import.mapping')}</h3>
          <MappingTable
            kind={draft.kind}
            headers={inspection.headers}
            sampleRows={inspection.sampleRows}
            mapping={draft.mapping}
            proposed={inspection.mapping}
            proposals={inspection.proposals}
            onChange={(field, column) => onChange(withColumn(draft, field, column))}
          />
        </section>
        <UnusedColumns draft={draft} />
      </div>
    </article>
  );
}
