import { Button, Group } from '@mantine/core';
import { Link, useLocation } from '../../app/router';
import { useTr } from '../../app/ui/i18n';

/** The four views of the follow-up above each task page (the reminders bell is in the header of every page). */
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
          <Button
            key={v.to}
            component={Link}
            to={`${v.to}${suffix}`}
            size="xs"
            variant={v.active ? 'filled' : 'light'}
            data-testid={`task-view-${v.to.split('/')[2] ?? 'list'}`}
          >
            {v.label}
          </Button>
        ))}
      </Group>
    </Group>
  );
}
