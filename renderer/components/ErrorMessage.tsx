/** An engine error as a readable message (the engine writes its messages in French). */
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract.js';

export function ErrorMessage({ error, onRetry, onDismiss }: { error: CallError; onRetry?: () => void; onDismiss?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert">
      <strong>{t(`errors.${error.code}`, { defaultValue: t('errors.title') })}</strong>
      <p>{error.message}</p>
      {(onRetry || onDismiss) && (
        <div className="actions">
          {onRetry && (
            <button type="button" onClick={onRetry}>
              {t('errors.retry')}
            </button>
          )}
          {onDismiss && (
            <button type="button" className="quiet" onClick={onDismiss}>
              {t('errors.dismiss')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
