/** What the importer found in a file: encoding, separator, line endings, header, size. */
import { useTranslation } from 'react-i18next';
import type { FileInspection } from '../../shared/types.js';
import { useFormat } from '../hooks/useFormat.js';

export function DetectionSummary({ file }: { file: FileInspection }) {
  const { t } = useTranslation();
  const f = useFormat();
  const items: [string, string][] = [
    [t('import.encoding'), t(`import.encodings.${file.encoding}`)],
    [t('import.separator'), t(`import.separators.${file.separator}`)],
    [t('import.lineEnding'), t(`import.lineEndings.${file.lineEnding}`)],
    [t('import.headerLine'), f.number(file.headerLine)],
    [t('import.columns'), f.number(file.headers.length)],
    [t('import.size'), f.bytes(file.sizeBytes)],
  ];
  return (
    <dl className="facts" aria-label={t('import.detected')}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
