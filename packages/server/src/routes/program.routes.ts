import type { FastifyInstance } from 'fastify';
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
import { recordRoutes, recordStep } from '../http/record.routes.js';
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
  recordRoutes(r, '/programs', ProgramSchema, {
    list: {
      summary: 'Chương trình làm việc, chương trình kiểm tra, giám sát của một tổ chức (toàn khóa, năm), với tiến độ',
      query: ProgramListQuerySchema,
      item: ProgramListItemSchema,
      run: listPrograms,
    },
    create: {
      summary: 'Lập dự thảo chương trình (các mục theo tháng, quý, kỳ họp)',
      body: CreateProgramSchema,
      run: createProgram,
    },
    get: { summary: 'Chương trình: các mục, nhiệm vụ, tiến độ, dòng thời gian', run: getProgram },
    update: { summary: 'Sửa dự thảo chương trình', body: UpdateProgramSchema, run: updateProgram },
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
  recordStep(r, 'POST', '/programs/:id/adopt', ProgramSchema, {
    summary:
      'Thông qua chương trình tại hội nghị của cơ quan có thẩm quyền (R11); đánh số CTr, giao nhiệm vụ theo các mục',
    body: AdoptProgramSchema,
    run: adoptProgram,
  });
  r({
    method: 'POST',
    url: '/programs/:id/cancel',
    summary: 'Hủy dự thảo chương trình',
    ...P,
    body: CancelProgramSchema,
    handler: ({ ctx, params, body }) => cancelProgram(ctx, params.id, body.version, body.note),
  });
  recordStep(r, 'PATCH', '/program-items/:id', ProgramSchema, {
    summary: 'Sửa một mục của dự thảo chương trình',
    body: UpdateProgramItemSchema,
    run: updateProgramItem,
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

  recordRoutes(r, '/inspections', InspectionSchema, {
    list: {
      summary: 'Các cuộc kiểm tra, giám sát của một tổ chức',
      query: InspectionListQuerySchema,
      item: InspectionSchema,
      run: inspections.listInspections,
    },
    create: {
      summary: 'Lập cuộc kiểm tra, giám sát (theo mục chương trình hoặc đột xuất)',
      body: CreateInspectionSchema,
      run: inspections.createInspection,
    },
    get: {
      summary: 'Cuộc kiểm tra, giám sát: đoàn, đối tượng, kết quả, kết luận, khắc phục',
      run: inspections.getInspection,
    },
    update: {
      summary: 'Sửa đoàn, đối tượng, thời gian; ghi kết quả khi đang tiến hành',
      body: UpdateInspectionSchema,
      run: inspections.updateInspection,
    },
    transition: {
      summary: 'Quyết định, tiến hành, kết luận (giao nhiệm vụ khắc phục), kiểm tra việc khắc phục, hủy',
      body: InspectionStepSchema,
      run: inspections.stepInspection,
    },
  });

  recordRoutes(r, '/recommendations', RecommendationSchema, {
    list: {
      summary: 'Kiến nghị, đề xuất nhận được hoặc đã gửi',
      query: RecommendationListQuerySchema,
      item: RecommendationSchema,
      run: recommendations.listRecommendations,
    },
    create: {
      summary: 'Gửi hoặc ghi nhận kiến nghị, đề xuất lên cấp trên (hạn trả lời theo quy chế)',
      body: CreateRecommendationSchema,
      run: recommendations.createRecommendation,
    },
    get: { summary: 'Kiến nghị: hạn, nhiệm vụ tham mưu, trả lời', run: recommendations.getRecommendation },
    transition: {
      summary: 'Giao tham mưu (thành nhiệm vụ), trả lời, rút kiến nghị',
      body: RecommendationStepSchema,
      run: recommendations.stepRecommendation,
    },
  });
}
