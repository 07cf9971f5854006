import { useEffect, useRef, useState } from 'react';

/**
 * The text of a list's search box, kept with the `q` of the address: typing searches once the typing pauses
 * (350 ms), and an address that changes (back, a link) puts its `q` back in the box.
 */
export function useSearchText(q: string, search: (q: string) => void) {
  const [text, setText] = useState(q);
  const latest = useRef(search);
  useEffect(() => {
    latest.current = search;
  });
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    if (text.trim() === q) return;
    const t = setTimeout(() => latest.current(text.trim()), 350);
    return () => clearTimeout(t);
  }, [text, q]);
  return [text, setText] as const;
}
