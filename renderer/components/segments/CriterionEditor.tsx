/**
 * The editor of one criterion, shown by the builder in place of react-querybuilder's value
 * editor: the inputs each kind of criterion needs (values, seasons, bounds...), and « sauf ».
 */
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueEditorProps } from 'react-querybuilder';
import { CONSENT_CHANNELS, RANGE_INDICATORS } from '../../../shared/segments-criteria.js';
import type { SegmentOptions } from '../../../shared/segments-types.js';
import { BANDED_INDICATORS, BANDS } from '../../../shared/types.js';
import type { RuleValue } from './criteria-tree.js';
import { ValuePicker } from './ValuePicker.js';

export const OptionsContext = createContext<SegmentOptions | null>(null);

const MONEY = new Set(['lifetimeValueCents', 'averageBasketCents']);

function NumberInput({ value, onChange, label, step = 1, placeholder = label }: { value: number | undefined; onChange: (v: number | undefined) => void; label: string; step?: number; placeholder?: string }) {
  return (
    <input
      type="number"
      className="number"
      aria-label={label}
      placeholder={placeholder}
      step={step}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
    />
  );
}

export function CriterionEditor({ field, value, handleOnChange }: ValueEditorProps) {
  const { t } = useTranslation();
  const options = useContext(OptionsContext);
  const v = (value ?? {}) as RuleValue;
  const set = (patch: Partial<RuleValue>) => handleOnChange({ ...v, ...patch });
  const b = (key: string) => t(`segments.builder.${key}`);
  const values = (v.values as string[] | undefined) ?? [];
  const seasons = (
    <ValuePicker values={(v.seasons as string[] | undefined) ?? []} options={options?.seasons ?? []} label={b('seasons')} onChange={(s) => set({ seasons: s })} />
  );
  const seasonsPart = (
    <span className="part">
      <span className="muted">{b('seasons')}</span> {seasons}
      {!(v.seasons as string[] | undefined)?.length && <span className="muted small">{b('allSeasons')}</span>}
    </span>
  );
  let body;
  switch (field) {
    case 'discipline':
    case 'show':
    case 'company': {
      const list = field === 'discipline' ? options?.disciplines : field === 'show' ? options?.shows : options?.companies;
      body = (
        <>
          <ValuePicker values={values} options={list ?? null} label={t(`segments.fields.${field}`)} onChange={(x) => set({ values: x })} />
          {seasonsPart}
          <label className="part">
            <span className="muted">{b('atLeast')}</span>
            <NumberInput label={b('minPerformances')} placeholder="1" value={v.minPerformances as number | undefined} onChange={(n) => set({ minPerformances: n })} />
            {/* Empty reads as its placeholder, 1: « au moins 1 représentation ». */}
            <span className="muted">{t('segments.builder.performances', { count: (v.minPerformances as number | undefined) ?? 1 })}</span>
          </label>
        </>
      );
      break;
    }
    case 'bought':
    case 'firstPurchase':
    case 'subscriber':
      body = seasonsPart;
      break;
    case 'band':
      body = (
        <>
          <select aria-label={b('indicator')} value={v.indicator as string} onChange={(e) => set({ indicator: e.target.value as never })}>
            {BANDED_INDICATORS.map((i) => (
              <option key={i} value={i}>
                {t(`segments.indicators.${i}`)}
              </option>
            ))}
          </select>
          <ValuePicker values={values} options={[...BANDS]} label={t('segments.fields.band')} onChange={(x) => set({ values: x as never })} />
        </>
      );
      break;
    case 'range': {
      const indicator = (v.indicator as string) ?? 'lifetimeValueCents';
      const money = MONEY.has(indicator);
      // Money is typed in euros and kept in cents.
      const shown = (x: unknown) => (typeof x === 'number' ? (money ? x / 100 : x) : undefined);
      const kept = (x: number | undefined) => (x === undefined ? undefined : money ? Math.round(x * 100) : x);
      body = (
        <>
          <select aria-label={b('indicator')} value={indicator} onChange={(e) => set({ indicator: e.target.value as never })}>
            {RANGE_INDICATORS.map((i) => (
              <option key={i} value={i}>
                {t(`segments.indicators.${i}`)}
              </option>
            ))}
          </select>
          <NumberInput label={b('min')} step={money ? 0.01 : 1} value={shown(v.min)} onChange={(n) => set({ min: kept(n) })} />
          <NumberInput label={b('max')} step={money ? 0.01 : 1} value={shown(v.max)} onChange={(n) => set({ max: kept(n) })} />
          {indicator === 'performances' && (
            <>
              <NumberInput label={b('withinMonths')} value={v.withinMonths as number | undefined} onChange={(n) => set({ withinMonths: n })} />
              {seasonsPart}
            </>
          )}
        </>
      );
      break;
    }
    case 'lastPurchase':
      body = (
        <>
          <NumberInput label={b('minMonthsAgo')} value={v.minMonthsAgo as number | undefined} onChange={(n) => set({ minMonthsAgo: n })} />
          <NumberInput label={b('maxMonthsAgo')} value={v.maxMonthsAgo as number | undefined} onChange={(n) => set({ maxMonthsAgo: n })} />
        </>
      );
      break;
    case 'channel':
    case 'tariffKind':
      body = (
        <>
          <ValuePicker
            values={values}
            options={field === 'channel' ? (options?.channels ?? null) : (options?.tariffKinds ?? [])}
            label={t(`segments.fields.${field}`)}
            render={field === 'tariffKind' ? (k) => t(`segments.tariffKinds.${k}`) : undefined}
            onChange={(x) => set({ values: x })}
          />
          {seasonsPart}
        </>
      );
      break;
    case 'departement':
    case 'postalCode':
    case 'city':
      body = <ValuePicker values={values} options={null} label={t(`segments.fields.${field}`)} onChange={(x) => set({ values: x })} />;
      break;
    case 'consent':
      body = (
        <select aria-label={b('channel')} value={v.channel as string} onChange={(e) => set({ channel: e.target.value as never })}>
          {CONSENT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`segments.channels.${c}`)}
            </option>
          ))}
        </select>
      );
      break;
    default:
      body = null;
  }
  return (
    <span className="criterion-editor">
      <label className="check negate">
        <input type="checkbox" checked={!!v.negate} onChange={(e) => set({ negate: e.target.checked || undefined })} />
        {b('negate')}
      </label>
      {body}
    </span>
  );
}
