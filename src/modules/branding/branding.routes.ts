/**
 * `/api/v1/merchant/branding`: what the hosted checkout shows of the merchant. The logo is PUT as the raw
 * image (image/png or image/svg+xml, at most 100 KB); it is checked, stored, and served publicly from
 * `logo_url` with a CSP that lets nothing in it run.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema } from '../../http/problem.js';
import { actorOf, claimedAnswer, schemaAnswer, sendAnswer, unwrap } from '../../http/route-helpers.js';
import { AppError } from '../../shared/errors.js';
import type { BrandingService, BrandingView } from './branding.service.js';
import { LOGO_TYPES, MAX_LOGO_BYTES } from './logo-rules.js';

export interface BrandingRoutesDeps {
  branding: BrandingService;
}

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema };
const tags = ['branding'];
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const BrandingSchema = Type.Object({
  display_name: Type.Union([Type.String(), Type.Null()], { description: 'shown on checkout pages; null: the merchant’s name' }),
  accent_color: Type.Union([Type.String(), Type.Null()], { description: '#rrggbb' }),
  support_email: Type.Union([Type.String(), Type.Null()]),
  logo_url: Type.Union([Type.String(), Type.Null()], { description: 'public, same-origin URL of the logo' }),
  updated_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const BrandingBody = Type.Object(
  {
    display_name: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    accent_color: Type.Optional(Nullable(Type.String({ maxLength: 7, description: '#rrggbb' }))),
    support_email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  },
  { additionalProperties: false },
);

export function brandingRoutes(deps: BrandingRoutesDeps): FastifyPluginAsyncTypebox {
  const { branding } = deps;
  return async (app) => {
    // the logo arrives as the raw image (this plugin's routes only)
    app.addContentTypeParser([...LOGO_TYPES], { parseAs: 'buffer', bodyLimit: MAX_LOGO_BYTES }, (_request, body, done) => done(null, body));

    app.get(
      '/',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags,
          operationId: 'getBranding',
          summary: 'The merchant’s checkout branding',
          response: { 200: BrandingSchema, ...errors },
        },
      },
      async (request) => branding.get(actorOf(request).merchantId),
    );

    app.put(
      '/',
      {
        config: { scope: 'admin', claimsIdempotencyKey: true },
        schema: {
          tags,
          operationId: 'updateBranding',
          summary: 'Set display name, accent colour and support e-mail (admin)',
          body: BrandingBody,
          response: { 200: BrandingSchema, ...errors },
        },
      },
      async (request, reply) => {
        const render = (view: BrandingView) => schemaAnswer(reply, 200, view);
        return sendAnswer(
          request,
          reply,
          render(unwrap(await branding.update(actorOf(request), request.body, claimedAnswer(request, render)))),
        );
      },
    );

    app.put(
      '/logo',
      {
        config: { scope: 'admin' },
        bodyLimit: MAX_LOGO_BYTES,
        schema: {
          tags,
          operationId: 'setBrandingLogo',
          summary: 'Upload the logo: raw image/png or image/svg+xml, at most 100 KB (admin)',
          description:
            'PNG is checked by its signature; SVG must pass an allow-list (no script, foreignObject, event handlers or references outside the document) and is refused otherwise.',
          response: { 200: BrandingSchema, ...errors },
        },
      },
      async (request) => {
        const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type', 'send the logo as image/png or image/svg+xml');
        return unwrap(await branding.setLogo(actorOf(request), contentType, request.body));
      },
    );
  };
}
