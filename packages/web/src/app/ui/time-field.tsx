import { TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useLang } from './i18n';

/**
 * A time of day typed as 24-hour hh:mm (08:00, 14:30), whatever the browser's locale (a time input shows "02:00 PM"
 * in an English browser). `value` is '' or hh:mm; "8:00" is read as 08:00. Not a time: the form does not submit.
 */
export function TimeField({
  label,
  value,
  onChange,
  testid,
  error,
  w = 120,
}: {
  label: string;
  value: string;
  onChange: (hhmm: string) => void;
  testid: string;
  /** What the form's schema says of the time (useSchemaForm). */
  error?: ReactNode;
  w?: number;
}) {
  const [l] = useLang();
  const [bad, setBad] = useState(false);
  const norm = (s: string) => (/^\d:[0-5]\d$/.test(s.trim()) ? `0${s.trim()}` : s.trim());
  return (
    <TextInput
      label={label}
      placeholder="hh:mm"
      value={value}
      w={w}
      inputMode="numeric"
      pattern="([01]\d|2[0-3]):[0-5]\d"
      title={l === 'vi' ? 'Giờ dạng hh:mm, 24 giờ (ví dụ 14:00)' : 'Time as hh:mm, 24-hour (e.g. 14:00)'}
      error={bad ? (l === 'vi' ? 'Giờ dạng hh:mm, 24 giờ (ví dụ 14:00)' : 'Time as hh:mm, 24-hour') : error}
      onInvalid={() => setBad(true)}
      onChange={(e) => {
        setBad(false);
        onChange(e.currentTarget.value);
      }}
      onBlur={(e) => {
        const v = norm(e.currentTarget.value);
        onChange(v);
        setBad(v !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v));
      }}
      data-testid={testid}
    />
  );
}
