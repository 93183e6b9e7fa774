/** The shared fr-FR / en-GB formatters, bound to the language the user chose. */
import { useTranslation } from 'react-i18next';
import * as format from '../../shared/format.js';
import { useCurrency } from './useCurrency.js';

export function useFormat() {
  const { i18n } = useTranslation();
  const locale: format.Locale = i18n.language === 'en' ? 'en-GB' : 'fr-FR';
  const currency = useCurrency();
  return {
    locale,
    money: (cents: number | null | undefined) => format.formatMoney(cents, locale, currency),
    number: (value: number | null | undefined, digits = 0) => format.formatNumber(value, digits, locale),
    percent: (ratio: number | null | undefined, digits = 1) => format.formatPercent(ratio, digits, locale),
    date: (iso: string | null | undefined) => format.formatDate(iso, locale),
    dateTime: (iso: string | null | undefined) => format.formatDateTime(iso, locale),
    bytes: (bytes: number | null | undefined) => format.formatBytes(bytes, locale),
  };
}
