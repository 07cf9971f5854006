import type { z } from 'zod';
import { FIELD_LABELS } from './field.labels.js';
import type { FieldLabel } from './field.labels.js';
import { CreateUserSchema } from './account.schema.js';
import {
  CreateRegulationSchema,
  DiffQuerySchema,
  ImportRegulationSchema,
  RegulationTextSchema,
} from './regulation.schema.js';
import {
  CreateTaskSchema,
  ExtensionDecisionSchema,
  TaskListQuerySchema,
  TaskReportSchema,
  TaskTransitionSchema,
  UpdateTaskSchema,
} from './task.schema.js';
import {
  AttendanceUpdateSchema,
  CancelMeetingSchema,
  CreateAgendaItemSchema,
  CreateGuestSchema,
  CreateMeetingDocumentSchema,
  CreateMeetingSchema,
  CreateSiteSchema,
  IssueConclusionSchema,
} from './meeting.schema.js';
import {
  MeetingStepSchema,
  MinutesSchema,
  RescheduleMeetingSchema,
  ReservedOpinionSchema,
  SendDocumentsSchema,
  SiteAttendanceSchema,
  SiteGuestSchema,
  UpdateMeetingSchema,
  WrittenResponseSchema,
} from './meeting.schema.js';
import {
  AdoptProgramSchema,
  CancelProgramSchema,
  CreateInspectionSchema,
  CreateProgramItemSchema,
  CreateProgramSchema,
  CreateRecommendationSchema,
  InspectionStepSchema,
  ItemTaskSchema,
  ProgramListQuerySchema,
  RecommendationListQuerySchema,
  RecommendationStepSchema,
  UpdateProgramItemSchema,
} from './program.schema.js';
import {
  CreateConsultationSchema,
  ConsultationAnswerSchema,
  ConsultationCommentsQuerySchema,
  NextVersionSchema,
  RecipientStepSchema,
} from './consultation.schema.js';
import {
  AdoptReviewReportSchema,
  CirculateReviewReportSchema,
  CreateReviewReportSchema,
  CreateShortcomingSchema,
  ReviewQuerySchema,
  UpdateReviewReportSchema,
} from './review.schema.js';
import { CreateReviewRequestSchema } from './review-request.schema.js';
import { BriefingQuerySchema } from './briefing.schema.js';

const l = (vi: string, en: string): FieldLabel => ({ vi, en });

/** A task's fields as the task form labels them (creating and editing). */
const TASK_FORM: Record<string, FieldLabel> = {
  title: l('Nội dung nhiệm vụ', 'The task'),
  leads: l('Đơn vị chủ trì (một đầu mối)', 'Lead unit (exactly one)'),
  supervisorPersonId: l('Ủy viên Ban Thường vụ theo dõi', 'Supervising BTV member'),
  product: l('Sản phẩm phải có', 'Expected product'),
};
/** An item of a program as the item form labels it (adding and editing). */
const PROGRAM_ITEM_FORM: Record<string, FieldLabel> = {
  title: l('Nội dung (rõ việc)', 'Item (the task)'),
  period: l('Thời gian', 'Period'),
  leads: l('Đơn vị chủ trì (một đầu mối)', 'Lead unit (exactly one)'),
  supervisorPersonId: l('Ủy viên Ban Thường vụ theo dõi', 'Supervising BTV member'),
};
const MEETING_FORM: Record<string, FieldLabel> = { title: l('Tên cuộc họp', 'Title') };
const GUEST_FORM: Record<string, FieldLabel> = { name: l('Khách mời', 'Guest'), title: l('Chức vụ, đơn vị', 'Title') };
const ATTENDANCE_FORM: Record<string, FieldLabel> = { reason: l('Lý do vắng', 'Reason') };

/**
 * Where a form labels a field otherwise than FIELD_LABELS, by the schema it sends (keys as in FIELD_LABELS). A
 * schema's own key wins over a general one only for the same tail: `milestones.title` stays "Mốc" in the task form.
 */
