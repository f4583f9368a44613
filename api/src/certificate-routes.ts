// GET /certificates/<global id>.html and .pdf: an issued certificate, printable
// (HTML with print CSS) or as a PDF, for its volunteer or for staff who issue
// the organisation's certificates, with the same Authorization header as
// GraphQL (`Certificate.htmlPath` and `pdfPath` give the paths). Anything else
// is 404, whether it does not exist or is someone else's.
import { certificateHtml, certificatePdf, printableCertificate } from '@tandem/schema';
import type { Plugin } from 'graphql-yoga';
import type { IncomingMessage } from 'node:http';
import { auditKeyUse, routeError } from './report-routes.ts';
import { requestContext, type RequestContextOptions } from './request-context.ts';

const PATH = /^\/certificates\/([^/]+)\.(html|pdf)$/;

export function certificateRoutesPlugin(options: RequestContextOptions): Plugin {
  return {
    // Not async: every other request passes here and should not wait on a promise.
    onRequest({ request, url, endResponse, serverContext }) {
      const match = PATH.exec(url.pathname);
      if (match) return answer(request, url, match, endResponse, serverContext);
    },
  };

  async function answer(
    request: Request,
    url: URL,
    match: RegExpExecArray,
    endResponse: (response: Response) => void,
    serverContext: unknown,
  ) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      endResponse(new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
      return;
    }
    const ctx = await requestContext(options, request, (serverContext as { req?: IncomingMessage }).req);
    if (!ctx.viewer && ctx.apiKey?.kind !== 'SECRET') {
      endResponse(routeError(ctx, 401, 'UNAUTHENTICATED'));
      return;
    }
    await auditKeyUse(ctx, url.pathname);
    const printable = await printableCertificate(ctx, decodeURIComponent(match[1]!));
    if (!printable) {
      endResponse(routeError(ctx, 404, 'NOT_FOUND'));
      return;
    }
    const headers = {
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-language': printable.snapshot.locale,
    };
    const name = `${printable.snapshot.locale === 'en' ? 'certificate' : 'potrdilo'}-${printable.snapshot.registerNumber.replace('/', '-')}`;
    if (match[2] === 'pdf') {
      endResponse(
        new Response(new Uint8Array(await certificatePdf(printable)), {
          headers: {
            ...headers,
            'content-type': 'application/pdf',
            'content-disposition': `inline; filename="${name}.pdf"`,
          },
        }),
      );
    } else {
      endResponse(
        new Response(certificateHtml(printable), {
          headers: {
            ...headers,
            'content-type': 'text/html; charset=utf-8',
            // The page is self-contained: its own inline styles and nothing else.
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
          },
        }),
      );
    }
  }
}
