import { Button, Group, TextInput } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { isIsoDate, todayInVietnam } from '@quyche/core';
import { fmt } from './dates';
import { useLang } from './i18n';

/** The date field, loaded with the pages that use it (the calendar it opens is not part of the first paint). */
const LazyDateField = lazy(async () => ({ default: (await import('./date-field')).DateField }));

/** "Tại ngày": a date typed as 22/11/2026 or picked, plus shortcuts for the 2025 merger history. */
export function AsOfPicker({
  value,
  onChange,
  shortcuts = [],
}: {
  value: string;
  onChange: (iso: string) => void;
  shortcuts?: string[];
}) {
  const [, t] = useLang();
  return (
    <Group align="end" gap="xs" wrap="wrap">
      <Suspense fallback={<TextInput label={t('asOf')} value={fmt(value)} readOnly w={150} />}>
        <LazyDateField
          label={t('asOf')}
          value={value}
          onChange={(iso) => isIsoDate(iso) && onChange(iso)}
          testid="asof-text"
        />
      </Suspense>
      {shortcuts.map((d) => (
        <Button
          key={d}
          variant={d === value ? 'filled' : 'light'}
          size="sm"
          onClick={() => onChange(d)}
          data-testid={`asof-${d}`}
        >
          {fmt(d)}
        </Button>
      ))}
      <Button variant="subtle" size="sm" onClick={() => onChange(todayInVietnam())}>
        {t('today')}
      </Button>
    </Group>
  );
}