export const FORM_LABELS = new Map<z.ZodType, Record<string, FieldLabel>>([
  [CreateUserSchema, { password: l('Mật khẩu mới', 'New password') }],
  [RegulationTextSchema, { text: l('Văn bản quy chế (.qc.md)', 'Regulation text (.qc.md)') }],
  [
    CreateRegulationSchema,
    {
      orgId: l('Tổ chức ban hành', 'Issuing organization'),
      text: l('Văn bản quy chế (.qc.md)', 'Regulation text (.qc.md)'),
    },
  ],
  [ImportRegulationSchema, { fileName: l('Tệp quy chế', 'File') }],
  [DiffQuerySchema, { from: l('Từ phiên bản', 'From'), to: l('Đến phiên bản', 'To') }],
  [CreateTaskSchema, TASK_FORM],
  [UpdateTaskSchema, TASK_FORM],
  [TaskReportSchema, { text: l('Kết quả đã làm', 'What was done') }],
  [TaskTransitionSchema, { to: l('Bước xử lý', 'Step'), exceeded: l('Vượt mức ở điểm nào', 'What went beyond') }],
  [ExtensionDecisionSchema, { decidedOn: l('Ngày quyết định', 'Decided on') }],
  [
    TaskListQuerySchema,
    { q: l('Tìm nhiệm vụ', 'Search tasks'), supervisorPersonId: l('Ủy viên BTV theo dõi', 'Supervising member') },
  ],
  [CreateMeetingSchema, { ...MEETING_FORM, kind: l('Loại cuộc họp', 'Kind') }],
  [UpdateMeetingSchema, MEETING_FORM],
  [SendDocumentsSchema, { sentOn: l('Ngày gửi tài liệu', 'Sent on') }],
  [CancelMeetingSchema, { reason: l('Lý do hủy', 'Reason') }],
  [
    RescheduleMeetingSchema,
    {
      meetingDate: l('Ngày họp mới', 'New date'),
      startsAt: l('Giờ bắt đầu', 'Starts at'),
      location: l('Địa điểm', 'Location'),
      reason: l('Lý do dời ngày họp', 'Reason for the change'),
    },
  ],
  [MeetingStepSchema, { on: l('Ngày khai mạc, bế mạc hoặc thông qua', 'Date') }],
  [AttendanceUpdateSchema, ATTENDANCE_FORM],
  [SiteAttendanceSchema, ATTENDANCE_FORM],
  [CreateGuestSchema, GUEST_FORM],
  [SiteGuestSchema, GUEST_FORM],
  [CreateSiteSchema, { name: l('Tên điểm cầu', 'Site name') }],
  [
    CreateAgendaItemSchema,
    { title: l('Nội dung', 'Title'), matter: l('Loại việc (theo quy chế)', 'Matter (per the regulation)') },
  ],
  [ReservedOpinionSchema, { personId: l('Ủy viên', 'Member'), text: l('Nội dung bảo lưu', 'Opinion') }],
  [CreateMeetingDocumentSchema, { title: l('Tên tài liệu', 'Title') }],
  [WrittenResponseSchema, { personId: l('Ủy viên', 'Member'), receivedOn: l('Ngày nhận phiếu', 'Received on') }],
  [MinutesSchema, { text: l('Biên bản hội nghị', 'Minutes') }],
  [
    IssueConclusionSchema,
    {
      items: l('Các mục kết luận', 'Items'),
      'items.kind': l('Loại', 'Kind'),
      'items.text': l('Nội dung kết luận', 'Text'),
      'items.leads': l('Đơn vị chủ trì (rõ người)', 'Lead unit'),
      'items.dueDate': l('Thời hạn (rõ thời gian)', 'Due date'),
      'items.dueMeetingId': l('Hạn là kỳ họp', 'Due at a meeting'),
      'items.dueLabel': l('Mô tả thời hạn', 'Deadline described'),
      'items.product': l('Sản phẩm (rõ sản phẩm)', 'Product'),
      'items.decidingBody': l('Cấp quyết định (rõ thẩm quyền)', 'Deciding body'),
      'items.supervisorPersonId': l('Ủy viên theo dõi (rõ trách nhiệm)', 'Supervising member'),
      recipients: l('Nơi nhận', 'Recipients'),
    },
  ],
  [CreateProgramItemSchema, PROGRAM_ITEM_FORM],
  [UpdateProgramItemSchema, PROGRAM_ITEM_FORM],
  [
    CreateProgramSchema,
    {
      kind: l('Loại chương trình', 'Kind'),
      period: l('Quý, 6 tháng', 'Quarter, half-year'),
      title: l('Tên chương trình', 'Title'),
      items: l('Các mục của chương trình', 'Items'),
    },
  ],
  [ProgramListQuerySchema, { kind: l('Loại chương trình', 'Kind') }],
  [AdoptProgramSchema, { meetingId: l('Hội nghị thông qua', 'Adopted at the meeting') }],
  [CancelProgramSchema, { note: l('Lý do hủy', 'Reason') }],
  [ItemTaskSchema, { title: l('Nhiệm vụ', 'Task'), dueDate: l('Hạn', 'Due') }],
  [
    CreateInspectionSchema,
    {
      title: l('Tên cuộc kiểm tra, giám sát', 'Title'),
      decidingBody: l('Cơ quan quyết định', 'Decided by'),
      programItemId: l('Theo mục của chương trình kiểm tra, giám sát', 'Under an item of an inspection program'),
    },
  ],
  [InspectionStepSchema, { to: l('Bước xử lý', 'Step'), note: l('Lý do hủy', 'Reason') }],
  [
    CreateRecommendationSchema,
    {
      orgId: l('Tổ chức nhận', 'Receiving organization'),
      title: l('Tên kiến nghị', 'Title'),
      text: l('Nội dung kiến nghị', 'Text'),
    },
  ],
  [
    RecommendationStepSchema,
    {
      to: l('Bước xử lý', 'Step'),
      lead: l('Đơn vị chủ trì tham mưu', 'Advising unit'),
      dueDate: l('Hạn tham mưu', 'Due'),
      note: l('Lý do rút', 'Reason'),
    },
  ],
  [RecommendationListQuerySchema, { q: l('Tìm kiến nghị', 'Search') }],
  [
    CreateConsultationSchema,
    {
      orgId: l('Của tổ chức (theo quy chế làm việc)', 'Of the organization (by its regulation)'),
      versionId: l('Phiên bản dự thảo gửi đi', 'Version circulated'),
      matter: l('Nội dung thuộc thẩm quyền (để biết cơ quan thông qua)', 'Matter it decides (names the adopting body)'),
      title: l('Tên đợt lấy ý kiến', 'Title'),
      deadline: l('Hạn góp ý', 'Deadline'),
    },
  ],
  [
    ConsultationAnswerSchema,
    { recipientId: l('Ý kiến của', 'On behalf of'), answeredOn: l('Ngày góp ý', 'Answered on') },
  ],
  [RecipientStepSchema, { note: l('Lý do', 'Reason') }],
  [NextVersionSchema, { text: l('Toàn văn bản chỉnh lý', 'Full text of the revision') }],
  [ConsultationCommentsQuerySchema, { recipientId: l('Đơn vị', 'Unit'), disposition: l('Xử lý', 'Disposition') }],
  [ReviewQuerySchema, { period: l('Kỳ sơ kết, tổng kết', 'Review period') }],
  [BriefingQuerySchema, { period: l('Kỳ giao ban', 'Period') }],
  [
    CreateReviewReportSchema,
    { kind: l('Loại báo cáo', 'Report kind'), period: l('Kỳ sơ kết, tổng kết', 'Review period') },
  ],
  [UpdateReviewReportSchema, { title: l('Tên báo cáo', 'Title') }],
  [AdoptReviewReportSchema, { meetingId: l('Hội nghị, phiên họp', 'Meeting') }],
  [CirculateReviewReportSchema, { deadline: l('Hạn góp ý', 'Deadline') }],
  [
    CreateShortcomingSchema,
    {
      text: l('Hạn chế, khuyết điểm', 'Shortcoming'),
      lead: l('Đơn vị chủ trì khắc phục', 'Lead'),
      dueDate: l('Hạn khắc phục', 'Due'),
    },
  ],
  [
    CreateReviewRequestSchema,
    {
      title: l('Tên đợt làm việc', 'Title'),
      deadline: l('Hạn nộp báo cáo', 'Deadline'),
      'team.name': l('Thành viên đoàn', 'Team member'),
    },
  ],
]);

