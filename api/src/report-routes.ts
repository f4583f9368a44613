// GET /reports/annual.csv?organization=<slug>&year=<year>: the annual report's
// AJPES figures as a spreadsheet file, with the same authorisation as the
// annualReport query (a session's Bearer token, or a secret key with
// reports:read in X-Tandem-Key). Served by a yoga plugin, so rate limits and
// CORS apply as to /graphql.
import { annualReportFileName, audit, type Context, readableAnnualReport, reportCsv, t } from '@tandem/schema';
import type { Plugin } from 'graphql-yoga';
import type { IncomingMessage } from 'node:http';
import { requestContext, type RequestContextOptions } from './request-context.ts';

export const ANNUAL_REPORT_CSV_PATH = '/reports/annual.csv';

/** A JSON error body like GraphQL's, with the HTTP status that says the same. */
export function routeError(
  ctx: Pick<Context, 'locale'>,
  status: number,
  code: 'UNAUTHENTICATED' | 'NOT_FOUND' | 'VALIDATION',
) {
  return new Response(JSON.stringify({ errors: [{ message: t(ctx.locale, code), extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** A secret key acts without a person: its use is recorded, as keyAuditPlugin does for GraphQL. */
export async function auditKeyUse(ctx: Context, route: string) {
  if (ctx.apiKey?.kind !== 'SECRET') return;
  await audit(ctx, {
    action: 'apiKey.use',
    organizationId: ctx.apiKey.organizationId,
    subjectType: 'ApiKey',
    subjectId: ctx.apiKey.id,
    details: { route, ...(ctx.userAgent ? { userAgent: ctx.userAgent } : {}) },
  });
}

async function annualReportCsvResponse(ctx: Context, url: URL): Promise<Response> {
  if (!ctx.viewer && ctx.apiKey?.kind !== 'SECRET') return routeError(ctx, 401, 'UNAUTHENTICATED');
  const slug = url.searchParams.get('organization') ?? '';
  const year = Number(url.searchParams.get('year'));
  if (!slug || !Number.isInteger(year) || year < 2000 || year > 2100) return routeError(ctx, 400, 'VALIDATION');
  await auditKeyUse(ctx, ANNUAL_REPORT_CSV_PATH);
  const report = await readableAnnualReport(ctx, slug, year);
  // Unknown and not allowed look the same.
  if (!report) return routeError(ctx, 404, 'NOT_FOUND');
  return new Response(await reportCsv(ctx, report), {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${annualReportFileName(slug, year, ctx.locale)}"`,
      'cache-control': 'private, no-store',
      'content-language': ctx.locale,
      vary: 'authorization, x-tandem-key, accept-language',
      'x-content-type-options': 'nosniff',
    },
  });
}

export function reportRoutesPlugin(options: RequestContextOptions): Plugin {
  return {
    // Not async: every other request passes here and should not wait on a promise.
    onRequest({ request, url, endResponse, serverContext }) {
      if (url.pathname !== ANNUAL_REPORT_CSV_PATH) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      return requestContext(options, request, (serverContext as { req?: IncomingMessage }).req)
        .then((ctx) => annualReportCsvResponse(ctx, url))
        .then(endResponse);
    },
  };
}
