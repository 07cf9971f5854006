import { Alert, Button, Group, Loader, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateVi, isIsoDate, parseDateVi, todayInVietnam } from '@quyche/core';
import type { ApiError } from './api';
import { useLang } from './i18n';

export function Loading() {
  const [, t] = useLang();
  return (
    <Group gap="xs" my="md">
      <Loader size="sm" />
      <Text c="dimmed">{t('loading')}</Text>
    </Group>
  );
}

export function ErrorView({ error }: { error: ApiError }) {
  return (
    <Alert color="red" title={error.title} my="md" data-testid="error">
      {error.detail ?? ''}
    </Alert>
  );
}

/** The browser tab shows the page's heading, so a bookmark or a history entry says which page it is. */
export function useTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} — Quychế` : 'Quychế — Quy chế làm việc';
  }, [title]);
}

export const fmt = (d: string | null | undefined) => formatDateVi(d ?? null);
export const period = (from: string, until: string | null, l: 'vi' | 'en') =>
  until ? `${l === 'vi' ? 'từ' : 'from'} ${fmt(from)} ${l === 'vi' ? 'đến' : 'to'} ${fmt(until)}` : `${l === 'vi' ? 'từ' : 'from'} ${fmt(from)}`;

/** "Tại ngày": a date typed as 22/11/2026 (or picked), plus shortcuts for the 2025 merger history. */
export function AsOfPicker({ value, onChange, shortcuts = [] }: { value: string; onChange: (iso: string) => void; shortcuts?: string[] }) {
  const [l, t] = useLang();
  const [text, setText] = useState(fmt(value));
  const [bad, setBad] = useState(false);
  useEffect(() => setText(fmt(value)), [value]);
  const commit = (s: string) => {
    const iso = parseDateVi(s);
    setBad(iso === null);
    if (iso) onChange(iso);
  };
  return (
    <Group align="end" gap="xs" wrap="wrap">
      <TextInput
        label={t('asOf')}
        placeholder="dd/mm/yyyy"
        value={text}
        w={130}
        error={bad ? (l === 'vi' ? 'Ngày không hợp lệ' : 'Invalid date') : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)}
        data-testid="asof-text"
      />
      <input
        type="date"
        aria-label={t('asOf')}
        value={isIsoDate(value) ? value : ''}
        onChange={(e) => isIsoDate(e.currentTarget.value) && onChange(e.currentTarget.value)}
        data-testid="asof-input"
        style={{ height: 36, border: '1px solid #ced4da', borderRadius: 4, padding: '0 8px' }}
      />
      {shortcuts.map((d) => (
        <Button key={d} variant={d === value ? 'filled' : 'light'} size="sm" onClick={() => onChange(d)} data-testid={`asof-${d}`}>
          {fmt(d)}
        </Button>
      ))}
      <Button variant="subtle" size="sm" onClick={() => onChange(todayInVietnam())}>
        {t('today')}
      </Button>
    </Group>
  );
}
