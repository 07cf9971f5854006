import { versionLabelVi } from '@quyche/core';
import { Alert, Anchor, Badge, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { ErrorView } from '../../app/ui/error-view';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link, navigate, useLocation } from '../../app/router';
import { ListAlert } from '../../app/ui/shared-list-alert';
import { useTr } from '../../app/ui/i18n';
import { DraftAndComments } from './consultation-comments';
import { RecipientsSection } from './consultation-recipients';
import { RevisionSection } from './consultation-revision';
import { SynthesisSection } from './consultation-synthesis';
import { ConsultationStateBadge, CountBadges, isOverdue, useConsultation } from './consultation.parts';
import type { Consultation } from './consultation.parts';

const TABS = ['draft', 'recipients', 'synthesis', 'revision'] as const;
type Tab = (typeof TABS)[number];

/** One consultation: its header (state, deadline, counts, what still blocks it) and its tabs. */
export function ConsultationPage({ id }: { id: string }) {
  const [, tr] = useTr();
  const { query } = useLocation();
  const { c, setC, error, reload } = useConsultation(id);
  useTitle(c?.title);
  if (error && !c) return <ErrorView error={error} />;
  if (!c) return <Loading />;
  // Those of the consulting organization read every comment; a recipient's users see only their own.
  const readAll = c.can.readAll;
  const tabs: Tab[] = readAll ? [...TABS] : ['draft', 'recipients'];
  const asked = query.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'draft';
  const go = (t: string, extra = '') => navigate(`/consultations/${id}?tab=${t}${extra}`, true);
  const props = { c, onConsultation: setC, reload: () => void reload() };
  return (
    <Stack data-testid="consultation-page" data-id={c.id} data-state={c.state} data-version={c.version}>
      <Anchor component={Link} to="/consultations" size="sm">
        ‹ {tr('Lấy ý kiến dự thảo', 'Consultations')}
      </Anchor>
      <Header c={c} readAll={readAll} />
      <Tabs value={tab} onChange={(v) => v && go(v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="draft" data-testid="tab-draft">
            {tr('Dự thảo và ý kiến', 'Draft and comments')}
          </Tabs.Tab>
          <Tabs.Tab value="recipients" data-testid="tab-recipients">
            {tr('Nơi nhận', 'Recipients')} ({c.counts.recipients})
          </Tabs.Tab>
          {readAll && (
            <Tabs.Tab value="synthesis" data-testid="tab-synthesis">
              {tr('Bảng tổng hợp', 'Synthesis')}
            </Tabs.Tab>
          )}
          {readAll && (
            <Tabs.Tab value="revision" data-testid="tab-revision">
              {tr('Bản chỉnh lý, trình thông qua', 'Revision, adoption')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="draft" pt="md">
          <DraftAndComments {...props} readAll={readAll} as={query.get('as')} />
        </Tabs.Panel>
        <Tabs.Panel value="recipients" pt="md">
          <RecipientsSection {...props} onAnswerFor={(rid) => go('draft', `&as=${rid}`)} />
        </Tabs.Panel>
        {readAll && (
          <Tabs.Panel value="synthesis" pt="md">
            <SynthesisSection c={c} />
          </Tabs.Panel>
        )}
        {readAll && (
          <Tabs.Panel value="revision" pt="md">
            <RevisionSection {...props} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}

function Header({ c, readAll }: { c: Consultation; readAll: boolean }) {
  const [l, tr] = useTr();
  const overdue = isOverdue(c);
  const mine = c.recipients.filter((r) => r.mine);
  return (
    <Card withBorder>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <ConsultationStateBadge state={c.state} size="lg" />
          {overdue && (
            <Badge color="red" size="lg" variant="filled" data-testid="consultation-overdue">
              {tr('Quá hạn góp ý', 'Past the deadline')}
            </Badge>
          )}
          <Badge
            variant="outline"
            color="gray"
            size="lg"
            style={{ textTransform: 'none' }}
            data-testid="consultation-expression"
          >
            {tr('Dự thảo', 'Draft')}: {versionLabelVi(c.expression)}
          </Badge>
        </Group>
        <Title order={1} size="h2" data-testid="consultation-title" style={{ overflowWrap: 'anywhere' }}>
          {c.title}
        </Title>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {c.title.includes(c.regulationTitle) ? '' : `${c.regulationTitle} · `}
          {tr('Cơ quan lấy ý kiến', 'Consulting organization')}: {c.orgName}
        </Text>
        <Text size="sm" data-testid="consultation-dates">
          {tr('Gửi ngày', 'Sent on')} {fmt(c.sentOn)} ·{' '}
          <Text
            span
            size="sm"
            className={overdue ? 'qc-c-red' : undefined}
            data-testid="consultation-deadline"
            data-overdue={String(overdue)}
          >
            {tr('Hạn góp ý', 'Deadline')} {fmt(c.deadline)}
          </Text>
        </Text>
        <CountBadges c={c} />
        {c.meetingId && (
          <Text size="sm" data-testid="consultation-meeting">
            {tr('Trình tại', 'Submitted to')}{' '}
            <Anchor component={Link} to={`/meetings/${c.meetingId}`} size="sm" data-testid="consultation-meeting-link">
              {c.meetingTitle ?? tr('hội nghị', 'the meeting')}
            </Anchor>
            {c.nextExpression ? ` (${tr('bản chỉnh lý', 'revision')} ${c.nextExpression})` : ''}
          </Text>
        )}
        {c.state === 'adopted' && (
          <Text size="sm" c="green.9" fw={600} data-testid="consultation-adopted">
            {tr(`Đã thông qua ngày ${fmt(c.adoptedOn)}`, `Adopted on ${fmt(c.adoptedOn)}`)}
          </Text>
        )}
        {!readAll && mine.length > 0 && (
          <Text size="sm" data-testid="consultation-mine">
            {tr('Đơn vị của bạn được xin ý kiến', 'Your unit is asked for comments')}:{' '}
            {mine.map((r) => `${r.name} — ${l === 'vi' ? r.statusLine : r.status}`).join('; ')}
          </Text>
        )}
        {readAll && c.blockers.length > 0 && ['open', 'revised'].includes(c.state) && (
          <ListAlert
            color="orange"
            title={tr('Chưa trình được dự thảo: còn vướng', 'Not ready to submit: still pending')}
            testid="consultation-blockers"
            count={c.blockers.length}
            items={c.blockers}
            itemTestid="blocker"
          />
        )}
        {readAll && c.blockers.length === 0 && c.state === 'open' && (
          <Alert color="green" data-testid="consultation-ready">
            {tr(
              'Mọi nơi nhận đã góp ý hoặc được xác định không góp ý, mọi ý kiến đã được tiếp thu, giải trình: có thể ' +
                'lập bản chỉnh lý.',
              'Every recipient has answered or is marked as not answering and every comment is disposed of: the ' +
                'revision may be made.',
            )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
