/**
 * The database's currency, asked once per page load and shared: every amount the app shows is
 * formatted in it (EUR until the engine answers, and for a database that never said otherwise).
 */
import { useEffect, useState } from 'react';
import { DEFAULT_CURRENCY } from '../../shared/format.js';
import { call } from '../api.js';

let known: string | null = null;
let asking: Promise<string> | null = null;

function ask(): Promise<string> {
  asking ??= call('settings.currency', {}).then((result) => (known = result.ok ? result.value.currency : DEFAULT_CURRENCY));
  return asking;
}

/** After an import the currency may have changed: the next hook asks again. */
export function forgetCurrency(): void {
  known = null;
  asking = null;
}

export function useCurrency(): string {
  const [currency, setCurrency] = useState(known ?? DEFAULT_CURRENCY);
  useEffect(() => {
    let live = true;
    void ask().then((c) => live && setCurrency(c));
    return () => {
      live = false;
    };
  }, []);
  return currency;
}
