import { Anchor, AppShell, Burger, Button, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { roleAllows } from '@quyche/core';
import type { AppRole } from '@quyche/core';
import { api } from './api';
import { useLang } from './ui/i18n';
import { Link, navigate, useLocation } from './router';
import type { Me } from './session';
import { NotificationBell } from '../features/notification/notification.bell';
import { HeaderSearch } from './header-search';
import { LangSwitch } from './ui/lang-switch';

export function Layout({ me, children, onLogout }: { me: Me; children: ReactNode; onLogout: () => void }) {
  const [l, t] = useLang();
  const [opened, { toggle, close }] = useDisclosure();
  const { path } = useLocation();
  const myCell = {
    to: '/chi-bo-cua-toi',
    label: l === 'vi' ? 'Chi bộ của tôi' : 'My party cell',
    active: path === '/chi-bo-cua-toi' || /^\/cells\/[^/]+\/(record|dues)$/.test(path),
  };
  // A member without a role in any organization has their cell's page (and notifications) only.
  const memberOnly = me.grants.length === 0 && me.user.personId !== null;
  const full = [
    { to: '/', label: l === 'vi' ? 'Việc của tôi' : 'My work', active: path === '/' },
    ...(me.user.personId ? [myCell] : []),
    {
      to: '/notifications',
      label: l === 'vi' ? 'Thông báo' : 'Notifications',
      active: path.startsWith('/notifications'),
    },
    { to: '/org', label: t('tree'), active: path.startsWith('/org') },
    { to: '/search', label: t('search'), active: path.startsWith('/search') },
    {
      to: '/people',
      label: l === 'vi' ? 'Danh bạ cán bộ' : 'People',
      active: path.startsWith('/people') || path.startsWith('/person'),
    },
    { to: '/regulations', label: t('regulations'), active: path.startsWith('/regulations') },
    {
      to: '/meetings',
      label: t('meetingCalendar'),
      active: path.startsWith('/meetings') && !path.startsWith('/meetings/report'),
    },
    { to: '/meetings/report', label: t('meetingReport'), active: path.startsWith('/meetings/report') },
    {
      to: '/conclusions',
      label: l === 'vi' ? 'Thông báo kết luận' : 'Conclusion notices',
      active: path.startsWith('/conclusions'),
    },
    { to: '/tasks', label: t('tasks'), active: path.startsWith('/tasks') && !path.startsWith('/tasks/dashboard') },
    { to: '/tasks/dashboard', label: t('taskDashboard'), active: path.startsWith('/tasks/dashboard') },
    { to: '/programs', label: t('programs'), active: path.startsWith('/programs') },
    { to: '/inspections', label: t('inspections'), active: path.startsWith('/inspections') },
    { to: '/recommendations', label: t('recommendations'), active: path.startsWith('/recommendations') },
    { to: '/consultations', label: t('consultations'), active: path.startsWith('/consultations') },
    {
      to: '/cells',
      label: l === 'vi' ? 'Chi bộ, đảng viên' : 'Cells and members',
      active:
        path === '/cells' ||
        /^\/cells\/[^/]+\/members$/.test(path) ||
        path.startsWith('/plans/') ||
        path.startsWith('/members/'),
    },
    {
      to: '/assessments',
      label: l === 'vi' ? 'Đánh giá, xếp loại' : 'Annual assessment',
      active: path.startsWith('/assessments'),
    },
    {
      to: '/reviews',
      label: t('reviews'),
      active: path.startsWith('/reviews') || path.startsWith('/review-reports') || path.startsWith('/review-requests'),
    },
    { to: '/shortcomings', label: t('shortcomings'), active: path.startsWith('/shortcomings') },
    // Administrators manage the accounts of their organizations, and see the background jobs (and run a failed one
    // again).
    ...(me.grants.some((g) => roleAllows(g.role as AppRole, 'manage_users'))
      ? [
          { to: '/accounts', label: t('accounts'), active: path.startsWith('/accounts') },
          { to: '/system/jobs', label: t('jobs'), active: path.startsWith('/system/jobs') },
        ]
      : []),
  ];
  const nav = memberOnly
    ? [{ ...myCell, to: '/', active: path === '/' || myCell.active }, full.find((n) => n.to === '/notifications')!]
    : full;
  const logout = async () => {
    await api('POST', '/auth/logout').catch(() => undefined);
    onLogout();
    navigate('/login');
  };
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('menu')} />
            <Title order={3} c="red.8">
              {t('appName')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('tagline')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {!memberOnly && <HeaderSearch />}
            <NotificationBell />
            <LangSwitch />
            <Menu position="bottom-end" shadow="md" withinPortal>
              <Menu.Target>
                <Button variant="light" size="xs" maw={{ base: 130, sm: 260 }} rightSection="▾" data-testid="user-menu">
                  <Text size="xs" fw={600} truncate="end" data-testid="user-name">
                    {me.user.displayName}
                  </Text>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.user.username}</Menu.Label>
                <Menu.Item component={Link} to="/account/password" data-testid="menu-password">
                  {t('changePassword')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" onClick={logout} data-testid="logout">
                  {t('logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md">
        <Stack gap="xs">
          <Text size="sm" c="dimmed" hiddenFrom="sm">
            {me.user.displayName}
          </Text>
          {nav.map((n) => (
            <Anchor
              key={n.to}
              component={Link}
              to={n.to}
              onClick={close}
              data-testid={`nav-${n.to.slice(1) || 'home'}`}
              fw={n.active ? 700 : 400}
              c={n.active ? 'red.8' : undefined}
            >
              {n.label}
            </Anchor>
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
