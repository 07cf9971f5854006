import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AsOfQuerySchema,
  BodyDetailSchema,
  BodySchema,
  CreateBodySchema,
  CreateMembershipSchema,
  CreateOrganizationSchema,
  CreateParentLinkSchema,
  CreatePartyMemberSchema,
  CreateTermSchema,
  IdParamsSchema,
  MembershipSchema,
  OrganizationDetailSchema,
  OrganizationListQuerySchema,
  OrganizationSchema,
  pageOf,
  PartyMemberSchema,
  ReorganizationResultSchema,
  ReorganizationSchema,
  SubtreeSchema,
  TermSchema,
  TreeQuerySchema,
  TreeSchema,
  UpdateBodySchema,
  UpdateMembershipSchema,
  UpdateOrganizationSchema,
  UpdatePartyMemberSchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { routesOf } from '../http/route.js';
import * as bodies from '../services/body.service.js';
import * as org from '../services/org.service.js';
import * as positions from '../services/position.service.js';
import * as reorganizations from '../services/reorganization.service.js';
import * as terms from '../services/term.service.js';

export function orgRoutes(app: FastifyInstance, db: Db) {
  const r = routesOf(app, db);
  r({
    method: 'GET',
    url: '/organizations',
    tag: 'organizations',
    summary: 'Danh sách tổ chức',
    query: OrganizationListQuerySchema,
    response: pageOf(OrganizationSchema),
    handler: ({ ctx, query }) => org.listOrgs(ctx, query),
  });
  r({
    method: 'GET',
    url: '/organizations/tree',
    tag: 'organizations',
    summary: 'Cây tổ chức tại một ngày',
    query: TreeQuerySchema,
    response: TreeSchema,
    handler: ({ ctx, query }) => org.getTree(ctx, query),
  });
  r({
    method: 'GET',
    url: '/organizations/:id',
    tag: 'organizations',
    summary: 'Tổ chức tại một ngày',
    params: IdParamsSchema,
    query: AsOfQuerySchema,
    response: OrganizationDetailSchema,
    handler: ({ ctx, params, query }) => org.getOrgDetail(ctx, params.id, query.asOf),
  });
  r({
    method: 'GET',
    url: '/organizations/:id/subtree',
    tag: 'organizations',
    summary: 'Các tổ chức trực thuộc (mọi cấp) tại một ngày',
    params: IdParamsSchema,
    query: AsOfQuerySchema,
    response: SubtreeSchema,
    handler: ({ ctx, params, query }) => org.getSubtree(ctx, params.id, query.asOf),
  });
  r({
    method: 'POST',
    url: '/organizations',
    tag: 'organizations',
    summary: 'Tạo tổ chức',
    status: 201,
    body: CreateOrganizationSchema,
    response: OrganizationSchema,
    handler: ({ ctx, body }) => org.createOrganization(ctx, body),
  });
  r({
    method: 'PATCH',
    url: '/organizations/:id',
    tag: 'organizations',
    summary: 'Sửa tổ chức',
    params: IdParamsSchema,
    body: UpdateOrganizationSchema,
    response: OrganizationSchema,
    handler: ({ ctx, params, body }) => org.updateOrganization(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/organizations/:id/parent-links',
    tag: 'organizations',
    summary: 'Thêm quan hệ trực thuộc theo thời gian',
    status: 201,
    params: IdParamsSchema,
    body: CreateParentLinkSchema,
    response: z.object({ id: z.uuid() }),
    handler: ({ ctx, params, body }) => org.addParentLink(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/organizations/:id/terms',
    tag: 'organizations',
    summary: 'Thêm khóa, nhiệm kỳ',
    status: 201,
    params: IdParamsSchema,
    body: CreateTermSchema,
    response: TermSchema,
    handler: ({ ctx, params, body }) => terms.addTerm(ctx, params.id, body),
  });
  r({
    method: 'GET',
    url: '/organizations/:id/party-members',
    tag: 'organizations',
    summary: 'Đảng viên sinh hoạt tại tổ chức',
    params: IdParamsSchema,
    query: AsOfQuerySchema,
    response: z.array(PartyMemberSchema),
    handler: ({ ctx, params, query }) => positions.listPartyMembers(ctx, params.id, query.asOf),
  });
  r({
    method: 'POST',
    url: '/organizations/:id/party-members',
    tag: 'organizations',
    summary: 'Thêm đảng viên',
    status: 201,
    params: IdParamsSchema,
    body: CreatePartyMemberSchema,
    response: PartyMemberSchema,
    handler: ({ ctx, params, body }) => positions.addPartyMember(ctx, params.id, body),
  });
  r({
    method: 'PATCH',
    url: '/party-members/:id',
    tag: 'organizations',
    summary: 'Sửa sinh hoạt đảng',
    params: IdParamsSchema,
    body: UpdatePartyMemberSchema,
    response: PartyMemberSchema,
    handler: ({ ctx, params, body }) => positions.updatePartyMember(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/reorganizations',
    tag: 'organizations',
    summary: 'Sáp nhập, hợp nhất, giải thể tổ chức',
    body: ReorganizationSchema,
    response: ReorganizationResultSchema,
    handler: ({ ctx, body }) => reorganizations.reorganize(ctx, body),
  });
  r({
    method: 'GET',
    url: '/bodies/:id',
    tag: 'bodies',
    summary: 'Cơ quan và thành viên tại một ngày',
    params: IdParamsSchema,
    query: AsOfQuerySchema,
    response: BodyDetailSchema,
    handler: ({ ctx, params, query }) => bodies.getBodyDetail(ctx, params.id, query.asOf),
  });
  r({
    method: 'POST',
    url: '/bodies',
    tag: 'bodies',
    summary: 'Tạo cơ quan',
    status: 201,
    body: CreateBodySchema,
    response: BodySchema,
    handler: ({ ctx, body }) => bodies.createBody(ctx, body),
  });
  r({
    method: 'PATCH',
    url: '/bodies/:id',
    tag: 'bodies',
    summary: 'Sửa cơ quan',
    params: IdParamsSchema,
    body: UpdateBodySchema,
    response: BodySchema,
    handler: ({ ctx, params, body }) => bodies.updateBody(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/bodies/:id/memberships',
    tag: 'bodies',
    summary: 'Bổ nhiệm, bầu vào cơ quan',
    status: 201,
    params: IdParamsSchema,
    body: CreateMembershipSchema,
    response: MembershipSchema,
    handler: ({ ctx, params, body }) => positions.addMembership(ctx, params.id, body),
  });
  r({
    method: 'PATCH',
    url: '/memberships/:id',
    tag: 'bodies',
    summary: 'Sửa, kết thúc chức vụ',
    params: IdParamsSchema,
    body: UpdateMembershipSchema,
    response: MembershipSchema,
    handler: ({ ctx, params, body }) => positions.updateMembership(ctx, params.id, body),
  });
}
