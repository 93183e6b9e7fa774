/** Picks several values from a list (chips + a select), or types them when the list is open-ended. */
import { useTranslation } from 'react-i18next';

export function ValuePicker({
  values,
  options,
  onChange,
  label,
  render = (v) => v,
}: {
  values: string[];
  options: string[] | null;
  onChange: (values: string[]) => void;
  label: string;
  render?: (value: string) => string;
}) {
  const { t } = useTranslation();
  const remove = (value: string) => onChange(values.filter((v) => v !== value));
  return (
    <span className="value-picker">
      {values.map((value) => (
        <span key={value} className="chip value">
          {render(value)}
          <button type="button" className="quiet" aria-label={t('segments.builder.remove', { value: render(value) })} onClick={() => remove(value)}>
            ×
          </button>
        </span>
      ))}
      {options ? (
        <select
          aria-label={label}
          value=""
          onChange={(event) => {
            if (event.target.value && !values.includes(event.target.value)) onChange([...values, event.target.value]);
          }}
        >
          <option value="">{t('segments.builder.pick')}</option>
          {options
            .filter((o) => !values.includes(o))
            .map((o) => (
              <option key={o} value={o}>
                {render(o)}
              </option>
            ))}
        </select>
      ) : (
        <input
          aria-label={label}
          placeholder={t('segments.builder.typeValues')}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' && event.key !== ',') return;
            event.preventDefault();
            const typed = event.currentTarget.value.trim();
            if (typed && !values.includes(typed)) onChange([...values, typed]);
            event.currentTarget.value = '';
          }}
          onBlur={(event) => {
            const typed = event.currentTarget.value.trim();
            if (typed && !values.includes(typed)) onChange([...values, typed]);
            event.currentTarget.value = '';
          }}
        />
      )}
    </span>
  );
}
