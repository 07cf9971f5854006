import { TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTr } from './ui/i18n';
import { navigate, useLocation } from './router';

const editable = (el: Element | null) =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLElement && el.isContentEditable);

/**
 * The search box in the header of every page: Enter opens the results of everything the user may see. "/" or
 * Ctrl+K (⌘K) puts the cursor in it from anywhere, unless the user is typing in a field.
 */
export function HeaderSearch() {
  const [, tr] = useTr();
  const { path, query } = useLocation();
  const [text, setText] = useState(path === '/search' ? (query.get('q') ?? '') : '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = e.key.toLowerCase();
      if (
        (k === 'k' && (e.ctrlKey || e.metaKey)) ||
        (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !editable(document.activeElement))
      ) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const go = () => {
    const q = text.trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  };
  return (
    <TextInput
      ref={input}
      size="xs"
      w={{ base: 120, sm: 220 }}
      placeholder={tr('Tìm kiếm (Ctrl+K)', 'Search (Ctrl+K)')}
      aria-label={tr('Tìm trong mọi hồ sơ: số ký hiệu, hội nghị, nhiệm vụ, điều khoản, người', 'Search everything')}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => e.key === 'Enter' && go()}
      data-testid="header-search"
      visibleFrom="xs"
    />
  );
}
