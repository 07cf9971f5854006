import { Anchor, Table, Text } from '@mantine/core';
import type { DuesArrearsSchema, PlanSimilaritySchema } from '@quyche/core';
import type { z } from 'zod';
import type { useApi } from '../../app/api';
import { Link } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import { ListCard, monthVi, NameTd, pct } from './cells-dashboard.sections';

type State<T> = ReturnType<typeof useApi<T>>;

const money = (n: number | null) => (n === null ? '' : `${n.toLocaleString('vi-VN')} đ`);

/** Pairs of personal action plans alike beyond the documented threshold, each opened side by side. */
export function PlansCard({ state }: { state: State<z.output<typeof PlanSimilaritySchema>> }) {
  const [, tr] = useTr();
  const d = state.data;
  const rows = d?.pairs ?? [];
  return (
    <ListCard
      title={tr('Kế hoạch hành động cá nhân giống nhau', 'Personal action plans alike')}
      testid="cells-plans"
      note={
        d &&
        tr(
          `So ${d.plans} kế hoạch năm ${d.year}: hai bản giống nhau khi từ ${pct(d.threshold)} các cụm ba từ ` +
            'liên tiếp (bỏ dấu, bỏ những cụm cả tập đều dùng) là chung.',
          `${d.plans} plans of ${d.year} compared: two are alike when ${pct(d.threshold)} or more of their runs ` +
            'of three words (folded, phrases the whole set uses left out) are shared.',
        )
      }
      state={state}
      rows={rows}
      minWidth={560}
      empty={tr('Không có cặp kế hoạch nào giống nhau quá ngưỡng.', 'No pair of plans beyond the threshold.')}
      head={[
        tr('Kế hoạch của', 'Plan of'),
        tr('Giống kế hoạch của', 'Alike to the plan of'),
        tr('Độ giống', 'Similarity'),
        '',
      ]}
      row={(p) => (
        <Table.Tr key={`${p.a}-${p.b}`} data-testid="cells-plan-pair">
          <Table.Td>{p.aName}</Table.Td>
          <Table.Td data-label={tr('Giống kế hoạch của', 'Alike to')}>{p.bName}</Table.Td>
          <Table.Td data-label={tr('Độ giống', 'Similarity')}>{pct(p.similarity)}</Table.Td>
          <Table.Td>
            <Anchor component={Link} to={`/plans/compare?a=${p.a}&b=${p.b}`} size="sm" data-testid="cells-plan-compare">
              {tr('Đặt cạnh nhau', 'Side by side')}
            </Anchor>
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}

/** Members with dues recorded unpaid this year; three months or more is a case of Điều 8. */
export function ArrearsCard({ state }: { state: State<z.output<typeof DuesArrearsSchema>> }) {
  const [, tr] = useTr();
  const rows = state.data?.rows ?? [];
  return (
    <ListCard
      title={tr('Đảng viên chưa đóng đảng phí trong năm', 'Members owing dues this year')}
      testid="cells-arrears"
      note={tr(
        'Không đóng đảng phí ba tháng trong năm mà không có lý do chính đáng: chi bộ xem xét theo khoản 1 Điều 8 ' +
          'Điều lệ Đảng; mức đóng theo Điều 3 Quy định 01-QĐ/TW ngày 03/02/2026.',
        'Dues unpaid three months in a year without a valid reason: the cell considers it (Statute, Article 8.1); ' +
          'rates per Regulation 01-QĐ/TW of 03/02/2026, Article 3.',
      )}
      state={state}
      rows={rows}
      minWidth={560}
      empty={tr('Không có đảng viên nào còn nợ đảng phí.', 'No member owes dues.')}
      head={[tr('Đảng viên', 'Member'), tr('Các tháng chưa đóng', 'Months unpaid'), tr('Số tiền', 'Amount')]}
      row={(r) => (
        <Table.Tr key={r.memberId} data-testid="cells-arrears-row">
          <NameTd to={`/members/${r.memberId}`} name={r.fullName} sub={r.cellName} />
          <Table.Td data-label={tr('Các tháng', 'Months')}>
            <Text size="sm" c={r.months.length >= 3 ? 'red.8' : undefined} fw={r.months.length >= 3 ? 600 : undefined}>
              {r.months.map(monthVi).join(', ')}
            </Text>
          </Table.Td>
          <Table.Td data-label={tr('Số tiền', 'Amount')}>{money(r.amount)}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}
