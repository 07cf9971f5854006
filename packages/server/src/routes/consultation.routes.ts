import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AdoptConsultationSchema,
  ComparisonSchema,
  ConsultationAnswerSchema,
  ConsultationCommentSchema,
  ConsultationCommentsQuerySchema,
  ConsultationListItemSchema,
  ConsultationListQuerySchema,
  ConsultationSchema,
  CreateConsultationSchema,
  DisposeCommentSchema,
  ElementViewSchema,
  IdParamsSchema,
  IdSchema,
  ImpactSchema,
  NextVersionResultSchema,
  NextVersionSchema,
  RecipientStepSchema,
  SubmitConsultationSchema,
  SynthesisSchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { taggedRoutesOf } from '../http/route.js';
import { childStep, recordRoutes, recordStep } from '../http/record.routes.js';
import { docxRoute } from '../http/download.js';
import type { JobRunner } from '../services/job.service.js';
import { openStream } from '../http/event-stream.js';
import type { ConsultationHub } from '../services/consultation.live.js';
import * as adoption from '../services/consultation.adoption.service.js';
import * as comments from '../services/consultation.comment.service.js';
import * as drafts from '../services/consultation.draft.service.js';
import * as recipients from '../services/consultation.recipient.service.js';
import * as consultations from '../services/consultation.service.js';
import * as revision from '../services/consultation-version.service.js';

const DraftSchema = z.object({
  versionId: z.string().nullable(),
  expression: z.string(),
  text: z.string(),
  title: z.string(),
  chapters: z.array(ElementViewSchema),
});

