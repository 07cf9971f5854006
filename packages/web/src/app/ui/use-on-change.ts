import { useEffect, useEffectEvent } from 'react';

/**
 * Runs `f` once shown and again each time `key` changes (a form that starts over for another record or another
 * version): `f` sees the latest props and state, and only `key` decides when it runs.
 */
export function useOnChange<K>(key: K, f: (key: K) => void) {
  const run = useEffectEvent(f);
  useEffect(() => run(key), [key]);
}
