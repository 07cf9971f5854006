import { Anchor, Group, Text, UnstyledButton } from '@mantine/core';
import { fmt } from '../../app/ui/dates';
import { Link } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import './notification.css';

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  taskId: string | null;
  sender: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** "14:05 22/11/2026", in Vietnam's time whatever the browser's zone. */
export const timeVi = (iso: string) => {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${fmt(local.slice(0, 10))}`;
};

/** One notification: who sends it, the record it is about, and "đánh dấu đã đọc" while it is unread. */
export function NotificationItem({
  n,
  onRead,
  onOpen,
  full = false,
}: {
  n: Notification;
  onRead: (id: string) => void;
  onOpen?: () => void;
  full?: boolean;
}) {
  const [, tr] = useTr();
  return (
    <div
      className={`qc-note${n.readAt ? '' : ' qc-unread'}`}
      data-testid="notification"
      data-read={n.readAt ? 'true' : 'false'}
    >
      <Text size="sm" fw={n.readAt ? 400 : 700} style={{ overflowWrap: 'anywhere' }}>
        {n.link ? (
          <Anchor
            component={Link}
            to={n.link}
            onClick={onOpen}
            size="sm"
            fw={n.readAt ? 400 : 700}
            data-testid="notification-link"
          >
            {n.title}
          </Anchor>
        ) : (
          n.title
        )}
      </Text>
      <Text size="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={full ? undefined : 4}>
        {n.body}
      </Text>
      <Group justify="space-between" gap={4} wrap="wrap">
        <Text size="xs" c="dimmed">
          {n.sender} · {timeVi(n.createdAt)}
        </Text>
        {!n.readAt && (
          <UnstyledButton onClick={() => onRead(n.id)} className="qc-link-button" data-testid="notification-read">
            {tr('Đánh dấu đã đọc', 'Mark as read')}
          </UnstyledButton>
        )}
      </Group>
    </div>
  );
}
