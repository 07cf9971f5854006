import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { HomeSchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { useTr } from '../../app/ui/i18n';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { timeVi } from '../notification/notification.parts';

type Home = z.infer<typeof HomeSchema>;

const ROLE = {
  lead: ['chủ trì', 'lead'],
  support: ['phối hợp', 'support'],
  supervise: ['theo dõi', 'supervise'],
  org: ['', ''],
} as const;

/** A figure that is a link to the list showing the same records (the list's total equals it). */
function Figure({
  testid,
  count,
  href,
  label,
  tone,
}: {
  testid: string;
  count: number;
  href: string;
  label: string;
  tone?: 'red' | 'orange';
}) {
  return (
    <Anchor component={Link} to={href} underline="never" data-testid={testid} data-count={count} data-href={href}>
      <Stack gap={0} align="flex-start">
        <Text fz={28} fw={700} c={count > 0 && tone ? `${tone}.8` : 'dark.7'} lh={1.1}>
          {count}
        </Text>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Anchor>
  );
}

function Section({
  title,
  testid,
  children,
  figure,
  empty,
}: {
  title: string;
  testid: string;
  children: ReactNode;
  /** What to say instead of the list when it is empty (false when it is not). */
  empty?: ReactNode;
  /** The section's figure in its header: a link to the list that shows the same count. */
  figure?: { href: string; count: number; label: string };
}) {
  return (
    <Card withBorder padding="md" data-testid={testid}>
      <Group justify="space-between" mb="xs" wrap="nowrap" align="start">
        <Title order={2} size="h4">
          {title}
        </Title>
        {figure && (
          <CountLink to={figure.href} count={figure.count} testid={`${testid}-count`}>
            {figure.label}
          </CountLink>
        )}
      </Group>
      <Stack gap="xs">
        {empty && <None>{empty}</None>}
        {children}
      </Stack>
    </Card>
  );
}

/** A section's figure: a link to the list that shows the same count (`data-count`, `data-href` for the tests). */
function CountLink({
  to,
  count,
  testid,
  children,
}: {
  to: string;
  count: number;
  testid: string;
  children: ReactNode;
}) {
  return (
    <Anchor component={Link} to={to} size="sm" data-testid={testid} data-count={count} data-href={to}>
      {children}
    </Anchor>
  );
}

const None = ({ children }: { children: ReactNode }) => (
  <Text size="sm" c="dimmed">
    {children}
  </Text>
);

/** "Việc của tôi": what the account has to do now, each figure a link to the list that shows it. */
export function HomePage({ me }: { me: Me }) {
  const [l, tr] = useTr();
  useTitle(tr('Việc của tôi', 'My work'));
  const { data: h, error, loading } = useApi<Home>('/home');
  if (error) return <ErrorView error={error} />;
  if (loading || !h) return <Loading />;
  const mine = h.taskScope === 'person';
  const taskFigures = [
    ['overdue', 'home-tasks-overdue', tr('quá hạn', 'overdue'), 'red'],
    ['dueThisWeek', 'home-tasks-week', tr('đến hạn trong tuần', 'due this week'), 'orange'],
    ['open', 'home-tasks-open', tr('đang thực hiện', 'open'), undefined],
  ] as const;
  return (
    <Stack data-testid="home-page">
      <div>
        <Title order={1} size="h2">
          {tr('Việc của tôi', 'My work')}
        </Title>
        <Text c="dimmed" size="sm">
          {me.user.displayName} ·{' '}
          {tr(`tuần từ ${fmt(h.week.from)} đến ${fmt(h.week.to)}`, `week of ${fmt(h.week.from)} to ${fmt(h.week.to)}`)}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section
          title={
            mine
              ? tr('Nhiệm vụ của tôi (chủ trì, phối hợp, theo dõi)', 'My tasks (lead, support, supervise)')
              : tr('Nhiệm vụ của đơn vị', "My organization's tasks")
          }
          testid="home-tasks"
        >
          <Group gap="xl" wrap="wrap">
            {taskFigures.map(([key, testid, label, tone]) => (
              <Figure key={key} testid={testid} {...h.tasks[key]} label={label} tone={tone} />
            ))}
          </Group>
          {h.tasks.items.length === 0 ? (
            <None>{tr('Không có nhiệm vụ quá hạn hay đến hạn trong tuần.', 'Nothing overdue or due this week.')}</None>
          ) : (
            h.tasks.items.map((t) => (
              <Group key={t.id} gap={6} wrap="nowrap" align="start" data-testid="home-task">
                <Badge color={t.overdue ? 'red' : 'orange'} variant="light" style={{ flexShrink: 0 }}>
                  {t.overdue ? tr('Quá hạn', 'Overdue') : tr('Trong tuần', 'This week')}
                </Badge>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <Anchor component={Link} to={`/tasks/${t.id}`} size="sm">
                    {t.title}
                  </Anchor>{' '}
                  <Text span c="dimmed" size="xs">
                    {[
                      t.due ? tr(`hạn ${fmt(t.due)}`, `due ${fmt(t.due)}`) : null,
                      t.role !== 'org' ? ROLE[t.role][l === 'vi' ? 0 : 1] : t.leadName,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Text>
              </Group>
            ))
          )}
        </Section>

        {h.supervision && (
          <Section
            title={tr('Quá hạn trong phạm vi lãnh đạo', 'Overdue under my leadership')}
            testid="home-supervision"
          >
            <Figure
              testid="home-supervision-overdue"
              {...h.supervision.overdue}
              label={tr('nhiệm vụ quá hạn', 'overdue tasks')}
              tone="red"
            />
            {h.supervision.byUnit.map((u) => (
              <Group key={u.href} justify="space-between" wrap="nowrap">
                <Anchor
                  component={Link}
                  to={u.href}
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                  data-testid="home-supervision-unit"
                  data-count={u.overdue}
                  data-href={u.href}
                >
                  {u.name}
                </Anchor>
                <Badge color="red" variant="light">
                  {u.overdue}
                </Badge>
              </Group>
            ))}
          </Section>
        )}

        <Section
          title={tr('Hội nghị trong tuần', 'Meetings this week')}
          testid="home-meetings"
          figure={{ ...h.meetings, label: tr(`${h.meetings.count} hội nghị`, `${h.meetings.count} meetings`) }}
          empty={h.meetings.items.length === 0 && tr('Tuần này không có hội nghị.', 'No meetings this week.')}
        >
          {h.meetings.items.map((m) => (
            <div key={m.id} data-testid="home-meeting">
              <Anchor component={Link} to={`/meetings/${m.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {m.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {m.bodyName} · {fmt(m.date)}
                {m.startsAt ? `, ${m.startsAt.slice(0, 5)}` : ''}
              </Text>
              {m.lacks.length === 0 ? (
                <Text size="xs" c="green.8">
                  {tr('Đã đủ các bước chuẩn bị', 'Ready')}
                </Text>
              ) : (
                m.lacks.map((x) => (
                  <Text key={x} size="xs" c="red.8" data-testid="home-meeting-lack">
                    {x}
                  </Text>
                ))
              )}
            </div>
          ))}
        </Section>

        <Section
          title={tr('Lấy ý kiến cần góp ý', 'Consultations to answer')}
          testid="home-consultations"
          figure={{ ...h.consultations, label: tr(`${h.consultations.count} đợt`, `${h.consultations.count}`) }}
          empty={
            h.consultations.items.length === 0 &&
            tr('Không có dự thảo nào đang chờ đơn vị góp ý.', 'Nothing to answer.')
          }
        >
          {h.consultations.items.map((c) => (
            <div key={c.id}>
              <Anchor component={Link} to={`/consultations/${c.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {c.title}
              </Anchor>
              <Text size="xs" c={c.late ? 'red.8' : 'dimmed'}>
                {c.orgName} ·{' '}
                {c.late
                  ? tr(`quá hạn góp ý từ ${fmt(c.deadline)}`, `overdue since ${fmt(c.deadline)}`)
                  : tr(`hạn góp ý ${fmt(c.deadline)}`, `answer by ${fmt(c.deadline)}`)}
              </Text>
            </div>
          ))}
        </Section>

        <Section
          title={tr('Kết luận chưa giao nhiệm vụ', 'Conclusions awaiting follow-up')}
          testid="home-conclusions"
          figure={{ ...h.conclusions, label: tr(`${h.conclusions.count} việc`, `${h.conclusions.count} items`) }}
          empty={
            h.conclusions.items.length === 0 &&
            tr(
              'Mọi việc trong các thông báo kết luận đã được giao thành nhiệm vụ.',
              'Every conclusion item is followed by a task.',
            )
          }
        >
          {h.conclusions.items.map((c) => (
            <Text key={c.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={`/meetings/${c.meetingId}`} size="sm">
                {c.symbol}
              </Anchor>{' '}
              {c.text}
            </Text>
          ))}
        </Section>

        <Section
          title={tr('Thông báo chưa đọc', 'Unread notifications')}
          testid="home-notifications"
          figure={{
            href: h.notifications.href,
            count: h.notifications.unread,
            label: tr(`${h.notifications.unread} chưa đọc`, `${h.notifications.unread} unread`),
          }}
        >
          {h.notifications.items.length === 0 && (
            <None>{tr('Không có thông báo chưa đọc.', 'No unread notifications.')}</None>
          )}
          {h.notifications.items.map((n) => (
            <Text key={n.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {n.href ? (
                <Anchor component={Link} to={n.href} size="sm">
                  {n.title}
                </Anchor>
              ) : (
                n.title
              )}{' '}
              <Text span size="xs" c="dimmed">
                {timeVi(n.createdAt)}
              </Text>
            </Text>
          ))}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
