/** The criteria builder: react-querybuilder, translated, with our criterion editor and no operator choice. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryBuilder, type Field, type RuleGroupType } from 'react-querybuilder';
import 'react-querybuilder/dist/query-builder.css';
import { CriterionEditor } from './CriterionEditor.js';
import { defaultValue, FIELD_NAMES } from './criteria-tree.js';

const NoOperator = () => null;

export function SegmentBuilder({ query, onChange }: { query: RuleGroupType; onChange: (query: RuleGroupType) => void }) {
  const { t } = useTranslation();
  const fields = useMemo<Field[]>(() => FIELD_NAMES.map((name) => ({ name, label: t(`segments.fields.${name}`) })), [t]);
  const b = (key: string) => t(`segments.builder.${key}`);
  const translations = useMemo(
    () => ({
      addRule: { label: b('addRule'), title: b('addRule') },
      addGroup: { label: b('addGroup'), title: b('addGroup') },
      removeRule: { label: '×', title: b('removeRule') },
      removeGroup: { label: '×', title: b('removeGroup') },
      notToggle: { label: b('not'), title: b('not') },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  );
  return (
    <div className="segment-builder" data-testid="segment-builder">
      <QueryBuilder
        fields={fields}
        query={query}
        onQueryChange={onChange}
        combinators={[
          { name: 'and', label: b('and') },
          { name: 'or', label: b('or') },
        ]}
        operators={[{ name: '=', label: '' }]}
        getDefaultValue={(rule) => defaultValue(rule.field)}
        getDefaultField={FIELD_NAMES[0]}
        showNotToggle
        resetOnFieldChange
        translations={translations}
        controlElements={{ operatorSelector: NoOperator, valueEditor: CriterionEditor }}
      />
    </div>
  );
}
