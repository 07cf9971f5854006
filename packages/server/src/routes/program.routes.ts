import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AdoptProgramSchema,
  CancelProgramSchema,
  CreateInspectionSchema,
  CreateProgramItemSchema,
  CreateProgramSchema,
  CreateRecommendationSchema,
  DeleteProgramItemQuerySchema,
  IdParamsSchema,
  InspectionListQuerySchema,
  InspectionSchema,
  InspectionStepSchema,
  ItemTaskSchema,
  ProgramListItemSchema,
  ProgramListQuerySchema,
  ProgramSchema,
  RecommendationListQuerySchema,
  RecommendationSchema,
  RecommendationStepSchema,
  TaskSchema,
  UpdateInspectionSchema,
  UpdateProgramItemSchema,
  UpdateProgramSchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { taggedRoutesOf } from '../http/route.js';
import { cancelProgram, createProgram, updateProgram } from '../services/program.service.js';
import { addProgramItem, deleteProgramItem, updateProgramItem } from '../services/program-item.service.js';
import { adoptProgram, taskFromProgramItem } from '../services/program-adoption.service.js';
import { getProgram, listPrograms } from '../services/program.view.js';
import * as inspections from '../services/inspection.service.js';
import * as recommendations from '../services/recommendation.service.js';

export function programRoutes(app: FastifyInstance, db: Db) {
  const r = taggedRoutesOf(app, db, 'programs');
  const P = { params: IdParamsSchema, response: ProgramSchema };
  r({
    method: 'GET',
    url: '/programs',
    summary: 'Chương trình làm việc, chương trình kiểm tra, giám sát của một tổ chức (toàn khóa, năm), với tiến độ',
    query: ProgramListQuerySchema,
    response: z.array(ProgramListItemSchema),
    handler: ({ ctx, query }) => listPrograms(ctx, query),
  });
  r({
    method: 'POST',
    url: '/programs',
    summary: 'Lập dự thảo chương trình (các mục theo tháng, quý, kỳ họp)',
    status: 201,
    body: CreateProgramSchema,
    response: ProgramSchema,
    handler: ({ ctx, body }) => createProgram(ctx, body),
  });
  r({
    method: 'GET',
    url: '/programs/:id',
    summary: 'Chương trình: các mục, nhiệm vụ, tiến độ, dòng thời gian',
    ...P,
    handler: ({ ctx, params }) => getProgram(ctx, params.id),
  });
  r({
    method: 'PATCH',
    url: '/programs/:id',
    summary: 'Sửa dự thảo chương trình',
    ...P,
    body: UpdateProgramSchema,
    handler: ({ ctx, params, body }) => updateProgram(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/programs/:id/items',
    summary: 'Thêm mục vào dự thảo chương trình',
    status: 201,
    ...P,
    body: CreateProgramItemSchema,
    handler: ({ ctx, params, body }) => addProgramItem(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/programs/:id/adopt',
    summary:
      'Thông qua chương trình tại hội nghị của cơ quan có thẩm quyền (R11); đánh số CTr, giao nhiệm vụ theo các mục',
    ...P,
    body: AdoptProgramSchema,
    handler: ({ ctx, params, body }) => adoptProgram(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/programs/:id/cancel',
    summary: 'Hủy dự thảo chương trình',
    ...P,
    body: CancelProgramSchema,
    handler: ({ ctx, params, body }) => cancelProgram(ctx, params.id, body.version, body.note),
  });
  r({
    method: 'PATCH',
    url: '/program-items/:id',
    summary: 'Sửa một mục của dự thảo chương trình',
    ...P,
    body: UpdateProgramItemSchema,
    handler: ({ ctx, params, body }) => updateProgramItem(ctx, params.id, body),
  });
  r({
    method: 'DELETE',
    url: '/program-items/:id',
    summary: 'Xóa một mục của dự thảo chương trình',
    ...P,
    query: DeleteProgramItemQuerySchema,
    handler: ({ ctx, params, query }) => deleteProgramItem(ctx, params.id, query.version),
  });
  r({
    method: 'POST',
    url: '/program-items/:id/tasks',
    summary: 'Giao thêm một nhiệm vụ theo mục của chương trình đã thông qua',
    status: 201,
    params: IdParamsSchema,
    body: ItemTaskSchema,
    response: TaskSchema,
    handler: ({ ctx, params, body }) => taskFromProgramItem(ctx, params.id, body),
  });

  const I = { params: IdParamsSchema, response: InspectionSchema };
  r({
    method: 'GET',
    url: '/inspections',
    summary: 'Các cuộc kiểm tra, giám sát của một tổ chức',
    query: InspectionListQuerySchema,
    response: z.array(InspectionSchema),
    handler: ({ ctx, query }) => inspections.listInspections(ctx, query),
  });
  r({
    method: 'POST',
    url: '/inspections',
    summary: 'Lập cuộc kiểm tra, giám sát (theo mục chương trình hoặc đột xuất)',
    status: 201,
    body: CreateInspectionSchema,
    response: InspectionSchema,
    handler: ({ ctx, body }) => inspections.createInspection(ctx, body),
  });
  r({
    method: 'GET',
    url: '/inspections/:id',
    summary: 'Cuộc kiểm tra, giám sát: đoàn, đối tượng, kết quả, kết luận, khắc phục',
    ...I,
    handler: ({ ctx, params }) => inspections.getInspection(ctx, params.id),
  });
  r({
    method: 'PATCH',
    url: '/inspections/:id',
    summary: 'Sửa đoàn, đối tượng, thời gian; ghi kết quả khi đang tiến hành',
    ...I,
    body: UpdateInspectionSchema,
    handler: ({ ctx, params, body }) => inspections.updateInspection(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/inspections/:id/transition',
    summary: 'Quyết định, tiến hành, kết luận (giao nhiệm vụ khắc phục), kiểm tra việc khắc phục, hủy',
    ...I,
    body: InspectionStepSchema,
    handler: ({ ctx, params, body }) => inspections.stepInspection(ctx, params.id, body),
  });

  const K = { params: IdParamsSchema, response: RecommendationSchema };
  r({
    method: 'GET',
    url: '/recommendations',
    summary: 'Kiến nghị, đề xuất nhận được hoặc đã gửi',
    query: RecommendationListQuerySchema,
    response: z.array(RecommendationSchema),
    handler: ({ ctx, query }) => recommendations.listRecommendations(ctx, query),
  });
  r({
    method: 'POST',
    url: '/recommendations',
    summary: 'Gửi hoặc ghi nhận kiến nghị, đề xuất lên cấp trên (hạn trả lời theo quy chế)',
    status: 201,
    body: CreateRecommendationSchema,
    response: RecommendationSchema,
    handler: ({ ctx, body }) => recommendations.createRecommendation(ctx, body),
  });
  r({
    method: 'GET',
    url: '/recommendations/:id',
    summary: 'Kiến nghị: hạn, nhiệm vụ tham mưu, trả lời',
    ...K,
    handler: ({ ctx, params }) => recommendations.getRecommendation(ctx, params.id),
  });
  r({
    method: 'POST',
    url: '/recommendations/:id/transition',
    summary: 'Giao tham mưu (thành nhiệm vụ), trả lời, rút kiến nghị',
    ...K,
    body: RecommendationStepSchema,
    handler: ({ ctx, params, body }) => recommendations.stepRecommendation(ctx, params.id, body),
  });
}
