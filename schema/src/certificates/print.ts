import type { Context } from '../context.ts';
import { rowIdOf } from '../ids.ts';
import { certificateHtml, certificatePdf, type Printable } from './render.ts';
import type { CertificateSnapshot } from './snapshot.ts';

export { certificateHtml, certificatePdf, type Printable };

/**
 * An issued (or revoked) certificate the caller may print: its volunteer, or
 * staff who issue the organisation's certificates. Null for anything else —
 * unknown, not issued, or someone else's — so the answer never says which.
 */
export async function printableCertificate(ctx: Context, globalId: string): Promise<Printable | null> {
  const id = rowIdOf(globalId, 'Certificate');
  if (!id) return null;
  const certificate = await ctx.prisma.certificate.findUnique({
    where: { id },
    select: { volunteerId: true, organizationId: true, status: true, snapshot: true, revokedAt: true },
  });
  if (!certificate?.snapshot || (certificate.status !== 'ISSUED' && certificate.status !== 'REVOKED')) return null;
  const own = !!ctx.viewer && certificate.volunteerId === ctx.viewer.id;
  if (!own && !(await ctx.access.can('certificates:issue', certificate.organizationId))) return null;
  return {
    snapshot: certificate.snapshot as unknown as CertificateSnapshot,
    status: certificate.status,
    revokedAt: certificate.revokedAt,
  };
}
