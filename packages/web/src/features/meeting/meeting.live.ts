import { useEffect, useRef } from 'react';
import { useLive } from '../../app/ui/use-live';
import type { LiveSummary } from './meeting.parts';

type Counts = LiveSummary['counts'];

/** Whether two attendance figures are the same: summoned, present, excused, absent and guests. */
export const sameCounts = (a: Counts, b: Counts) =>
  a.summoned === b.summoned &&
  a.present === b.present &&
  a.absentExcused === b.absentExcused &&
  a.absent === b.absent &&
  a.guests === b.guests;

/**
 * A record of a meeting kept live by the event stream at `url`: each summary patches it at once (`patch`) and, when
 * `stale` says something changed elsewhere (another clerk, a connection point), the whole record is fetched again
 * shortly after, once for a burst of events. `meetingId` names the meeting the record is of.
 */
export function useLiveSummary<T>(
  url: string,
  record: T | undefined,
  how: {
    meetingId: (x: T) => string;
    stale: (x: T, s: LiveSummary) => boolean;
    patch: (s: LiveSummary) => void;
    reload: () => unknown;
  },
) {
  // The stream's listener outlives a render: it reads the record and the callbacks of the latest one.
  const latest = useRef({ record, how });
  latest.current = { record, how };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return useLive<LiveSummary>(url, (s) => {
    const { record: cur, how: h } = latest.current;
    if (!cur || s.meetingId !== h.meetingId(cur)) return;
    const stale = h.stale(cur, s);
    h.patch(s);
    if (stale) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void latest.current.how.reload(), 250);
    }
  });
}
