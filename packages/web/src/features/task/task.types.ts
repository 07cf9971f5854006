import type { OrgDetail } from '../../app/types';
import type { Task } from './task.parts';

/** What the task page gives each of its sections: the task, its replacement after a write, and who may do what. */
export interface TaskSectionProps {
  t: Task;
  onTask: (t: Task) => void;
  reload: () => void;
  /** The assigning organization's writer: moves the task, decides extensions, edits it. */
  canAssign: boolean;
  /** Decides extensions and accepts or returns a reported result (a leader, or the office recording it). */
  canDecide: boolean;
  /** The lead's (or the assigner's) writer: reports progress, asks for an extension. */
  canLead: boolean;
  org: OrgDetail | undefined;
}
