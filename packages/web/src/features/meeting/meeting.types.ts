import type { Meeting } from './meeting.parts';

/** What the meeting page gives each of its sections: the meeting, its replacement after a write, and a reload. */
export interface SectionProps {
  m: Meeting;
  onMeeting: (m: Meeting) => void;
  reload: () => void;
}
