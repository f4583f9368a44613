// Certificates of volunteer work (ZProst Art. 25): some issued in 2026 for the
// work of 2025, one revoked and issued again with the right period, and two
// requests still waiting. The issued ones carry the snapshot the API would
// have frozen, computed from the seeded hours.
import { createHash } from 'node:crypto';
import type { Prisma } from '../../generated/client/client.ts';
import type { Locale } from '../../generated/client/enums.ts';
import { hourLogs } from './hours.ts';
import { at, day, orgId, stableId } from './ids.ts';
import { organizations, type OrgSlug } from './organizations.ts';
import { areas } from './reference.ts';
import { staff, staffId } from './staff.ts';
import { volunteer, volunteerEmail, volunteerId } from './volunteers.ts';

interface CertificateDef {
  org: OrgSlug;
  volunteer: string;
  from: string;
  to: string;
  locale: Locale;
  includeCompetences?: boolean;
  note?: string;
  requestedAt: string;
  /** Issued by this staff member at this time, with this register number and description. */
  issued?: { by: string; at: string; number: string; description: string };
  revoked?: { at: string; note: string };
}

const CERTIFICATES: CertificateDef[] = [
  {
    org: 'drustvo-legebitra',
    volunteer: 'zala.novak',
    from: '2025-01-13',
    to: '2025-12-31',
    locale: 'sl',
    note: 'Potrebujem ga za prijavo na štipendijo.',
    requestedAt: '2026-01-12T18:40',
    issued: {
      by: 'ana.kos',
      at: '2026-01-20T10:15',
      number: '2026/1',
      description:
        'Izvajanje delavnic o sprejemanju raznolikosti na srednjih šolah v Ljubljani, soorganizacija dogodkov skupnosti in podpora pri spletnem svetovanju mladim.',
    },
  },
  {
    org: 'drustvo-legebitra',
    volunteer: 'gal.sinkovec',
    from: '2025-01-20',
    to: '2025-12-31',
    locale: 'en',
    note: 'For an Erasmus+ application, in English please.',
    requestedAt: '2026-01-28T21:05',
    issued: {
      by: 'ana.kos',
      at: '2026-02-03T09:30',
      number: '2026/2',
      description:
        'Peer educator at secondary-school workshops on diversity and inclusion in Ljubljana; helped prepare and run community events.',
    },
  },
  {
    org: 'pekarna-magdalenske-mreze',
    volunteer: 'nina.pavlic',
    from: '2025-02-03',
    to: '2025-12-31',
    locale: 'sl',
    requestedAt: '2026-01-09T12:00',
    issued: {
      by: 'maja.vidmar',
      at: '2026-01-15T11:00',
      number: '2026/1',
      description:
        'Pomoč pri izvedbi kulturnih in izobraževalnih programov v Pekarni Magdalenske mreže ter organizacija prostovoljskih akcij v soseski.',
    },
  },
  {
    org: 'slovenska-filantropija',
    volunteer: 'jonas.weber',
    from: '2025-02-03',
    to: '2025-06-30',
    locale: 'sl',
    requestedAt: '2026-01-05T16:20',
    issued: {
      by: 'urska.kolar',
      at: '2026-01-07T10:00',
      number: '2026/1',
      description: 'Podpora pri programih za mlade in pri promociji prostovoljstva.',
    },
    revoked: { at: '2026-01-08T09:10', note: 'Izdano z napačnim obdobjem; nadomešča ga potrdilo 2026/2.' },
  },
  {
    org: 'slovenska-filantropija',
    volunteer: 'jonas.weber',
    from: '2025-02-03',
    to: '2025-12-31',
    locale: 'sl',
    requestedAt: '2026-01-08T09:00',
    issued: {
      by: 'urska.kolar',
      at: '2026-01-08T09:20',
      number: '2026/2',
      description: 'Podpora pri programih za mlade in pri promociji prostovoljstva skozi vse leto 2025.',
    },
  },
  {
    org: 'pekarna-magdalenske-mreze',
    volunteer: 'marjan.lipovsek',
    from: '2025-04-01',
    to: '2026-10-31',
    locale: 'sl',
    includeCompetences: true,
    note: 'Za društvo upokojencev, ki zbira potrdila o prostovoljstvu svojih članov.',
    requestedAt: '2026-11-10T10:45',
  },
  {
    org: 'drustvo-parada-ponosa',
    volunteer: 'kaja.oblak',
    from: '2025-03-03',
    to: '2026-06-30',
    locale: 'sl',
    includeCompetences: true,
    note: 'Za življenjepis; prosim tudi kompetence iz evalvacij.',
    requestedAt: '2026-11-18T19:30',
  },
];

