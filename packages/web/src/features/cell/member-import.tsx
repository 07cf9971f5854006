import { Anchor, List, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import { MEMBER_SHEET_COLUMNS } from '@quyche/core';
import type { MemberImportResultSchema } from '@quyche/core';
import { useTr } from '../../app/ui/i18n';
import { SheetImportDialog } from '../../app/ui/sheet-import-dialog';
import { HeadTable } from '../../app/ui/shared-head-table';

type ImportResult = z.output<typeof MemberImportResultSchema>;

/**
 * "Nhập đảng viên từ bảng tính": the sheet an office exports from the national member database, in the columns of
 * the template (which lists the organization's cells as the "Chi bộ" column may name them). Checked whole first;
 * with any error nothing is imported. The citizen ID is kept as its last three digits only.
 */
export function MemberImportDialog({
  opened,
  orgId,
  orgName,
  onClose,
  onImported,
}: {
  opened: boolean;
  orgId: string;
  orgName: string;
  onClose: () => void;
  onImported: () => void;
}) {
  const [l, tr] = useTr();
  const count = (r: ImportResult) =>
    l === 'vi'
      ? `${r.created.toLocaleString('vi-VN')} đảng viên vào ${r.byCell.length} chi bộ`
      : `${r.created.toLocaleString('en-US')} members into ${r.byCell.length} cells`;
  const required = MEMBER_SHEET_COLUMNS.filter((c) => c.required).map((c) => c.title);
  const optional = MEMBER_SHEET_COLUMNS.filter((c) => !c.required).map((c) => c.title);
  return (
    <SheetImportDialog<ImportResult>
      opened={opened}
      onClose={onClose}
      onImported={onImported}
      title={tr(`Nhập đảng viên vào các chi bộ của ${orgName}`, `Import members into the cells of ${orgName}`)}
      testid="member-import"
      url={`/organizations/${encodeURIComponent(orgId)}/members/import`}
      body={{}}
      what={{ vi: 'đảng viên', en: 'member' }}
      count={count}
      figures={(r) => ({ 'data-created': r.created })}
      mayImport={(r) => r.created > 0}
      intro={
        <>
          <Text size="sm" c="dimmed">
            {tr(
              'Bảng tính .xlsx hoặc tệp .csv xuất từ Cơ sở dữ liệu đảng viên, dòng đầu là tiêu đề cột, mỗi dòng một ' +
                'đảng viên, tối đa 60.000 dòng. Cả bảng được kiểm tra trước; còn một lỗi thì không nhập dòng nào. ' +
                'Đảng viên đã có trong sổ thì chuyển sinh hoạt, không nhập lại. Số CCCD chỉ được giữ 3 số cuối.',
              'An .xlsx sheet or a .csv file exported from the national member database, the first row the header, ' +
                'one member a row, up to 60,000 rows. The whole sheet is checked first; with any error nothing is ' +
                'imported. A member already registered is transferred, not imported again. Only the last three ' +
                'digits of the citizen ID are kept.',
            )}
          </Text>
          <List size="sm" spacing={2}>
            <List.Item>
              {tr('Cột bắt buộc', 'Required columns')}: {required.join(', ')}
            </List.Item>
            <List.Item>
              {tr('Cột không bắt buộc', 'Optional columns')}: {optional.join(', ')}
            </List.Item>
            <List.Item>
              {tr(
                'Ngày viết dd/mm/yyyy (22/11/2026); "Chi bộ" ghi tên hoặc mã chi bộ.',
                'Dates as dd/mm/yyyy (22/11/2026); "Chi bộ" is the name or the code of the cell.',
              )}
            </List.Item>
          </List>
          <Anchor
            size="sm"
            href={`/api/v1/organizations/${encodeURIComponent(orgId)}/members/import-template.xlsx`}
            data-testid="member-import-template"
          >
            {tr('Tải bảng tính mẫu (kèm danh sách chi bộ)', 'Download the template (with the list of cells)')}
          </Anchor>
        </>
      }
      plan={(plan) => <ByCell rows={plan.byCell} />}
    />
  );
}

function ByCell({ rows }: { rows: ImportResult['byCell'] }) {
  const [l, tr] = useTr();
  return (
    <HeadTable
      striped
      withTableBorder
      data-testid="member-import-cells"
      head={[tr('Chi bộ', 'Cell'), tr('Số đảng viên', 'Members')]}
      numeric={[1]}
      widths={[undefined, 120]}
    >
      {rows.map((r) => (
        <Table.Tr key={r.cellId} data-testid="member-import-cell">
          <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.name}</Table.Td>
          <Table.Td ta="right">{r.members.toLocaleString(l === 'vi' ? 'vi-VN' : 'en-US')}</Table.Td>
        </Table.Tr>
      ))}
    </HeadTable>
  );
}
