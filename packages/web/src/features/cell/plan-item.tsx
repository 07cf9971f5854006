import { Button, Group, List, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { MyCellSchema } from '@quyche/core';
import { PLAN_PROGRESS_LABELS } from '@quyche/core';
import { useState } from 'react';
import type { z } from 'zod';
import { api } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import { useTr } from '../../app/ui/i18n';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';
import { TitledCard } from '../../app/ui/shared-section-card';

type Plan = NonNullable<z.output<typeof MyCellSchema>['plan']>;
type Item = Plan['items'][number];
type Progress = Item['progress'];

/**
 * One item of the member's plan: its product and date, whether it can be measured (and what it lacks), and the
 * member's check-in — how far it got and a note — saved on its own.
 */
export function PlanItem({ item, onChanged }: { item: Item; onChanged: () => void }) {
  const [l, tr] = useTr();
  const [progress, setProgress] = useState<Progress>(item.progress);
  const [note, setNote] = useState(item.progressNote ?? '');
  const w = useRun<unknown>(onChanged);
  const changed = progress !== item.progress || note !== (item.progressNote ?? '');
  return (
    <List.Item data-testid="my-plan-item">
      <Stack gap={4}>
        <Text size="sm">{item.text}</Text>
        {(item.product || item.dueDate) && (
          <Text size="xs" c="dimmed">
            {[
              item.product && `${tr('Sản phẩm', 'Product')}: ${item.product}`,
              item.dueDate && `${tr('Hạn', 'Due')}: ${fmt(item.dueDate)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        <Text size="xs" c={item.measurable.ok ? 'green.8' : 'orange.8'} data-testid="my-plan-measurable">
          {item.measurable.reason_vi}
        </Text>
        <Group gap="xs" align="end" wrap="wrap">
          <NativeSelect
            size="xs"
            label={tr('Tiến độ', 'Progress')}
            value={progress}
            onChange={(e) => setProgress(e.currentTarget.value as Progress)}
            data={(Object.keys(PLAN_PROGRESS_LABELS) as Progress[]).map((p) => ({
              value: p,
              label: l === 'vi' ? PLAN_PROGRESS_LABELS[p].vi : PLAN_PROGRESS_LABELS[p].en,
            }))}
            data-testid="my-plan-progress"
            w={150}
          />
          <TextInput
            size="xs"
            label={tr('Ghi chú', 'Note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 140 }}
            data-testid="my-plan-note"
          />
          <Button
            size="xs"
            variant="light"
            disabled={!changed}
            loading={w.busy}
            onClick={() =>
              void w.run(() =>
                api('POST', `/me/plan/items/${item.id}/check-in`, { progress, ...(note.trim() ? { note } : {}) }),
              )
            }
            data-testid="my-plan-check-in"
          >
            {tr('Lưu', 'Save')}
          </Button>
        </Group>
        {item.checkedInOn && (
          <Text size="xs" c="dimmed">
            {tr(`Rà soát ngày ${fmt(item.checkedInOn)}`, `Checked in on ${fmt(item.checkedInOn)}`)}
          </Text>
        )}
        <WriteError error={w.error} testid="my-plan-check-in-error" />
      </Stack>
    </List.Item>
  );
}

/** The plan as it stands, carried into the year-end self-assessment (QĐ 366-QĐ/TW Điều 6): a draft to copy. */
export function SelfAssessmentCard({ plan }: { plan: Plan }) {
  const [, tr] = useTr();
  const a = plan.selfAssessment;
  return (
    <TitledCard
      title={tr(
        `Tự đánh giá cuối năm ${plan.year} (dự thảo từ kế hoạch)`,
        `Year-end self-assessment ${plan.year} (draft)`,
      )}
      testid="my-self-assessment"
      mb={0}
    >
      <Text size="xs" c="dimmed" mb="xs">
        {tr(
          'Phần "Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu" của bản tự kiểm điểm (Quy định 366-QĐ/TW, ' +
            'Điều 6), lấy từ lần rà soát gần nhất của từng việc.',
          'The part on the yearly commitment of the self-assessment (Regulation 366-QĐ/TW, Article 6), from each ' +
            'item’s last check-in.',
        )}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="my-self-assessment-text">
        {a.text_vi}
      </Text>
    </TitledCard>
  );
}
