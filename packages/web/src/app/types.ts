import type { z } from 'zod';
import type {
  BodyDetailSchema,
  ConsultationCommentSchema,
  ConsultationListItemSchema,
  ConsultationSchema,
  CoverageSchema,
  InspectionSchema,
  MeetingListItemSchema,
  MeSchema,
  OrganizationDetailSchema,
  PendingActionItemSchema,
  ProgramListItemSchema,
  ProgramSchema,
  RecommendationSchema,
  SynthesisSchema,
  TaskDashboardSchema,
  TaskListItemSchema,
  TaskSchema,
} from '@quyche/core';

/** The signed-in user and their grants (GET /auth/me). */
export type Me = z.infer<typeof MeSchema>;
/** An organization with its bodies, terms and members (GET /organizations/:id). */
export type OrgDetail = z.infer<typeof OrganizationDetailSchema>;
/** A meeting in a list (the calendar, a picker): its date, title, body and state. */
export type MeetingListItem = z.infer<typeof MeetingListItemSchema>;

// The records the task, program and consultation features read, inferred here once for every feature's parts file.
/** A task, its list row, the dashboard's figures, a unit's coverage, a pending action and a body with its members. */
export type Task = z.infer<typeof TaskSchema>;
export type TaskListItem = z.infer<typeof TaskListItemSchema>;
export type TaskDashboard = z.infer<typeof TaskDashboardSchema>;
export type Coverage = z.infer<typeof CoverageSchema>;
export type PendingActionItem = z.infer<typeof PendingActionItemSchema>;
export type BodyDetail = z.infer<typeof BodyDetailSchema>;
/** A program, its list row, an inspection and a recommendation. */
export type Program = z.infer<typeof ProgramSchema>;
export type ProgramListItem = z.infer<typeof ProgramListItemSchema>;
export type Inspection = z.infer<typeof InspectionSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;
/** A consultation, its list row, a comment and the synthesis of the comments. */
export type Consultation = z.infer<typeof ConsultationSchema>;
export type ConsultationListItem = z.infer<typeof ConsultationListItemSchema>;
export type Comment = z.infer<typeof ConsultationCommentSchema>;
export type Synthesis = z.infer<typeof SynthesisSchema>;