const INDEX = /^\d+$/;

/**
 * The label of the field at `path` (array indices ignored): the longest tail of the path that the form (by `schema`)
 * or FIELD_LABELS names; undefined when none does.
 */
export function findFieldLabel(path: readonly PropertyKey[], schema?: unknown): FieldLabel | undefined {
  const keys = path.map(String).filter((k) => !INDEX.test(k));
  const own = (schema ? FORM_LABELS.get(schema as z.ZodType) : undefined) ?? {};
  // Own keys only: a record's key sent by a client ("constructor") is no label.
  const at = (labels: Record<string, FieldLabel>, key: string) =>
    Object.hasOwn(labels, key) ? labels[key] : undefined;
  for (let i = 0; i < keys.length; i++) {
    const tail = keys.slice(i).join('.');
    const found = at(own, tail) ?? at(FIELD_LABELS, tail);
    if (found) return found;
  }
  return undefined;
}

const WHOLE: Record<string, string> = { body: 'Nội dung gửi lên', query: 'Tham số của địa chỉ', params: 'Địa chỉ' };

/**
 * The Vietnamese label to name the field in a sentence: its own label, else its parent's (a key of a record), else a
 * generic word — never its key. An element of a list is numbered from 1: "Mốc (mục 2)".
 */
export function fieldLabelVi(
  path: readonly PropertyKey[],
  schema: unknown,
  where: 'body' | 'query' | 'params',
): string {
  if (path.length === 0) return WHOLE[where]!;
  let label: string | undefined;
  for (let n = path.length; n > 0 && !label; n--) label = findFieldLabel(path.slice(0, n), schema)?.vi;
  const index = path.map(String).find((k) => INDEX.test(k));
  const base = label ?? (where === 'query' ? 'Tham số' : where === 'params' ? 'Mã' : 'Giá trị nhập');
  return index === undefined ? base : `${base} (mục ${Number(index) + 1})`;
}
