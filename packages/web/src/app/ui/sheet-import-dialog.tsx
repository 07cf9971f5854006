import { Alert, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useApi } from '../api';
import type { Me } from '../session';
import { Dialog } from './dialog';
import { fileToBase64 } from './file';
import { useTr } from './i18n';
import { HeadTable } from './shared-head-table';

interface SheetError {
  row: number;
  column: string;
  columnTitle: string;
  message: string;
}
/** A refusal of the sheet: its problem+json, with every error by row and column. */
interface Refusal {
  status: number;
  title: string;
  detail: string;
  errors: SheetError[];
}

/**
 * "Nhập từ bảng tính": a sheet first checked whole (a dry run, `plan` shows what would be written), then imported in
 * one go. A sheet with errors is refused whole: the table names each error by row and column, and nothing is
 * imported. `body` is what the import's POST carries besides the file; `what` names the records ("nhiệm vụ").
 */
export function SheetImportDialog<R>({
  opened,
  onClose,
  onImported,
  title,
  testid,
  url,
  body,
  what,
  intro,
  plan: renderPlan,
  count,
  figures,
  mayImport,
}: {
  opened: boolean;
  onClose: () => void;
  onImported: () => void;
  title: string;
  testid: string;
  url: string;
  body: Record<string, unknown>;
  what: { vi: string; en: string };
  /** What the sheet must hold (above the file button): its columns, its limits, where a template is. */
  intro: ReactNode;
  plan: (r: R) => ReactNode;
  count: (r: R) => string;
  /** The counts a test reads off the plan and the result (`data-created`…). */
  figures: (r: R) => Record<`data-${string}`, number>;
  mayImport: (r: R) => boolean;
}) {
  const [l, tr] = useTr();
  // The write needs the session's CSRF token; the refusal's row-and-column errors need the whole problem+json.
  const { data: me } = useApi<Me>(opened ? '/auth/me' : null);
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [plan, setPlan] = useState<R | null>(null);
  const [done, setDone] = useState<R | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  // The picker forgets its file once read, so that the same file, corrected, can be chosen again.
  const resetRef = useRef<() => void>(null);

  const send = async (f: { name: string; content: string }, dryRun: boolean) => {
    setBusy(true);
    setRefusal(null);
    try {
      const res = await fetch(`/api/v1${url}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-csrf-token': me?.csrfToken ?? '',
        },
        body: JSON.stringify({ ...body, fileName: f.name, contentBase64: f.content, dryRun }),
      });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) {
        setPlan(null);
        setRefusal({
          status: res.status,
          title: data.title ?? tr('Lỗi', 'Error'),
          detail: data.detail ?? '',
          errors: Array.isArray(data.errors)
            ? data.errors.filter((e: Partial<SheetError>) => typeof e.row === 'number')
            : [],
        });
        return;
      }
      if (dryRun) setPlan(data as R);
      else {
        setDone(data as R);
        setPlan(null);
        onImported();
      }
    } catch {
      setRefusal({
        status: 0,
        title: tr('Không kết nối được máy chủ', 'Cannot reach the server'),
        detail: tr('Kiểm tra mạng rồi thử lại', 'Check the network and try again'),
        errors: [],
      });
    } finally {
      setBusy(false);
    }
  };
  const pick = async (f: File | null) => {
    setPlan(null);
    setDone(null);
    setRefusal(null);
    if (!f) return setFile(null);
    const x = { name: f.name, content: await fileToBase64(f) };
    resetRef.current?.();
    setFile(x);
    await send(x, true);
  };
  const close = () => {
    setFile(null);
    setPlan(null);
    setDone(null);
    setRefusal(null);
    onClose();
  };
  const none = l === 'vi' ? `Chưa nhập ${what.vi} nào` : `No ${what.en} imported`;

  return (
    <Dialog opened={opened} onClose={close} title={title} size="xl">
      <Stack gap="sm" data-testid={testid}>
        {intro}
        <Group gap="xs" wrap="wrap">
          <FileButton
            resetRef={resetRef}
            onChange={(f) => void pick(f)}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            inputProps={{ 'data-testid': 'import-file' } as object}
          >
            {(props) => (
              <Button {...props} variant="light" loading={busy && !plan} data-testid="import-pick">
                {file
                  ? tr('Chọn tệp khác', 'Choose another file')
                  : tr('Chọn tệp Excel (.xlsx)', 'Choose an Excel file (.xlsx)')}
              </Button>
            )}
          </FileButton>
          {file && (
            <Text size="sm" data-testid="import-file-name">
              {file.name}
            </Text>
          )}
        </Group>
        {refusal && (
          <Alert color="red" title={refusal.title} data-testid="import-refused" data-status={refusal.status}>
            <Text size="sm" fw={700} data-testid="import-nothing">
              {refusal.errors.length > 0
                ? tr(
                    `${none}: sửa các lỗi dưới đây trong bảng tính rồi chọn lại tệp.`,
                    `${none}: fix the errors below in the sheet and choose the file again.`,
                  )
                : `${none}.`}
            </Text>
            {refusal.errors.length === 0 && refusal.detail && (
              <Text size="sm" mt={4}>
                {refusal.detail}
              </Text>
            )}
          </Alert>
        )}
        {refusal && refusal.errors.length > 0 && <SheetErrors errors={refusal.errors} />}
        {plan && (
          <Stack gap="xs" data-testid="import-plan" {...figures(plan)}>
            <Alert color="blue" title={tr('Đã kiểm tra bảng tính: không có lỗi', 'The sheet has no errors')}>
              {tr('Sẽ nhập', 'Will import')}: {count(plan)}.{' '}
              {tr('Chưa ghi gì cho đến khi bấm "Nhập".', 'Nothing is written until "Import" is pressed.')}
            </Alert>
            {renderPlan(plan)}
            <Group>
              <Button
                onClick={() => file && void send(file, false)}
                loading={busy}
                disabled={!mayImport(plan)}
                data-testid="import-submit"
              >
                {tr('Nhập', 'Import')}
              </Button>
            </Group>
          </Stack>
        )}
        {done && (
          <Alert
            color="green"
            title={tr('Đã nhập bảng tính', 'The sheet is imported')}
            data-testid="import-done"
            {...figures(done)}
          >
            {count(done)}.
          </Alert>
        )}
      </Stack>
    </Dialog>
  );
}

/** Every error of a refused sheet, by row and column (letter and title). */
function SheetErrors({ errors }: { errors: SheetError[] }) {
  const [, tr] = useTr();
  return (
    <SheetTable
      head={[tr('Dòng', 'Row'), tr('Cột', 'Col.'), tr('Cột tên', 'Column'), tr('Lỗi', 'Error')]}
      widths={[56, 52]}
      testid="import-errors"
    >
      {errors.map((e, i) => (
        <Table.Tr key={i} data-testid="import-error" data-row={e.row} data-column={e.column}>
          <Table.Td>{e.row}</Table.Td>
          <Table.Td>{e.column}</Table.Td>
          <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.columnTitle}</Table.Td>
          <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.message}</Table.Td>
        </Table.Tr>
      ))}
    </SheetTable>
  );
}

/**
 * A table of a sheet's rows in an import dialog (its errors, what it will do): striped, in fixed columns that fit the
 * dialog, long cells wrapping; `widths`, `wideOnly` as `TableHead`.
 */
export function SheetTable({
  head,
  widths,
  wideOnly,
  testid,
  children,
}: {
  head: ReactNode[];
  widths?: (number | undefined)[];
  wideOnly?: number[];
  testid?: string;
  children: ReactNode;
}) {
  return (
    <HeadTable
      striped
      withTableBorder
      data-testid={testid}
      style={{ tableLayout: 'fixed', width: '100%' }}
      head={head}
      widths={widths}
      wideOnly={wideOnly}
      minWidth={0}
    >
      {children}
    </HeadTable>
  );
}