export function consultationRoutes(app: FastifyInstance, db: Db, hub: ConsultationHub) {
  const r = taggedRoutesOf(app, db, 'consultations');
  const C = { params: IdParamsSchema, response: ConsultationSchema };
  const runJobs = () => (app as unknown as { jobs: JobRunner }).jobs.runPending();
  recordRoutes(r, '/consultations', ConsultationSchema, {
    list: {
      summary: 'Các đợt lấy ý kiến góp ý dự thảo: của tổ chức, hoặc gửi tới đơn vị của người dùng',
      query: ConsultationListQuerySchema,
      item: ConsultationListItemSchema,
      run: consultations.listConsultations,
    },
    create: {
      summary: 'Gửi dự thảo (một phiên bản quy chế) xin ý kiến các đơn vị, cá nhân, có hạn góp ý',
      body: CreateConsultationSchema,
      run: consultations.createConsultation,
    },
    get: {
      summary: 'Đợt lấy ý kiến: nơi nhận (đã góp ý, chậm), số ý kiến, việc còn vướng trước khi trình',
      run: consultations.getConsultation,
    },
  });
  r({
    method: 'GET',
    url: '/consultations/:id/draft',
    summary: 'Văn bản dự thảo đã gửi (hoặc bản chỉnh lý) để góp ý theo điều, khoản',
    params: IdParamsSchema,
    query: z.strictObject({ versionId: IdSchema.optional() }),
    response: DraftSchema,
    handler: ({ ctx, params, query }) => drafts.consultationDraft(ctx, params.id, query.versionId),
  });
  r({
    method: 'POST',
    url: '/consultations/:id/answers',
    summary: 'Góp ý của một nơi nhận: vào toàn văn, vào điều, khoản, đề xuất sửa, hoặc "nhất trí, không có ý kiến"',
    status: 201,
    ...C,
    body: ConsultationAnswerSchema,
    handler: ({ ctx, params, body }) => comments.answerConsultation(ctx, params.id, body),
  });
  r({
    method: 'GET',
    url: '/consultations/:id/comments',
    summary: 'Các ý kiến, đặt vào điều, khoản của dự thảo (hoặc của phiên bản khác, kể cả khi đã đánh số lại)',
    params: IdParamsSchema,
    query: ConsultationCommentsQuerySchema,
    response: z.array(ConsultationCommentSchema),
    handler: ({ ctx, params, query }) => comments.listComments(ctx, params.id, query),
  });
  r({
    method: 'PATCH',
    url: '/consultations/:id/comments/:commentId',
    summary:
      'Tiếp thu, tiếp thu một phần hoặc không tiếp thu (kèm giải trình) một ý kiến; 409 nếu người khác vừa xử lý',
    params: z.strictObject({ id: IdSchema, commentId: IdSchema }),
    body: DisposeCommentSchema,
    response: z.object({
      id: z.string(),
      disposition: z.string(),
      explanation: z.string().nullable(),
      adoptedText: z.string().nullable(),
      version: z.number().int(),
    }),
    handler: ({ ctx, params, body }) => comments.disposeComment(ctx, params.id, params.commentId, body),
  });
  childStep(r, 'POST', '/consultations/:id/recipients/:recipientId', ConsultationSchema, {
    summary: 'Xác định một nơi nhận không góp ý (hoặc bỏ xác định)',
    body: RecipientStepSchema,
    run: recipients.stepRecipient,
  });
  r({
    method: 'POST',
    url: '/consultations/:id/remind',
    summary: 'Nhắc các nơi quá hạn chưa góp ý (trong ứng dụng và qua thư)',
    params: IdParamsSchema,
    response: z.object({ reminded: z.array(z.string()) }),
    handler: ({ ctx, params }) => recipients.remindLate(ctx, params.id, runJobs),
  });
  r({
    method: 'GET',
    url: '/consultations/:id/synthesis',
    summary: 'Bảng tổng hợp ý kiến, tiếp thu, giải trình theo điều, khoản',
    params: IdParamsSchema,
    response: SynthesisSchema,
    handler: ({ ctx, params }) => drafts.synthesis(ctx, params.id),
  });
  docxRoute(
    r,
    '/consultations/:id/synthesis.docx',
    'Bảng tổng hợp ý kiến, tiếp thu, giải trình, tệp DOCX theo thể thức văn bản của Đảng',
    async (ctx, id) => ({ fileName: 'bang-tong-hop-y-kien.docx', content: await drafts.synthesisDocxFile(ctx, id) }),
  );
  r({
    method: 'GET',
    url: '/consultations/:id/comparison',
    summary: 'Bảng so sánh dự thảo đã gửi và bản chỉnh lý (theo điều, khoản; văn bản khác: theo đoạn)',
    params: IdParamsSchema,
    response: ComparisonSchema.shape.rows,
    handler: ({ ctx, params }) => drafts.consultationComparison(ctx, params.id),
  });
  r({
    method: 'POST',
    url: '/consultations/:id/next-version',
    summary: 'Bản chỉnh lý sau lấy ý kiến (tiếp thu các đề xuất đã chấp nhận), kèm bảng so sánh và tờ trình',
    status: 201,
    params: IdParamsSchema,
    body: NextVersionSchema,
    response: NextVersionResultSchema,
    handler: ({ ctx, params, body }) => revision.nextVersion(ctx, params.id, body),
  });
  recordStep(r, 'POST', '/consultations/:id/submit', ConsultationSchema, {
    summary: 'Trình bản chỉnh lý tại hội nghị của cơ quan có thẩm quyền (quy chế cho biết cơ quan nào)',
    body: SubmitConsultationSchema,
    run: adoption.submitConsultation,
  });
  r({
    method: 'POST',
    url: '/consultations/:id/adopt',
    summary:
      'Ghi nhận thông qua theo kết quả biểu quyết: phiên bản có hiệu lực từ ngày thông qua; ' +
      'quy chế cấp dưới phải rà soát được giao nhiệm vụ',
    params: IdParamsSchema,
    body: AdoptConsultationSchema,
    response: ConsultationSchema.extend({ impact: ImpactSchema.shape.subordinates }),
    handler: ({ ctx, params, body }) => adoption.adoptConsultation(ctx, params.id, body),
  });
  r({
    method: 'GET',
    url: '/consultations/:id/events',
    summary:
      'Cập nhật trực tiếp (server-sent events): số ý kiến, đã xử lý, ' +
      'theo từng điểm cầu của hội nghị lấy ý kiến trực tuyến',
    params: IdParamsSchema,
    handler: async ({ ctx, params, reply }) => {
      await consultations.loadConsultation(ctx, params.id);
      openStream(reply);
      await hub.subscribe(params.id, reply.raw);
    },
  });
}
