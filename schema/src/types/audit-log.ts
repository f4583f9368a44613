import { z } from 'zod';
import { builder } from '../builder.ts';
import { OrganizationRef } from './organization.ts';
import { StaffMemberRef } from './person.ts';

const AuditEntryRef = builder.prismaObject('AuditLog', {
  name: 'AuditEntry',
  description:
    "One entry of an organisation's audit log: decisions, reviews, role and key changes, secret-key use and reads of minors' data.",
  fields: (t) => ({
    action: t.exposeString('action', { description: 'What happened, e.g. "application.decide", "minor.read".' }),
    subjectType: t.exposeString('subjectType', { description: 'The kind of record it concerns, e.g. "Application".' }),
    subjectId: t.exposeString('subjectId', { description: 'The database id of that record.' }),
    actor: t.relation('actor', {
      type: StaffMemberRef,
      nullable: true,
      description: 'Who did it; null for a secret key, the command-line tool or an erased person.',
    }),
    apiKeyPrefix: t.string({
      nullable: true,
      description: 'The first characters of the API key the request came with, if any.',
      select: { apiKey: { select: { prefix: true } } },
      resolve: (entry) => entry.apiKey?.prefix ?? null,
    }),
    details: t.expose('details', {
      type: 'JSON',
      nullable: true,
      description: 'Particulars, e.g. { from, to } of a decision and the client IP address.',
    }),
    at: t.expose('createdAt', { type: 'DateTime', description: 'When it happened.' }),
  }),
});

builder.prismaObjectField(OrganizationRef, 'auditLog', (t) =>
  t.relatedConnection(
    'auditLogs',
    {
      type: AuditEntryRef,
      cursor: 'id',
      description: "The organisation's audit log, newest first. For its admins (audit:read).",
      authScopes: (o) => ({ can: { permission: 'audit:read', organizationId: o.id } }),
      args: {
        action: t.arg.string({
          required: false,
          description: 'Only entries with this action, e.g. "minor.read".',
          validate: z.string().max(100),
        }),
      },
      totalCount: true,
      query: (args) => ({
        where: args.action ? { action: args.action } : {},
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
    },
    { name: 'AuditEntryConnection', description: 'A page of audit entries.' },
    { name: 'AuditEntryEdge', description: 'An audit entry in a page.' },
  ),
);
