/** A titled panel holding one chart of a fixed height; its formula shows on hover of the panel. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formulaText } from '../../shared/formula.js';
import { REPORT_FORMULAS } from '../../shared/report-formulas.js';

interface Props {
  title: string;
  formula: keyof typeof REPORT_FORMULAS;
  height?: number;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
}

export function ChartPanel({ title, formula, height = 260, children, footer, className }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <section className={`panel chart-panel${className ? ` ${className}` : ''}`} title={t('reports.formula', { formula: formulaText(REPORT_FORMULAS[formula], i18n.language) })}>
      <h2>{title}</h2>
      <div className="chart" style={{ height }}>
        {children}
      </div>
      {footer}
    </section>
  );
}
