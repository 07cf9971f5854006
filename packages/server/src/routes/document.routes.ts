import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DocumentListQuerySchema, IssueDocumentSchema, IssuedDocumentSchema } from '@quyche/core';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import * as docs from '../services/document.service.js';

export function documentRoutes(app: FastifyInstance, db: Db) {
  defineRoute(app, db, {
    method: 'POST',
    url: '/documents',
    tag: 'documents',
    summary: 'Cấp số văn bản (theo loại, cơ quan ban hành, nhiệm kỳ)',
    status: 201,
    body: IssueDocumentSchema,
    response: IssuedDocumentSchema,
    handler: ({ ctx, body }) => docs.issueDocument(ctx, body),
  });
  defineRoute(app, db, {
    method: 'GET',
    url: '/documents',
    tag: 'documents',
    summary: 'Sổ văn bản đã cấp số của một tổ chức',
    query: DocumentListQuerySchema,
    response: z.array(IssuedDocumentSchema),
    handler: ({ ctx, query }) => docs.listDocuments(ctx, query.orgId),
  });
}
