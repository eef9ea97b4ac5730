/**
 * `/api/v1/payments/reports`: generate a report (201), read it, download its rows (streamed CSV or JSON
 * array). Thin handlers: authenticate, call one use case, map the result.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema } from '../../http/problem.js';
import { actorOf, claimedAnswer, schemaAnswer, sendAnswer, unwrap } from '../../http/route-helpers.js';
import { type Report, toReportView } from './report.js';
import { GenerateReportBody, ReportParams, ReportViewSchema } from './reports.schemas.js';
import type { ReportsService } from './reports.service.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

export function reportsRoutes(deps: { reports: ReportsService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/reports/generate',
      {
        config: { scope: 'reports:read', claimsIdempotencyKey: true },
        schema: {
          tags: ['reports'],
          operationId: 'generateReport',
          summary: 'Generate a report over a date range (computed now from stored payments, refunds and settlements)',
          body: GenerateReportBody,
          response: { 201: ReportViewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const render = (report: Report) => schemaAnswer(reply, 201, toReportView(report));
        const report = unwrap(await deps.reports.generateReport(actorOf(request), request.body, claimedAnswer(request, render)));
        return sendAnswer(request, reply, render(report));
      },
    );

    app.get(
      '/reports/:report_id',
      {
        config: { scope: 'reports:read' },
        schema: {
          tags: ['reports'],
          operationId: 'getReport',
          summary: 'A generated report',
          params: ReportParams,
          response: { 200: ReportViewSchema, ...errors },
        },
      },
      async (request) => toReportView(unwrap(await deps.reports.getReport(actorOf(request), request.params.report_id))),
    );

    app.get(
      '/reports/:report_id/download',
      {
        config: { scope: 'reports:read' },
        schema: {
          tags: ['reports'],
          operationId: 'downloadReport',
          summary: "The report's payments, oldest first: streamed CSV (text/csv) or a JSON array, per the report's format",
          params: ReportParams,
          // a stream is sent as is, never through a serializer; this only documents the answer
          response: { 200: Type.Unknown({ description: 'text/csv (RFC 4180, header line) or a JSON array of rows' }), ...errors },
        },
      },
      async (request, reply) => {
        const download = unwrap(await deps.reports.downloadReport(actorOf(request), request.params.report_id));
        return reply
          .type(CONTENT_TYPES[download.format])
          .header('content-disposition', `attachment; filename="${download.filename}"`)
          .send(Readable.from(download.chunks));
      },
    );
  };
}
