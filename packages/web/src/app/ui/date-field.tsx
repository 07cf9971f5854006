import '@mantine/dates/styles.css';
import 'dayjs/locale/vi';
import { DateInput } from '@mantine/dates';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { formatDateVi, isIsoDate, parseDateVi } from '@quyche/core';
import { useLang } from './i18n';

/**
 * Forms submit natively and the browser refuses an invalid field; many dialogs and cards act from a plain button
 * instead. There, a click on the main action (a filled button) next to a date field holding a date that is not one
 * is stopped, and the field says why: the date is never dropped silently. Installed once, with the first field.
 */
let guarded = false;
function guardActions() {
  if (guarded) return;
  guarded = true;
  document.addEventListener(
    'click',
    (e) => {
      const button = (e.target as Element | null)?.closest?.('button[data-variant="filled"], button[type="submit"]');
      if (!button) return;
      const scope = button.closest('[role="dialog"], form, .mantine-Card-root, .mantine-Paper-root') ?? document.body;
      const bad = [...scope.querySelectorAll<HTMLInputElement>('input[data-date-field]')].find(
        (i) => i.validity.customError,
      );
      if (!bad) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      bad.focus();
      bad.reportValidity();
    },
    true,
  );
}

/**
 * One date field everywhere: typed as dd/mm/yyyy or picked on a Vietnamese calendar (weeks from Monday), whatever
 * the browser's language; `value` and `onChange` speak ISO ('' when empty). A date that is not one (31/02/2027)
 * makes the field invalid for its form, so the form does not submit, and the field says why: it is never dropped.
 */
interface DateFieldProps {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  testid: string;
  required?: boolean;
  disabled?: boolean;
  /** What the form's schema says of the date (useSchemaForm), shown when the text itself is a date. */
  error?: ReactNode;
  w?: number;
}

export function DateField({ label, value, onChange, testid, required, disabled, error, w = 150 }: DateFieldProps) {
  const [l] = useLang();
  const [text, setText] = useState(formatDateVi(value));
  const [bad, setBad] = useState(false);
  // The calendar opens on a click (or ↓) and closes once a date is picked or typed in full, so that it never covers
  // the form's buttons while the date is typed.
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // A value set from outside (a reset, a picked day) shows as its date, unless the text typed already says it.
  useEffect(() => {
    setText((t) => (parseDateVi(t) === value || (!value && !t) ? t : formatDateVi(value)));
  }, [value]);
  const invalid = text.trim() !== '' && parseDateVi(text) === null;
  useEffect(guardActions, []);
  const message =
    l === 'vi'
      ? `${label}: "${text.trim()}" không phải một ngày có thật (dd/mm/yyyy)`
      : `${label}: "${text.trim()}" is not a date (dd/mm/yyyy)`;
  useEffect(() => input.current?.setCustomValidity(invalid ? message : ''), [invalid, message]);
  return (
    <DateInput
      ref={input}
      label={label}
      placeholder="dd/mm/yyyy"
      valueFormat="DD/MM/YYYY"
      locale={l === 'vi' ? 'vi' : 'en'}
      firstDayOfWeek={1}
      dateParser={(s) => parseDateVi(s)}
      fixOnBlur={false}
      value={isIsoDate(value) ? value : null}
      onChange={(v) => {
        const iso = v ? String(v).slice(0, 10) : '';
        setText(formatDateVi(iso));
        setBad(false);
        setOpen(false);
        onChange(iso);
      }}
      onClick={() => setOpen(true)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') setOpen(true);
        if (e.key === 'Escape' || e.key === 'Enter' || e.key === 'Tab') setOpen(false);
      }}
      onInput={(e) => {
        const s = e.currentTarget.value;
        setText(s);
        if (s.trim() === '') {
          setBad(false);
          onChange('');
        } else if (parseDateVi(s)) {
          setBad(false);
          setOpen(false);
        }
      }}
      onInvalid={() => setBad(true)}
      onBlur={(e) => {
        setOpen(false);
        setBad(e.currentTarget.value.trim() !== '' && parseDateVi(e.currentTarget.value) === null);
      }}
      error={bad ? (l === 'vi' ? 'Ngày không có thật (dd/mm/yyyy)' : 'Not a date (dd/mm/yyyy)') : error}
      required={required}
      disabled={disabled}
      w={w}
      inputMode="numeric"
      popoverProps={{ withinPortal: true, opened: open && !disabled }}
      data-testid={testid}
      data-date-field=""
    />
  );
}

/**
 * A DateField bound to `path` of a schema form (useSchemaForm): its value, its change and what the schema says; its
 * label is its content: `<FormDate form={form} path="deadline" testid="…">Hạn góp ý</FormDate>`.
 */
export function FormDate({
  form,
  path,
  children,
  ...field
}: Omit<DateFieldProps, 'value' | 'onChange' | 'error' | 'label'> & {
  form: { valueProps: (path: string) => Pick<DateFieldProps, 'value' | 'onChange' | 'error'> };
  path: string;
  children: string;
}) {
  return <DateField label={children} {...field} {...form.valueProps(path)} />;
}
