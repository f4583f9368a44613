import { builder } from '../builder.ts';
import { localized } from '../i18n.ts';
import { AreaRef } from './area.ts';
import { OrganizationKindEnum } from './enums.ts';

export const OrganizationRef = builder.prismaNode('Organization', {
  description: 'An NGO, public institution or municipality that runs or funds volunteering.',
  id: { field: 'id' },
  // Each field loads only its own columns: a list showing an organisation's name
  // does not read its description and contact details.
  select: { id: true },
  fields: (t) => ({
    slug: t.exposeString('slug', {
      description: "Stable short name used in URLs and the widgets' `organization` attribute.",
    }),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: OrganizationKindEnum }),
    registrationNumber: t.exposeString('registrationNumber', {
      nullable: true,
      description: 'Registration number (matična številka) in the Slovenian business register.',
    }),
    volunteerRegistry: t.exposeBoolean('volunteerRegistry', {
      description: 'Entered in the AJPES register of volunteer organisations.',
    }),
    region: t.relation('region'),
    city: t.exposeString('city'),
    address: t.exposeString('address', { nullable: true }),
    website: t.exposeString('website', { nullable: true }),
    contactEmail: t.exposeString('contactEmail', {
      nullable: true,
      description: "The organisation's public contact address.",
    }),
    contactPhone: t.exposeString('contactPhone', { nullable: true }),
    description: t.string({
      nullable: true,
      description: 'Description in the language of the request.',
      select: { descriptionSl: true, descriptionEn: true },
      resolve: (o, _, ctx) => (o.descriptionSl ? localized(ctx.locale, o.descriptionSl, o.descriptionEn) : null),
    }),
    areas: t.field({
      type: [AreaRef],
      description: 'Areas of volunteering the organisation works in.',
      select: { areas: { select: { area: true }, orderBy: { area: { sortOrder: 'asc' } } } },
      resolve: (o) => o.areas.map((a) => a.area),
    }),
  }),
});

builder.queryField('organization', (t) =>
  t.prismaField({
    type: OrganizationRef,
    nullable: true,
    description: 'An organisation by its slug.',
    args: { slug: t.arg.string({ description: 'e.g. "pekarna-magdalenske-mreze"' }) },
    resolve: (query, _, { slug }, ctx) => ctx.prisma.organization.findUnique({ ...query, where: { slug } }),
  }),
);

builder.queryField('organizations', (t) =>
  t.prismaConnection(
    {
      type: OrganizationRef,
      cursor: 'id',
      description: 'Organisations, by name.',
      args: {
        region: t.arg.string({ required: false, description: 'Region code.' }),
        area: t.arg.string({ required: false, description: 'Area code.' }),
      },
      resolve: (query, _, args, ctx) =>
        ctx.prisma.organization.findMany({
          ...query,
          where: {
            ...(args.region ? { regionCode: args.region } : {}),
            ...(args.area ? { areas: { some: { areaCode: args.area } } } : {}),
          },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
    },
    { name: 'OrganizationConnection', description: 'A page of organisations.' },
    { name: 'OrganizationEdge', description: 'An organisation in a page.' },
  ),
);
