import { Button, Card, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CellDuesSchema } from '@quyche/core';
import { todayInVietnam } from '@quyche/core';
import { useState } from 'react';
import type { z } from 'zod';
import { api } from '../../app/api';
import { useRecord } from '../../app/record';
import { Link, navigate, useLocation } from '../../app/router';
import { DateField } from '../../app/ui/date-field';
import { useTr } from '../../app/ui/i18n';
import { LoadState } from '../../app/ui/load-state';
import { PageHead } from '../../app/ui/shared-page-head';
import { useOnChange } from '../../app/ui/use-on-change';
import { useRun } from '../../app/ui/use-run';
import { useTitle } from '../../app/ui/use-title';
import { WriteError } from '../../app/ui/write-error';

type Sheet = z.output<typeof CellDuesSchema>;
type Status = 'paid' | 'unpaid' | 'exempt' | 'deferred';
interface Line {
  personId: string;
  status: Status | null;
  amount: number | null;
}

const money = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('vi-VN')} đ`);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A cell's secretary collects the month's dues on a phone: each member's amount at their rate (with how it is worked
 * out), marked paid, unpaid, exempt or deferred; then the month's remittance to the superior committee.
 */
export function CellDuesPage({ cellId }: { cellId: string }) {
  const [, tr] = useTr();
  const { query } = useLocation();
  const asked = query.get('month') ?? '';
  const month = MONTH.test(asked) ? asked : todayInVietnam().slice(0, 7);
  useTitle(tr('Thu đảng phí', 'Collect dues'));
  const sheet = useRecord<Sheet>(`/organizations/${cellId}/dues?month=${month}`);
  const [lines, setLines] = useState<Line[]>([]);
  useOnChange(sheet.data, (d) => {
    if (d) setLines(d.members.map((m) => ({ personId: m.personId, status: m.status, amount: m.amount ?? m.due })));
  });
  const [savedAt, setSavedAt] = useState<string | null>(null);
  // The answer is the month's sheet as saved: its totals show with the "saved" line, not a moment after it.
  const save = useRun<Sheet>((answer) => {
    setSavedAt(new Date().toLocaleTimeString('vi-VN'));
    sheet.setData(answer);
  });
  const set = (i: number, x: Partial<Line>) => setLines((ls) => ls.map((l, k) => (k === i ? { ...l, ...x } : l)));
  const marked = lines.filter((l) => l.status !== null);
  const submit = () =>
    void save.run(() =>
      api<Sheet>('POST', `/organizations/${cellId}/dues`, {
        month,
        payments: marked.map((l) => ({
          personId: l.personId,
          status: l.status,
          ...(l.status === 'paid' && l.amount !== null ? { amount: l.amount } : {}),
        })),
      }),
    );
  const d = sheet.data;
  const shift = (n: number) => {
    const t = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1));
    navigate(`/cells/${cellId}/dues?month=${t.toISOString().slice(0, 7)}`, true);
  };
  return (
    <Stack maw={720} data-testid="cell-dues-page">
      <PageHead title={tr(`Đảng phí tháng ${month.slice(5)}/${month.slice(0, 4)}`, `Dues, ${month}`)}>
        {d && `${d.cellName} · ${tr('mức đóng theo', 'rates per')} ${d.source_vi}`}
      </PageHead>
      <Group gap="xs">
        <Button variant="light" size="xs" onClick={() => shift(-1)} data-testid="cell-dues-prev">
          {tr('‹ Tháng trước', '‹ Previous')}
        </Button>
        <Button variant="light" size="xs" onClick={() => shift(1)} data-testid="cell-dues-next">
          {tr('Tháng sau ›', 'Next ›')}
        </Button>
        <Button component={Link} to="/chi-bo-cua-toi" variant="subtle" size="xs">
          {tr('Về trang chi bộ', 'Back to my cell')}
        </Button>
      </Group>
      <LoadState error={sheet.error} loading={!d && !sheet.error} />
      {d && (
        <Card withBorder p="sm" data-testid="cell-dues-totals">
          <Text size="sm">
            {tr(
              `Đã thu ${money(d.collected)} / phải thu ${money(d.expected)}; ` +
                `đã đánh dấu ${marked.length}/${lines.length} đảng viên.`,
              `Collected ${money(d.collected)} of ${money(d.expected)}; ` +
                `${marked.length}/${lines.length} members marked.`,
            )}
          </Text>
        </Card>
      )}
      {d && (
        <Stack gap="xs">
          {d.members.map((m, i) => {
            const l = lines[i];
            if (!l) return null;
            return (
              <Card key={m.personId} withBorder p="sm" data-testid="cell-dues-member">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={600}>
                    {m.fullName}
                  </Text>
                  <Text size="sm" fw={600} data-testid="cell-dues-due">
                    {money(m.due)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" mb={6}>
                  {m.dueBasis_vi}
                </Text>
                <SegmentedControl
                  size="xs"
                  fullWidth
                  value={l.status ?? ''}
                  onChange={(v) => set(i, { status: v as Status })}
                  data={[
                    { value: 'paid', label: tr('Đã đóng', 'Paid') },
                    { value: 'unpaid', label: tr('Chưa đóng', 'Unpaid') },
                    { value: 'exempt', label: tr('Miễn', 'Exempt') },
                    { value: 'deferred', label: tr('Chậm đóng', 'Deferred') },
                  ]}
                  data-testid="cell-dues-status"
                />
                {l.status === 'paid' && (
                  <NumberInput
                    mt={6}
                    size="xs"
                    label={tr('Số tiền đã đóng (đồng)', 'Amount paid (đồng)')}
                    value={l.amount ?? ''}
                    onChange={(v) => set(i, { amount: typeof v === 'number' ? v : null })}
                    thousandSeparator="."
                    decimalSeparator=","
                    min={0}
                    allowDecimal={false}
                    data-testid="cell-dues-amount"
                  />
                )}
              </Card>
            );
          })}
          <WriteError error={save.error} testid="cell-dues-error" />
          {savedAt && !save.error && (
            <Text size="sm" c="green.8" data-testid="cell-dues-saved">
              {tr(`Đã lưu lúc ${savedAt}.`, `Saved at ${savedAt}.`)}
            </Text>
          )}
          <Button onClick={submit} loading={save.busy} disabled={marked.length === 0} data-testid="cell-dues-submit">
            {tr('Lưu đảng phí tháng', 'Save the month')}
          </Button>
          <RemitCard sheet={d} cellId={cellId} onDone={sheet.setData} />
        </Stack>
      )}
    </Stack>
  );
}

/** The month's remittance upward: shown once recorded, else a form (not above what was collected). */
function RemitCard({ sheet, cellId, onDone }: { sheet: Sheet; cellId: string; onDone: (s: Sheet) => void }) {
  const [, tr] = useTr();
  const [remitted, setRemitted] = useState<number | null>(null);
  const [on, setOn] = useState(todayInVietnam());
  const [note, setNote] = useState('');
  const w = useRun<Sheet>(onDone);
  const r = sheet.remittance;
  return (
    <Card withBorder p="sm" data-testid="cell-dues-remit">
      <Title order={2} size="h5" mb="xs">
        {tr('Nộp đảng phí lên cấp trên', 'Remit to the superior')}
      </Title>
      {r ? (
        <Text size="sm" data-testid="cell-dues-remitted">
          {tr(
            `Đã nộp ${money(r.remitted)} (trên ${money(r.collected)} đã thu)${r.toName ? ` lên ${r.toName}` : ''}.`,
            `Remitted ${money(r.remitted)} (of ${money(r.collected)} collected)${r.toName ? ` to ${r.toName}` : ''}.`,
          )}
        </Text>
      ) : (
        <Stack gap="xs">
          <NumberInput
            size="xs"
            label={tr('Số tiền nộp lên (đồng)', 'Amount remitted (đồng)')}
            description={tr(`Không quá số đã thu: ${money(sheet.collected)}`, `At most ${money(sheet.collected)}`)}
            value={remitted ?? ''}
            onChange={(v) => setRemitted(typeof v === 'number' ? v : null)}
            thousandSeparator="."
            decimalSeparator=","
            min={0}
            allowDecimal={false}
            data-testid="cell-dues-remit-amount"
          />
          <DateField label={tr('Ngày nộp', 'Date')} value={on} onChange={setOn} testid="cell-dues-remit-date" />
          <TextInput
            size="xs"
            label={tr('Ghi chú', 'Note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <WriteError error={w.error} testid="cell-dues-remit-error" />
          <Button
            size="xs"
            variant="light"
            loading={w.busy}
            disabled={remitted === null}
            onClick={() =>
              void w.run(() =>
                api<Sheet>('POST', `/organizations/${cellId}/dues/remittance`, {
                  month: sheet.month,
                  remitted,
                  remittedOn: on,
                  ...(note.trim() ? { note } : {}),
                }),
              )
            }
            data-testid="cell-dues-remit-submit"
          >
            {tr('Ghi đã nộp', 'Record the remittance')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}
