/** The latest `import.progress` event while `active` (an import or the demo loading). */
import { useEffect, useState } from 'react';
import type { ImportProgress } from '../../shared/types.js';
import { onEvent } from '../api.js';

export function useImportProgress(active: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    setProgress(null);
    return onEvent((event) => {
      if (event.type === 'import.progress') setProgress(event.progress);
    });
  }, [active]);
  return active ? progress : null;
}
