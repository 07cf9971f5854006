import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AnswerSchema,
  AskQuestionSchema,
  ComparisonSchema,
  ConsolidatedQuerySchema,
  ConsolidatedSchema,
  CreateAmendmentSchema,
  CreateRegulationSchema,
  CreateRegulationVersionSchema,
  DeriveRegulationSchema,
  DiffQuerySchema,
  IdParamsSchema,
  IdSchema,
  ImpactSchema,
  ImportRegulationSchema,
  RegulationDetailSchema,
  RegulationSchema,
  RegulationTextSchema,
  RegulationVersionDetailSchema,
  RegulationVersionSchema,
  ValidateResultSchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { routesOf } from '../http/route.js';
import { DOCX, sendFile } from '../http/download.js';
import type { RequestContext } from '../http/context.js';
import * as regs from '../services/regulation.service.js';
import * as regVersions from '../services/regulation-version.service.js';
import { impactOf } from '../services/regulation-impact.service.js';

export function regulationRoutes(app: FastifyInstance, db: Db) {
  const r = routesOf(app, db);
  const VersionParams = z.strictObject({ id: IdSchema, versionId: IdSchema });
  // Who only reads sends no regulation text or file to be parsed.
  const mayWrite = async ({ ctx }: { ctx: RequestContext }) => ctx.assertMayWriteSomewhere();
  r({
    method: 'GET',
    url: '/regulations',
    tag: 'regulations',
    summary: 'Danh sách quy chế',
    response: z.array(RegulationSchema),
    handler: ({ ctx }) => regs.listRegulations(ctx),
  });
  r({
    method: 'POST',
    bodyLimit: 8 * 1024 * 1024,
    url: '/regulations',
    authorize: mayWrite,
    tag: 'regulations',
    summary: 'Tải lên quy chế (.qc.md)',
    status: 201,
    body: CreateRegulationSchema,
    response: RegulationVersionSchema,
    handler: ({ ctx, body }) => regs.createRegulation(ctx, body),
  });
  r({
    method: 'POST',
    bodyLimit: 8 * 1024 * 1024,
    url: '/regulations/validate',
    tag: 'regulations',
    summary: 'Kiểm tra cú pháp và 15 quy tắc (không lưu)',
    body: RegulationTextSchema,
    response: ValidateResultSchema,
    handler: async ({ body }) => regs.validate(body.text),
  });
  r({
    method: 'GET',
    url: '/regulations/:id',
    tag: 'regulations',
    summary: 'Quy chế, các phiên bản và văn bản sửa đổi',
    params: IdParamsSchema,
    response: RegulationDetailSchema,
    handler: ({ ctx, params }) => regs.getRegulationDetail(ctx, params.id),
  });
  r({
    method: 'POST',
    bodyLimit: 8 * 1024 * 1024,
    url: '/regulations/:id/versions',
    authorize: mayWrite,
    tag: 'regulations',
    summary: 'Thêm phiên bản',
    status: 201,
    params: IdParamsSchema,
    body: CreateRegulationVersionSchema,
    response: RegulationVersionSchema,
    handler: ({ ctx, params, body }) => regs.addVersion(ctx, params.id, body.text),
  });
  r({
    method: 'GET',
    url: '/regulations/:id/versions/:versionId',
    tag: 'regulations',
    summary: 'Một phiên bản: văn bản, quy tắc, kết quả kiểm tra',
    params: VersionParams,
    response: RegulationVersionDetailSchema,
    handler: ({ ctx, params }) => regVersions.getVersionDetail(ctx, params.id, params.versionId),
  });
  r({
    method: 'POST',
    bodyLimit: 8 * 1024 * 1024,
    url: '/regulations/:id/amendments',
    authorize: mayWrite,
    tag: 'regulations',
    summary: 'Thêm văn bản sửa đổi, bổ sung',
    status: 201,
    params: IdParamsSchema,
    body: CreateAmendmentSchema,
    response: z.object({
      id: IdSchema,
      work: z.string(),
      title: z.string().nullable(),
      adoptedOn: z.string(),
      inForceFrom: z.string(),
      impact: ImpactSchema.shape.subordinates,
    }),
    handler: ({ ctx, params, body }) => regs.addAmendment(ctx, params.id, body.text),
  });
  r({
    method: 'POST',
    url: '/regulations/derive',
    tag: 'regulations',
    summary: 'Dựng dự thảo quy chế của cấp dưới từ quy chế của cấp trên (ánh xạ cơ quan, chức danh)',
    status: 201,
    body: DeriveRegulationSchema,
    response: RegulationVersionSchema,
    handler: ({ ctx, body }) => regs.deriveRegulation(ctx, body),
  });
  r({
    method: 'GET',
    url: '/regulations/:id/impact',
    tag: 'regulations',
    summary: 'Tác động của các lần sửa đổi tới quy chế cấp dưới: quy chế phải rà soát, nhiệm vụ đã giao',
    params: IdParamsSchema,
    response: z.array(ImpactSchema),
    handler: async ({ ctx, params }) => (await regs.getRegulationDetail(ctx, params.id), impactOf(ctx, params.id)),
  });
  r({
    method: 'POST',
    url: '/regulations/:id/ask',
    tag: 'regulations',
    summary: 'Hỏi quy chế tại một ngày (trả lời kèm điều, khoản)',
    params: IdParamsSchema,
    body: AskQuestionSchema,
    response: AnswerSchema,
    handler: ({ ctx, params, body }) => regVersions.askRegulation(ctx, params.id, body),
  });
  r({
    method: 'GET',
    url: '/regulations/:id/diff',
    tag: 'regulations',
    summary: 'Bảng so sánh hai phiên bản',
    params: IdParamsSchema,
    query: DiffQuerySchema,
    response: ComparisonSchema,
    handler: ({ ctx, params, query }) => regVersions.diffVersions(ctx, params.id, query.from, query.to),
  });
  r({
    method: 'GET',
    url: '/regulations/:id/diff.docx',
    tag: 'regulations',
    summary: 'Bảng so sánh hai phiên bản, tệp DOCX theo thể thức văn bản của Đảng',
    params: IdParamsSchema,
    query: DiffQuerySchema,
    handler: async ({ ctx, params, query, reply }) => {
      const content = await regVersions.comparisonDocx(ctx, params.id, query.from, query.to);
      sendFile(reply, DOCX, { fileName: 'bang-so-sanh.docx', content });
    },
  });
  r({
    method: 'POST',
    url: '/regulations/import',
    tag: 'regulations',
    summary: 'Nhập quy chế từ Word (.docx) hoặc .txt thành .qc.md (không lưu)',
    bodyLimit: 16 * 1024 * 1024,
    body: ImportRegulationSchema,
    response: z.object({ qcmd: z.string(), report: z.record(z.string(), z.unknown()) }),
    authorize: mayWrite,
    handler: async ({ ctx, body }) => regs.importFile(ctx, body.fileName, body.contentBase64),
  });
  r({
    method: 'GET',
    url: '/regulations/:id/consolidated',
    tag: 'regulations',
    summary: 'Văn bản hợp nhất tại một ngày',
    params: IdParamsSchema,
    query: ConsolidatedQuerySchema,
    response: ConsolidatedSchema,
    handler: ({ ctx, params, query }) => regVersions.consolidatedAt(ctx, params.id, query.at),
  });
}
