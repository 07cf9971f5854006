import { useEffect } from 'react';

/** The browser tab shows the page's heading, so a bookmark or a history entry says which page it is. */
export function useTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} — Quychế` : 'Quychế — Quy chế làm việc';
  }, [title]);
}
