import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, useApi } from '../../app/api';
import type { ApiError } from '../../app/api';
import { useTitle } from '../../app/ui/use-title';
import { navigate, useLocation } from '../../app/router';
import { WriteError } from '../../app/ui/write-error';
import { useTr } from '../../app/ui/i18n';
import { NotificationItem } from './notification.parts';
import type { Notification } from './notification.parts';
import { laterIso } from '../../app/ui/dates';
import { LoadState } from '../../app/ui/load-state';

/** Every notification of the account: all or only the unread, each marked read, or all at once. */
export function NotificationPage() {
  const [, tr] = useTr();
  const { query } = useLocation();
  const unreadOnly = query.get('unread') === '1';
  useTitle(tr('Thông báo', 'Notifications'));
  const { data, error, loading, reload } = useApi<Notification[]>(`/notifications${unreadOnly ? '?unread=1' : ''}`);
  const [writeError, setWriteError] = useState<ApiError | null>(null);
  const run = async (f: () => Promise<unknown>) => {
    setWriteError(null);
    try {
      await f();
      reload();
    } catch (e) {
      setWriteError(e as ApiError);
    }
  };
  const unread = (data ?? []).filter((n) => !n.readAt).length;
  return (
    <Stack data-testid="notification-page" maw={820}>
      <Group justify="space-between" wrap="wrap" align="end">
        <Title order={1} size="h2">
          {tr('Thông báo', 'Notifications')}
        </Title>
        <Group gap="xs" wrap="wrap">
          <SegmentedControl
            size="xs"
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => navigate(v === 'unread' ? '/notifications?unread=1' : '/notifications', true)}
            data={[
              { value: 'all', label: tr('Tất cả', 'All') },
              { value: 'unread', label: tr('Chưa đọc', 'Unread') },
            ]}
            data-testid="notification-filter"
          />
          <Button
            size="xs"
            variant="light"
            disabled={unread === 0}
            onClick={() => void run(() => api('POST', '/notifications/read-all', { upTo: newestShown(data ?? []) }))}
            data-testid="notification-read-all"
          >
            {tr('Đánh dấu tất cả đã đọc', 'Mark all as read')}
          </Button>
        </Group>
      </Group>
      <WriteError error={writeError} testid="notification-error" />
      <LoadState error={error} loading={loading && !data} />
      {data && (
        <Text size="sm" c="dimmed" data-testid="notification-total" data-total={data.length}>
          {unreadOnly
            ? tr(`${data.length} thông báo chưa đọc`, `${data.length} unread`)
            : tr(`${data.length} thông báo, ${unread} chưa đọc`, `${data.length} notifications, ${unread} unread`)}
        </Text>
      )}
      {data?.length === 0 && (
        <Text c="dimmed" data-testid="notifications-empty">
          {unreadOnly
            ? tr('Không có thông báo chưa đọc.', 'No unread notifications.')
            : tr(
                'Chưa có thông báo nào. Lời nhắc hạn nhiệm vụ, nhắc góp ý và tổng hợp tuần sẽ hiện ở đây.',
                'No notifications yet.',
              )}
        </Text>
      )}
      <Stack gap={8}>
        {data?.map((n) => (
          <NotificationItem
            key={n.id}
            n={n}
            full
            onRead={(id) => void run(() => api('POST', `/notifications/${id}/read`, {}))}
          />
        ))}
      </Stack>
    </Stack>
  );
}

/** The newest notification on screen: one that arrives after the list was shown is not marked read unseen. */
function newestShown(list: { createdAt: string }[]): string {
  return list.reduce((max, n) => laterIso(max, n.createdAt), new Date(0).toISOString());
}
