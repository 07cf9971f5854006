import { NativeSelect } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { MEETING_STATE_LABELS } from '@quyche/core';
import type { MeetingListItem } from '../types';
import { fmt } from './dates';
import { useLang } from './i18n';
import { labelOf } from './labels';
import type { Labels } from './labels';

/**
 * A meeting picked from a list (the meeting a program is adopted at, a task is due at, a draft is submitted to):
 * each meeting as "date — title", with its state when `withState`, grouped by body when `byBody`; `none` is the
 * empty choice's label, `extra` choices follow the meetings (one chosen earlier that the list no longer has).
 */
export function MeetingSelect({
  meetings,
  value,
  onChange,
  label,
  description,
  none,
  withState = false,
  byBody = false,
  extra = [],
  testid,
  style,
}: {
  meetings: MeetingListItem[];
  value: string;
  onChange: (id: string) => void;
  label: string;
  description?: ReactNode;
  none: string;
  withState?: boolean;
  byBody?: boolean;
  extra?: { value: string; label: string }[];
  testid: string;
  style?: CSSProperties;
}) {
  const [l] = useLang();
  const option = (m: MeetingListItem) => ({
    value: m.id,
    label: withState
      ? `${fmt(m.meetingDate)} — ${m.title} ` +
        `(${labelOf(MEETING_STATE_LABELS as Labels, m.state, l).toLocaleLowerCase(l)})`
      : `${fmt(m.meetingDate)} — ${m.title}`,
  });
  const bodies = [...new Set(meetings.map((m) => m.bodyName))];
  return (
    <NativeSelect
      label={label}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: none },
        ...(byBody
          ? bodies.map((b) => ({ group: b, items: meetings.filter((m) => m.bodyName === b).map(option) }))
          : meetings.map(option)),
        ...extra,
      ]}
      data-testid={testid}
      style={style}
    />
  );
}
