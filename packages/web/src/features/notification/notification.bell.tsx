import { Anchor, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { api, useApi } from '../../app/api';
import type { ApiError } from '../../app/api';
import { Link, useLocation } from '../../app/router';
import { WriteError } from '../../app/ui/write-error';
import { useTr } from '../../app/ui/i18n';
import { NotificationItem } from './notification.parts';
import type { Notification } from './notification.parts';
import { useOnChange } from '../../app/ui/use-on-change';

const BellIcon = () => (
  <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" style={{ verticalAlign: '-3px' }}>
    <path
      fill="currentColor"
      d={
        'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 ' +
        '7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z'
      }
    />
  </svg>
);

/** The bell in the header of every page: the latest notifications, unread first, and the way to all of them. */
export function NotificationBell() {
  const [, tr] = useTr();
  const { path } = useLocation();
  const [opened, setOpened] = useState(false);
  const { data, reload } = useApi<Notification[]>('/notifications');
  const [error, setError] = useState<ApiError | null>(null);
  // Read again when the user moves to another page (a reminder may have come meanwhile); the first page has just
  // asked.
  const shownOn = useRef(path);
  useOnChange(path, (p) => {
    if (p === shownOn.current) return;
    shownOn.current = p;
    reload();
  });
  const list = data ?? [];
  const unread = list.filter((n) => !n.readAt);
  const markRead = async (id: string) => {
    setError(null);
    try {
      await api('POST', `/notifications/${id}/read`, {});
      reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width="min(380px, calc(100vw - 24px))"
      shadow="md"
      withinPortal
    >
      <Popover.Target>
        <Indicator label={unread.length} size={18} color="red" disabled={unread.length === 0} offset={4}>
          <Button
            variant="subtle"
            size="xs"
            px={8}
            onClick={() => setOpened((o) => !o)}
            data-testid="notifications-bell"
            data-unread={unread.length}
            aria-label={tr(`Thông báo: ${unread.length} chưa đọc`, `Notifications: ${unread.length} unread`)}
          >
            <BellIcon />
          </Button>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" data-testid="notifications">
        <Group justify="space-between" mb={4}>
          <Text fw={700} size="sm">
            {tr('Thông báo', 'Notifications')}{' '}
            {unread.length > 0 && (
              <Badge color="red" size="sm">
                {tr(`${unread.length} chưa đọc`, `${unread.length} unread`)}
              </Badge>
            )}
          </Text>
          <Anchor
            component={Link}
            to="/notifications"
            size="sm"
            onClick={() => setOpened(false)}
            data-testid="notifications-all"
          >
            {tr('Xem tất cả', 'See all')}
          </Anchor>
        </Group>
        <WriteError error={error} testid="notification-error" />
        {list.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="notifications-empty">
            {tr('Không có thông báo', 'No notifications')}
          </Text>
        )}
        <ScrollArea.Autosize mah={360}>
          <Stack gap={6}>
            {list.slice(0, 8).map((n) => (
              <NotificationItem key={n.id} n={n} onRead={(id) => void markRead(id)} onOpen={() => setOpened(false)} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
