/**
 * Runs one engine call when its input changes and keeps {value, error, loading}. A stale answer
 * (the input changed meanwhile) is dropped, so a slow first call never overwrites a newer one.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CallError, CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { call } from '../api.js';

export interface CallState<T> {
  value: T | null;
  error: CallError | null;
  loading: boolean;
  reload: () => void;
}

export function useCall<N extends CallName>(name: N, input: CallInput<N> | null): CallState<CallOutput<N>> {
  const [state, setState] = useState<{ value: CallOutput<N> | null; error: CallError | null; loading: boolean }>({
    value: null,
    error: null,
    loading: input !== null,
  });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(input);

  useEffect(() => {
    if (key === 'null') return;
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    void call(name, JSON.parse(key) as CallInput<N>).then((result) => {
      if (!live) return;
      setState(result.ok ? { value: result.value, error: null, loading: false } : { value: null, error: result.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [name, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
