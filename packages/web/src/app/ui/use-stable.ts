import { useRef } from 'react';

/**
 * The same object for as long as its content (as JSON) does not change: a value rebuilt at each render (rows
 * filtered from an answer, labels in the current language) can then be a hook's dependency.
 */
export function useStable<T>(value: T): T {
  const key = JSON.stringify(value);
  const ref = useRef({ key, value });
  if (ref.current.key !== key) ref.current = { key, value };
  return ref.current.value;
}
