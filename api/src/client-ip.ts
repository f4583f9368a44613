import type { IncomingMessage } from 'node:http';

/**
 * The client's address: the socket's, or with TANDEM_TRUST_PROXY=1 (behind a
 * reverse proxy that sets it) the first X-Forwarded-For entry. Trusting the
 * header without a proxy would let anyone pick their rate-limit bucket.
 */
export function clientIp(request: Request, req: IncomingMessage | undefined, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req?.socket.remoteAddress ?? null;
}