/** Demo codes are derived, not random: the demo is public anyway and must be the same on every run. */
function demoCode(key: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const symbols = [...createHash('sha256').update(`certificate-code:${key}`).digest().subarray(0, 12)]
    .map((b) => alphabet[b & 31])
    .join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 12)}`;
}

function snapshotOf(c: CertificateDef, key: string) {
  const v = volunteer(c.volunteer);
  const organization = organizations.find((o) => o.id === orgId(c.org))!;
  const logs = hourLogs.filter(
    (h) =>
      h.volunteerId === volunteerId(v) &&
      h.organizationId === orgId(c.org) &&
      h.status === 'APPROVED' &&
      (h.date as Date) >= day(c.from) &&
      (h.date as Date) <= day(c.to),
  );
  if (!logs.length) throw new Error(`certificate ${key}: no approved hours`);
  const sum = <K extends string>(keyOf: (h: (typeof logs)[number]) => K) => {
    const totals = new Map<K, number>();
    for (const h of logs) totals.set(keyOf(h), (totals.get(keyOf(h)) ?? 0) + h.minutes);
    return totals;
  };
  const byArea = sum((h) => h.areaCode as string);
  const issued = c.issued!;
  const issuer = staff(issued.by);
  return {
    version: 1,
    locale: c.locale,
    volunteer: { name: v.name, birthDate: v.birthDate },
    organization: {
      name: organization.name,
      address: organization.address ?? null,
      city: organization.city,
      registrationNumber: organization.registrationNumber ?? null,
    },
    period: { from: c.from, to: c.to },
    minutes: logs.reduce((total, h) => total + h.minutes, 0),
    areas: [...byArea]
      .map(([code, minutes]) => {
        const area = areas.find((a) => a.code === code)!;
        return { code, nameSl: area.nameSl, nameEn: area.nameEn, minutes };
      })
      .sort((a, b) => b.minutes - a.minutes || a.code.localeCompare(b.code)),
    workTypes: [...sum((h) => h.workType as string)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([workType, minutes]) => ({ workType, minutes })),
    description: issued.description,
    competences: c.includeCompetences ? [] : null,
    issuedBy: { name: issuer.name, title: issuer.roles.find((r) => r.org === c.org)?.title ?? null },
    registerNumber: issued.number,
    verificationCode: demoCode(key),
    issuedAt: at(issued.at).toISOString(),
  };
}

const rows = CERTIFICATES.map((c) => {
  const key = `${volunteerEmail(volunteer(c.volunteer))}/${c.org}/${c.from}/${c.to}`;
  const snapshot = c.issued ? snapshotOf(c, key) : null;
  return { c, key, snapshot };
});

export const certificates: Prisma.CertificateCreateManyInput[] = rows.map(({ c, key, snapshot }) => ({
  id: stableId('certificate', key),
  volunteerId: volunteerId(volunteer(c.volunteer)),
  organizationId: orgId(c.org),
  status: c.revoked ? 'REVOKED' : c.issued ? 'ISSUED' : 'REQUESTED',
  periodFrom: day(c.from),
  periodTo: day(c.to),
  includeCompetences: c.includeCompetences ?? false,
  locale: c.locale,
  requestNote: c.note ?? null,
  snapshot: snapshot ?? undefined,
  description: c.issued?.description ?? null,
  minutes: snapshot?.minutes ?? null,
  verificationCode: snapshot?.verificationCode ?? null,
  registerNumber: c.issued?.number ?? null,
  issuedAt: c.issued ? at(c.issued.at) : null,
  issuedById: c.issued ? staffId(c.issued.by) : null,
  decidedNote: c.revoked?.note ?? null,
  revokedAt: c.revoked ? at(c.revoked.at) : null,
  idempotencyKey: `seed-certificate-${stableId('certificate', key)}`,
  requestedAt: at(c.requestedAt),
  updatedAt: at(c.revoked?.at ?? c.issued?.at ?? c.requestedAt),
}));

/** The register's audit trail: every issue and revocation. */
export const certificateAuditLogs: Prisma.AuditLogCreateManyInput[] = rows.flatMap(({ c, key }) => {
  const id = stableId('certificate', key);
  const entries: Prisma.AuditLogCreateManyInput[] = [];
  if (c.issued) {
    entries.push({
      id: stableId('auditLog', `certificate.issue/${id}`),
      actorId: staffId(c.issued.by),
      organizationId: orgId(c.org),
      action: 'certificate.issue',
      subjectType: 'Certificate',
      subjectId: id,
      details: { registerNumber: c.issued.number },
      createdAt: at(c.issued.at),
    });
  }
  if (c.revoked && c.issued) {
    entries.push({
      id: stableId('auditLog', `certificate.revoke/${id}`),
      actorId: staffId(c.issued.by),
      organizationId: orgId(c.org),
      action: 'certificate.revoke',
      subjectType: 'Certificate',
      subjectId: id,
      details: { registerNumber: c.issued.number },
      createdAt: at(c.revoked.at),
    });
  }
  return entries;
});
