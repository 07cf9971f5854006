import { Anchor, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { api, useApi } from '../../app/api';
import { fmt } from '../../app/common';
import { Link, useLocation } from '../../app/router';
import { useTr } from '../meeting/meeting.parts';
import { apiError, TaskError } from './task.parts';
import type { ApiError } from '../../app/api';

interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  taskId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The four views of the follow-up, and the reminders bell, above each task page. */
export function TaskNav() {
  const [, tr] = useTr();
  const { path, query } = useLocation();
  // The date the pages are judged at travels with the views.
  const asOf = query.get('asOf');
  const suffix = asOf ? `?asOf=${asOf}` : '';
  const views = [
    { to: '/tasks', label: tr('Danh sách', 'List'), active: path === '/tasks' },
    { to: '/tasks/board', label: tr('Theo trạng thái', 'Board'), active: path === '/tasks/board' },
    { to: '/tasks/timeline', label: tr('Theo thời gian', 'Timeline'), active: path === '/tasks/timeline' },
    { to: '/tasks/dashboard', label: tr('Bảng theo dõi', 'Dashboard'), active: path === '/tasks/dashboard' },
  ];
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" data-testid="task-nav">
      <Group gap={4} wrap="wrap">
        {views.map((v) => (
          <Button key={v.to} component={Link} to={`${v.to}${suffix}`} size="xs" variant={v.active ? 'filled' : 'light'} data-testid={`task-view-${v.to.split('/')[2] ?? 'list'}`}>
            {v.label}
          </Button>
        ))}
      </Group>
      <NotificationsBell />
    </Group>
  );
}

const BellIcon = () => (
  <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" style={{ marginRight: 4, verticalAlign: '-2px' }}>
    <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
  </svg>
);

const timeVi = (iso: string) => {
  const d = new Date(iso);
  const local = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${fmt(local.slice(0, 10))}`;
};

/** The account's reminders (due soon, due today, overdue, the weekly digest), unread first, each marked read here. */
export function NotificationsBell() {
  const [, tr] = useTr();
  const [opened, setOpened] = useState(false);
  const { data, reload } = useApi<Notification[]>('/notifications');
  const [error, setError] = useState<ApiError | null>(null);
  const list = data ?? [];
  const unread = list.filter((n) => !n.readAt);
  const markRead = async (id: string) => {
    setError(null);
    try {
      await api('POST', `/notifications/${id}/read`, {});
      reload();
    } catch (e) {
      setError(apiError(e));
    }
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width="min(380px, calc(100vw - 24px))" shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={unread.length} size={18} color="red" disabled={unread.length === 0} offset={4}>
          <Button variant="default" size="xs" onClick={() => setOpened((o) => !o)} data-testid="notifications-bell" data-unread={unread.length} aria-label={tr(`Thông báo: ${unread.length} chưa đọc`, `Notifications: ${unread.length} unread`)}>
            <BellIcon /> {tr('Thông báo', 'Notifications')}
          </Button>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" data-testid="notifications">
        <Text fw={700} size="sm" mb={4}>
          {tr('Thông báo nhắc hạn', 'Reminders')} {unread.length > 0 && <Badge color="red" size="sm">{tr(`${unread.length} chưa đọc`, `${unread.length} unread`)}</Badge>}
        </Text>
        <TaskError error={error} testid="notification-error" />
        {list.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="notifications-empty">
            {tr('Không có thông báo', 'No notifications')}
          </Text>
        )}
        <ScrollArea.Autosize mah={360}>
          <Stack gap={6}>
            {list.map((n) => (
              <div key={n.id} className={`qc-note${n.readAt ? '' : ' qc-unread'}`} data-testid="notification" data-read={n.readAt ? 'true' : 'false'}>
                <Text size="sm" fw={n.readAt ? 400 : 700} style={{ overflowWrap: 'anywhere' }}>
                  {n.taskId ? (
                    <Anchor component={Link} to={`/tasks/${n.taskId}`} onClick={() => setOpened(false)} size="sm" fw={n.readAt ? 400 : 700}>
                      {n.title}
                    </Anchor>
                  ) : (
                    n.title
                  )}
                </Text>
                <Text size="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {n.body}
                </Text>
                <Group justify="space-between" gap={4}>
                  <Text size="xs" c="dimmed">
                    {timeVi(n.createdAt)}
                  </Text>
                  {!n.readAt && (
                    <UnstyledButton onClick={() => void markRead(n.id)} className="qc-link-button" data-testid="notification-read">
                      {tr('Đánh dấu đã đọc', 'Mark as read')}
                    </UnstyledButton>
                  )}
                </Group>
              </div>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
