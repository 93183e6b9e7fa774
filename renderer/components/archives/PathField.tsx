/**
 * A path typed by hand and, in the desktop app, a « Choisir… » button beside it that fills it
 * from a native chooser. Outside Parterre's data folder only a chosen path is accepted: the
 * desktop shell grants the engine what its chooser returns (electron/engine/path-policy.ts).
 */
import { useTranslation } from 'react-i18next';
import type { CallError, CallResult } from '../../../shared/contract.js';
import { transportKind } from '../../api.js';

export function PathField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  size: number;
  disabled: boolean;
  /** The native chooser (a dialog.* call); path null when the user cancelled. */
  choose: () => Promise<CallResult<{ path: string | null }>>;
  /** After a path was chosen (and written into the field). */
  onChosen?: (path: string) => void;
  onError: (error: CallError) => void;
}) {
  const { t } = useTranslation();
  async function pick() {
    const result = await props.choose();
    if (!result.ok) return props.onError(result.error);
    if (result.value.path === null) return;
    props.onChange(result.value.path);
    props.onChosen?.(result.value.path);
  }
  return (
    <>
      <input aria-label={props.label} placeholder={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)} size={props.size} />
      {transportKind === 'electron' && (
        <button type="button" aria-label={t('archives.chooseFor', { label: props.label })} disabled={props.disabled} onClick={() => void pick()}>
          {t('archives.choose')}
        </button>
      )}
    </>
  );
}
