import type { FastifyInstance } from 'fastify';
import {
  AsOfQuerySchema,
  AuditEntrySchema,
  AuditVerifySchema,
  CreatePersonSchema,
  CreatePortfolioSchema,
  IdParamsSchema,
  pageOf,
  PageQuerySchema,
  PersonDetailSchema,
  PersonListQuerySchema,
  PersonSchema,
  PortfolioSchema,
  SearchQuerySchema,
  SearchResultSchema,
  UpdatePersonSchema,
  UpdatePortfolioSchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { routesOf } from '../http/route.js';
import * as people from '../services/person.service.js';
import { search } from '../services/search.service.js';
import * as users from '../services/user.service.js';

export function personRoutes(app: FastifyInstance, db: Db) {
  const r = routesOf(app, db);
  r({
    method: 'GET',
    url: '/people',
    tag: 'people',
    summary: 'Danh sách cán bộ, đảng viên',
    query: PersonListQuerySchema,
    response: pageOf(PersonSchema),
    handler: ({ ctx, query }) => people.listPeople(ctx, query),
  });
  r({
    method: 'GET',
    url: '/people/:id',
    tag: 'people',
    summary: 'Cán bộ: chức vụ, phân công phụ trách tại một ngày',
    params: IdParamsSchema,
    query: AsOfQuerySchema,
    response: PersonDetailSchema,
    handler: ({ ctx, params, query }) => people.getPersonDetail(ctx, params.id, query.asOf),
  });
  r({
    method: 'POST',
    url: '/people',
    tag: 'people',
    summary: 'Thêm người',
    status: 201,
    body: CreatePersonSchema,
    response: PersonSchema,
    handler: ({ ctx, body }) => people.createPerson(ctx, body),
  });
  r({
    method: 'PATCH',
    url: '/people/:id',
    tag: 'people',
    summary: 'Sửa thông tin người',
    params: IdParamsSchema,
    body: UpdatePersonSchema,
    response: PersonSchema,
    handler: ({ ctx, params, body }) => people.updatePerson(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/people/:id/portfolio',
    tag: 'people',
    summary: 'Phân công phụ trách lĩnh vực, địa bàn',
    status: 201,
    params: IdParamsSchema,
    body: CreatePortfolioSchema,
    response: PortfolioSchema,
    handler: ({ ctx, params, body }) => people.addPortfolio(ctx, params.id, body),
  });
  r({
    method: 'PATCH',
    url: '/portfolio/:id',
    tag: 'people',
    summary: 'Sửa, kết thúc phân công',
    params: IdParamsSchema,
    body: UpdatePortfolioSchema,
    response: PortfolioSchema,
    handler: ({ ctx, params, body }) => people.updatePortfolio(ctx, params.id, body),
  });
  r({
    method: 'GET',
    url: '/search',
    tag: 'search',
    summary:
      'Tìm mọi thứ người dùng được xem: văn bản theo số, ký hiệu; hội nghị, ' +
      'kết luận, nhiệm vụ, chương trình, kiểm tra, kiến nghị, lấy ý kiến, ' +
      'điều khoản quy chế, người, tổ chức — có dấu hoặc không dấu, xếp hạng, theo nhóm',
    query: SearchQuerySchema,
    response: SearchResultSchema,
    handler: ({ ctx, query }) => search(ctx, query),
  });
  r({
    method: 'GET',
    url: '/audit',
    tag: 'audit',
    summary: 'Nhật ký thao tác',
    query: PageQuerySchema,
    response: pageOf(AuditEntrySchema),
    handler: ({ ctx, query }) => users.auditPage(ctx, query.page, query.pageSize),
  });
  r({
    method: 'GET',
    url: '/audit/verify',
    tag: 'audit',
    summary: 'Kiểm tra toàn vẹn chuỗi nhật ký',
    response: AuditVerifySchema,
    handler: ({ ctx }) => users.auditVerify(ctx),
  });
}
