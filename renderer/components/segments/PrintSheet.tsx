/** The printed A4 list: shown only when printing (segments.css, @media print). */
import { useTranslation } from 'react-i18next';
import type { PrintList } from '../../../shared/segments-types.js';
import { useFormat } from '../../hooks/useFormat.js';

export function PrintSheet({ list }: { list: PrintList }) {
  const { t } = useTranslation();
  const f = useFormat();
  const c = (key: string) => t(`segments.print.columns.${key}`);
  return (
    <div className="segment-print">
      <h1>{t('segments.print.title', { name: list.title })}</h1>
      <p>
        {t('segments.print.meta', {
          count: list.rows.length,
          formatted: f.number(list.rows.length),
          channel: list.channel ? t(`segments.channels.${list.channel}`) : '—',
          date: f.dateTime(list.printedAt),
        })}
      </p>
      <table className="dense">
        <thead>
          <tr>
            <th>{c('key')}</th>
            <th>{c('name')}</th>
            <th>{c('email')}</th>
            <th>{c('phone')}</th>
            <th>{c('address')}</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((r) => (
            <tr key={r.key}>
              <td>{r.key}</td>
              <td>{r.name}</td>
              <td>{r.email}</td>
              <td>{r.phone}</td>
              <td>{r.address}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
