import type { z } from 'zod';
import type { MeetingListItemSchema, MeSchema, OrganizationDetailSchema } from '@quyche/core';

/** The signed-in user and their grants (GET /auth/me). */
export type Me = z.infer<typeof MeSchema>;
/** An organization with its bodies, terms and members (GET /organizations/:id). */
export type OrgDetail = z.infer<typeof OrganizationDetailSchema>;
/** A meeting in a list (the calendar, a picker): its date, title, body and state. */
export type MeetingListItem = z.infer<typeof MeetingListItemSchema>;
