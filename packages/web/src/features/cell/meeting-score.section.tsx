import { Button, Group, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import type { MeetingScoreSchema } from '@quyche/core';
import { citeVi } from '@quyche/core';
import { useState } from 'react';
import type { z } from 'zod';
import { api, useApi } from '../../app/api';
import { CardTable } from '../../app/ui/card-table';
import { fmt } from '../../app/ui/dates';
import { useTr } from '../../app/ui/i18n';
import { LoadState } from '../../app/ui/load-state';
import { SectionCard } from '../../app/ui/shared-section-card';
import { useOnChange } from '../../app/ui/use-on-change';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';

type Score = z.output<typeof MeetingScoreSchema>;
type Points = Record<string, number | ''>;

const fromLines = (lines: { criterion: string; points: number }[] | undefined): Points =>
  Object.fromEntries((lines ?? []).map((l) => [l.criterion, l.points]));
const num = (n: number) => String(n).replace('.', ',');

/**
 * "Chấm điểm chất lượng sinh hoạt" on a cell meeting's page: the province's sheet (criteria, points, grades, with
 * the clause), the cell's own score, and the grassroots committee's check, whose points are the official ones.
 */
export function MeetingScoreSection({ meetingId }: { meetingId: string }) {
  const [, tr] = useTr();
  const { data, error, loading, reload } = useApi<Score>(`/meetings/${meetingId}/score`);
  const [own, setOwn] = useState<Points>({});
  const [check, setCheck] = useState<Points>({});
  const [note, setNote] = useState('');
  useOnChange(data, (d) => {
    if (!d) return;
    setOwn(fromLines(d.scored?.scores));
    setCheck(fromLines(d.checked?.scores ?? d.scored?.scores));
    setNote(d.checked?.note ?? '');
  });
  const saveOwn = useRun<Score>(() => reload());
  const saveCheck = useRun<Score>(() => reload());
  // A criterion left empty is not sent: the server names it ("Chưa chấm tiêu chí …").
  const lines = (p: Points) =>
    (data?.sheet?.criteria ?? []).flatMap((c) => {
      const v = p[c.id];
      return v === '' || v === undefined ? [] : [{ criterion: c.id, points: v }];
    });
  const total = (p: Points) => Object.values(p).reduce<number>((n, x) => n + (x === '' ? 0 : x), 0);
  const sheet = data?.sheet;
  const result = (s: NonNullable<Score['scored']>, who: string) =>
    `${who}: ${num(s.total)} ${tr('điểm', 'points')}${s.grade ? ` — ${s.grade}` : ''}` +
    `${s.by ? ` (${s.by}${s.on ? `, ${fmt(s.on)}` : ''})` : ''}`;
  const input = (p: Points, set: (p: Points) => void, id: string, max: number, testid: string) => (
    <NumberInput
      size="xs"
      w={80}
      min={0}
      max={max}
      step={0.5}
      decimalSeparator=","
      value={p[id] ?? ''}
      onChange={(v) => set({ ...p, [id]: typeof v === 'number' ? v : '' })}
      aria-label={tr('Điểm', 'Points')}
      data-testid={testid}
    />
  );
  return (
    <SectionCard title={tr('Chấm điểm chất lượng sinh hoạt', 'Meeting quality score')} testid="meeting-score">
      <LoadState error={error} loading={loading && !data} />
      {data && !sheet && (
        <Text size="sm" c="dimmed" data-testid="meeting-score-none">
          {data.reason_vi}
        </Text>
      )}
      {sheet && (
        <>
          <Text size="xs" c="dimmed">
            {`${sheet.eIds.map(citeVi).join('; ')} ${sheet.regulation}. ${tr('Xếp loại', 'Grades')}: ` +
              sheet.grades.map((g) => `${g.label} ${tr('từ', 'from')} ${g.min}`).join(', ')}
          </Text>
          <CardTable
            minWidth={560}
            striped
            fz="sm"
            verticalSpacing={4}
            head={[
              tr('Tiêu chí', 'Criterion'),
              tr('Tối đa', 'Max'),
              tr('Chi bộ tự chấm', 'Cell’s score'),
              tr('Đảng ủy kiểm tra', 'Checked'),
            ]}
          >
            {sheet.criteria.map((c) => (
              <Table.Tr key={c.id} data-testid="meeting-score-criterion">
                <Table.Td className="qc-wide">{c.text}</Table.Td>
                <Table.Td data-label={tr('Tối đa', 'Max')}>{c.max}</Table.Td>
                <Table.Td data-label={tr('Chi bộ tự chấm', 'Cell’s score')}>
                  {data.mayScore
                    ? input(own, setOwn, c.id, c.max, 'meeting-score-own')
                    : (fromLines(data.scored?.scores)[c.id] ?? '—')}
                </Table.Td>
                <Table.Td data-label={tr('Đảng ủy kiểm tra', 'Checked')}>
                  {data.mayCheck
                    ? input(check, setCheck, c.id, c.max, 'meeting-score-check')
                    : (fromLines(data.checked?.scores)[c.id] ?? '—')}
                </Table.Td>
              </Table.Tr>
            ))}
          </CardTable>
          <Stack gap={2} data-testid="meeting-score-result">
            {data.scored && <Text size="sm">{result(data.scored, tr('Chi bộ tự chấm', 'The cell’s score'))}</Text>}
            {data.checked && (
              <Text size="sm" fw={600}>
                {result(data.checked, tr('Đảng ủy cơ sở kiểm tra (điểm chính thức)', 'Checked (official)'))}
              </Text>
            )}
            {data.checked?.note && <Text size="xs">{data.checked.note}</Text>}
          </Stack>
          {data.mayScore && (
            <Stack gap="xs">
              <WriteError error={saveOwn.error} testid="meeting-score-own-error" />
              <Group>
                <Button
                  size="xs"
                  loading={saveOwn.busy}
                  onClick={() =>
                    void saveOwn.run(() => api<Score>('POST', `/meetings/${meetingId}/score`, { scores: lines(own) }))
                  }
                  data-testid="meeting-score-own-submit"
                >
                  {tr(`Lưu điểm chi bộ tự chấm (${num(total(own))}/${sheet.max})`, `Save (${total(own)}/${sheet.max})`)}
                </Button>
              </Group>
            </Stack>
          )}
          {data.mayCheck && (
            <Stack gap="xs">
              <Textarea
                size="xs"
                label={tr('Nhận xét của đảng ủy cơ sở', 'Remarks')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
                minRows={2}
                data-testid="meeting-score-note"
              />
              <WriteError error={saveCheck.error} testid="meeting-score-check-error" />
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  loading={saveCheck.busy}
                  onClick={() =>
                    void saveCheck.run(() =>
                      api<Score>('POST', `/meetings/${meetingId}/score/check`, {
                        version: data.version,
                        scores: lines(check),
                        ...(note.trim() ? { note } : {}),
                      }),
                    )
                  }
                  data-testid="meeting-score-check-submit"
                >
                  {tr(`Ghi điểm kiểm tra (${num(total(check))}/${sheet.max})`, `Record the check (${total(check)})`)}
                </Button>
              </Group>
            </Stack>
          )}
        </>
      )}
    </SectionCard>
  );
}
