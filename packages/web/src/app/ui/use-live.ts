import { useEffect, useRef, useState } from 'react';

/**
 * The live summary of a record (a meeting's counts, quorum and connection points; a consultation's comments) from
 * its event stream at `url`; the browser's EventSource reconnects on its own. `onChange` hears every summary (to
 * refresh the rest of the page).
 */
export function useLive<T>(url: string, onChange?: (s: T) => void) {
  const [live, setLive] = useState<T | null>(null);
  const [connected, setConnected] = useState(false);
  const cb = useRef(onChange);
  cb.current = onChange;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource(url);
    es.addEventListener('summary', (e) => {
      try {
        const s = JSON.parse((e as MessageEvent<string>).data) as T;
        setLive(s);
        setConnected(true);
        cb.current?.(s);
      } catch {
        /* a malformed event is ignored: the next one carries the whole summary */
      }
    });
    es.onerror = () => setConnected(false);
    es.onopen = () => setConnected(true);
    return () => es.close();
  }, [url]);
  return { live, connected };
}
