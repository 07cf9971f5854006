import { Anchor, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import type { MyCellSchema } from '@quyche/core';
import { PlanItemCreateSchema } from '@quyche/core';
import type { z } from 'zod';
import { api, useApi } from '../../app/api';
import type { Me } from '../../app/session';
import { Link } from '../../app/router';
import { DateField } from '../../app/ui/date-field';
import { fmt } from '../../app/ui/dates';
import { useLang } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import { LoadState } from '../../app/ui/load-state';
import { useSchemaForm } from '../../app/ui/schema-form';
import { FormEnd } from '../../app/ui/shared-form-end';
import { PageHead } from '../../app/ui/shared-page-head';
import { useRun } from '../../app/ui/use-run';
import { useTitle } from '../../app/ui/use-title';
import { PlanItem, SelfAssessmentCard } from './plan-item';
import { MyAssessmentsCard } from '../assessment/my-assessments.card';
import { TitledCard } from '../../app/ui/shared-section-card';

type MyCell = z.output<typeof MyCellSchema>;
type Meeting = NonNullable<MyCell['next']>;

const DUES_VI: Record<string, [string, string, string]> = {
  paid: ['Đã đóng', 'Paid', 'green'],
  unpaid: ['Chưa đóng', 'Unpaid', 'red'],
  exempt: ['Được miễn', 'Exempt', 'gray'],
  deferred: ['Cho chậm đóng', 'Deferred', 'yellow'],
};
const money = (n: number | null) => (n === null ? '' : `${n.toLocaleString('vi-VN')} đ`);

/**
 * "Chi bộ của tôi", made for a phone: a member's cell's next meeting and its documents, their action plan of the year
 * (and an item added to it), their open tasks and dues. A member sees their own records and their cell's only; a
 * cell's secretary also finds here the way to record the cell's meeting.
 */
export function MyCellPage({ me }: { me: Me }) {
  const [l] = useLang();
  const tr = (vi: string, en: string) => (l === 'vi' ? vi : en);
  const { data, error, loading, reload } = useApi<MyCell>('/me/cell');
  useTitle(tr('Chi bộ của tôi', 'My party cell'));
  const secretary = data && me.grants.some((g) => g.orgId === data.cell.id && g.role !== 'viewer');
  return (
    <Stack data-testid="my-cell-page" maw={720}>
      <PageHead title={tr('Chi bộ của tôi', 'My party cell')}>
        {data &&
          `${data.member.fullName} · ${data.cell.name} · ${
            data.member.status === 'official'
              ? tr('Đảng viên chính thức', 'Full member')
              : tr('Đảng viên dự bị', 'Probationary member')
          }`}
      </PageHead>
      <LoadState error={error} loading={loading && !data} />
      {data && (
        <>
          {secretary && (
            <Group grow>
              <Button component={Link} to={`/cells/${data.cell.id}/record`} data-testid="record-cell-meeting">
                {tr('Ghi buổi sinh hoạt chi bộ', 'Record a cell meeting')}
              </Button>
              <Button component={Link} to={`/cells/${data.cell.id}/dues`} variant="light" data-testid="collect-dues">
                {tr('Thu đảng phí', 'Collect dues')}
              </Button>
            </Group>
          )}
          <TitledCard title={tr('Buổi sinh hoạt tới', 'Next meeting')} testid="my-next-meeting" mb={0}>
            {data.next ? (
              <MeetingCard m={data.next} />
            ) : (
              <Text c="dimmed" size="sm" data-testid="my-no-next">
                {tr('Chi bộ chưa có lịch sinh hoạt tới.', 'No meeting scheduled yet.')}
              </Text>
            )}
          </TitledCard>
          <PlanCard data={data} onChanged={reload} />
          {data.plan && data.plan.items.length > 0 && <SelfAssessmentCard plan={data.plan} />}
          <MyAssessmentsCard />
          <TitledCard title={tr('Nhiệm vụ của tôi', 'My tasks')} testid="my-tasks" mb={0}>
            {data.tasks.length === 0 ? (
              <Text c="dimmed" size="sm">
                {tr('Không có nhiệm vụ đang mở.', 'No open task.')}
              </Text>
            ) : (
              <List spacing={4}>
                {data.tasks.map((t) => (
                  <List.Item key={t.id}>
                    {t.title}
                    {t.due && ` — ${tr('hạn', 'due')} ${fmt(t.due)}`}
                  </List.Item>
                ))}
              </List>
            )}
          </TitledCard>
          <TitledCard title={tr('Đảng phí', 'Party dues')} testid="my-dues" mb={0}>
            <Stack gap={4}>
              {data.dues.map((d) => {
                const [vi, en, color] = DUES_VI[d.status] ?? [d.status, d.status, 'gray'];
                return (
                  <Group key={d.month} justify="space-between" wrap="nowrap" data-testid="my-dues-month">
                    <Text size="sm">{`${tr('Tháng', 'Month')} ${d.month.slice(5)}/${d.month.slice(0, 4)}`}</Text>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{money(d.amount)}</Text>
                      <Badge color={color} variant="light">
                        {tr(vi, en)}
                      </Badge>
                    </Group>
                  </Group>
                );
              })}
            </Stack>
          </TitledCard>
          {data.past.length > 0 && (
            <TitledCard title={tr('Các buổi sinh hoạt gần đây', 'Recent meetings')} testid="my-past-meetings" mb={0}>
              <Stack gap="sm">
                {data.past.map((m) => (
                  <MeetingCard key={m.id} m={m} />
                ))}
              </Stack>
            </TitledCard>
          )}
        </>
      )}
    </Stack>
  );
}

function MeetingCard({ m }: { m: Meeting }) {
  const [l] = useLang();
  const tr = (vi: string, en: string) => (l === 'vi' ? vi : en);
  return (
    <Stack gap={4} data-testid="my-meeting">
      <Text fw={600}>{m.title}</Text>
      <Text size="sm">{[fmt(m.date), m.startsAt, m.location].filter(Boolean).join(' · ')}</Text>
      {m.documents.length > 0 ? (
        <List size="sm" spacing={4}>
          {m.documents.map((d) => (
            <List.Item key={d.id}>
              <Anchor href={`/api/v1/me/documents/${d.id}`} target="_blank" data-testid="my-document">
                {d.title}
              </Anchor>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {tr('Chưa có tài liệu.', 'No documents yet.')}
        </Text>
      )}
    </Stack>
  );
}

function PlanCard({ data, onChanged }: { data: MyCell; onChanged: () => void }) {
  const [l] = useLang();
  const tr = (vi: string, en: string) => (l === 'vi' ? vi : en);
  const year = data.plan?.year ?? new Date().getFullYear();
  const form = useSchemaForm(PlanItemCreateSchema, { text: '', product: '', dueDate: '' }, (v) => ({
    text: v.text,
    product: v.product,
    dueDate: v.dueDate,
  }));
  const w = useRun<unknown>(() => {
    form.reset();
    onChanged();
  });
  return (
    <TitledCard title={tr(`Kế hoạch hành động năm ${year}`, `Action plan ${year}`)} testid="my-plan" mb={0}>
      {data.plan?.commitment && (
        <Text size="sm" fs="italic" mb="xs">
          {data.plan.commitment}
        </Text>
      )}
      {data.plan && data.plan.items.length > 0 ? (
        <List type="ordered" spacing={10} mb="sm">
          {data.plan.items.map((i) => (
            <PlanItem key={`${i.id}-${i.progress}-${i.progressNote ?? ''}`} item={i} onChanged={onChanged} />
          ))}
        </List>
      ) : (
        <Text c="dimmed" size="sm" mb="sm">
          {tr('Chưa có việc nào trong kế hoạch.', 'The plan has no item yet.')}
        </Text>
      )}
      <form
        noValidate
        onSubmit={form.submitBody((body) => void w.run(() => api('POST', '/me/plan/items', body)))}
        data-testid="plan-item-form"
      >
        <Stack gap="xs">
          <FormText form={form} path="text" testid="plan-item-text">
            {tr('Việc sẽ làm', 'What I will do')}
          </FormText>
          <FormText
            form={form}
            path="product"
            testid="plan-item-product"
            description={tr('Kết quả đo được: văn bản, số lượng, chứng chỉ…', 'A measurable result')}
          >
            {tr('Sản phẩm', 'Product')}
          </FormText>
          <DateField label={tr('Hạn hoàn thành', 'Due date')} {...form.valueProps('dueDate')} testid="plan-item-due" />
          <FormEnd name="plan-item" form={form} write={w}>
            {tr('Thêm vào kế hoạch', 'Add to the plan')}
          </FormEnd>
        </Stack>
      </form>
    </TitledCard>
  );
}
