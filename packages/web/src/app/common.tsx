import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { formatDateVi, isIsoDate, todayInVietnam } from '@quyche/core';
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

/**
 * A failed load: a record outside the user's organizations is a "no access" page, a missing one a "not found" page,
 * each with the way back; anything else, the server's reason.
 */
export function ErrorView({ error }: { error: ApiError }) {
  const [l] = useLang();
  if (error.status === 403 || error.status === 404) {
    const denied = error.status === 403;
    return (
      <Stack my="xl" maw={640} gap="sm" data-testid={denied ? 'no-access' : 'not-found'}>
        <Title order={1} size="h2">
          {denied
            ? l === 'vi'
              ? 'Bạn không có quyền xem nội dung này'
              : 'You may not see this'
            : l === 'vi'
              ? 'Không tìm thấy nội dung này'
              : 'Not found'}
        </Title>
        <Text>
          {denied
            ? l === 'vi'
              ? 'Nội dung thuộc tổ chức ngoài phạm vi tài khoản của bạn, hoặc ở độ mật cao hơn mức được phép. Nếu cần, hãy đề nghị quản trị hệ thống cấp quyền.'
              : 'It belongs to an organization outside your account, or is classified above your clearance.'
            : l === 'vi'
              ? 'Bản ghi có thể đã bị xóa, hoặc đường dẫn không đúng.'
              : 'The record may have been removed, or the address is wrong.'}
        </Text>
        {error.detail && (
          <Text size="sm" c="dimmed">
            {error.detail}
          </Text>
        )}
        <Group>
          <Button variant="light" onClick={() => history.back()}>
            {l === 'vi' ? 'Quay lại' : 'Back'}
          </Button>
          <Button component="a" href="/" variant="subtle">
            {l === 'vi' ? 'Về trang chủ' : 'Home'}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Alert color="red" title={error.title} my="md" data-testid="error">
      {error.detail ?? ''}
    </Alert>
  );
}

/** An address the application does not have (it used to show the organization tree). */
export function NotFoundPage() {
  const [l] = useLang();
  useTitle(l === 'vi' ? 'Không có trang này' : 'No such page');
  return (
    <Stack my="xl" maw={640} gap="sm" data-testid="page-not-found">
      <Title order={1} size="h2">
        {l === 'vi' ? 'Không có trang này' : 'No such page'}
      </Title>
      <Text>
        {l === 'vi'
          ? 'Địa chỉ bạn mở không có trong Quychế. Hãy kiểm tra lại đường dẫn, hoặc chọn một mục trong trình đơn.'
          : 'This address is not part of Quychế. Check the link, or choose from the menu.'}
      </Text>
      <Group>
        <Button component="a" href="/" variant="light">
          {l === 'vi' ? 'Về trang chủ' : 'Home'}
        </Button>
      </Group>
    </Stack>
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
  until
    ? `${l === 'vi' ? 'từ' : 'from'} ${fmt(from)} ${l === 'vi' ? 'đến' : 'to'} ${fmt(until)}`
    : `${l === 'vi' ? 'từ' : 'from'} ${fmt(from)}`;

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
