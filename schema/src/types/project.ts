import { builder } from '../builder.ts';
import { localizedColumns } from '../sql-render.ts';
import { localized } from '../i18n.ts';
import { PartnerRoleEnum } from './enums.ts';
import { RegionRef } from './region.ts';

// Reached through Project.partners.
builder.prismaObject('ProjectPartner', {
  description: 'An organisation taking part in a project, with its role.',
  fields: (t) => ({
    role: t.expose('role', { type: PartnerRoleEnum }),
    organization: t.relation('organization'),
  }),
});

export const ProjectRef = builder.prismaNode('Project', {
  description: 'A partnership project: a lead organisation with partners, a funder and a period.',
  id: { field: 'id' },
  // Each field loads only its own columns (a field reading another column must select it).
  select: { id: true },
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.string({ description: 'Name in the language of the request.', ...localizedColumns('nameSl', 'nameEn') }),
    summary: t.string({
      description: 'Summary in the language of the request.',
      nullable: true,
      select: { summarySl: true, summaryEn: true },
      resolve: (p, _, ctx) => (p.summarySl ? localized(ctx.locale, p.summarySl, p.summaryEn) : null),
    }),
    funderName: t.exposeString('funderName', { description: "The funder's name as the contract gives it." }),
    funder: t.relation('funder', { nullable: true, description: 'The funder, when it is an organisation in Tandem.' }),
    startsOn: t.expose('startsOn', { type: 'Date' }),
    endsOn: t.expose('endsOn', { type: 'Date' }),
    partners: t.relation('partners', {
      description: 'Lead first, then partners, then associates.',
      query: { orderBy: [{ role: 'asc' }, { organization: { name: 'asc' } }] },
    }),
    regions: t.field({
      description: 'Regions where the project works.',
      type: [RegionRef],
      select: { regions: { select: { region: true }, orderBy: { region: { sortOrder: 'asc' } } } },
      resolve: (p) => p.regions.map((r) => r.region),
    }),
    indicators: t.relation('indicators', { query: { orderBy: { position: 'asc' } } }),
  }),
});

builder.queryField('project', (t) =>
  t.prismaField({
    type: ProjectRef,
    nullable: true,
    description: 'A partnership project by its slug.',
    args: { slug: t.arg.string() },
    resolve: (query, _, { slug }, ctx) => ctx.prisma.project.findUnique({ ...query, where: { slug } }),
  }),
);

builder.queryField('projects', (t) =>
  t.prismaConnection(
    {
      type: ProjectRef,
      cursor: 'id',
      description: 'Partnership projects, newest first.',
      resolve: (query, _, __, ctx) =>
        ctx.prisma.project.findMany({ ...query, orderBy: [{ startsOn: 'desc' }, { id: 'asc' }] }),
    },
    { name: 'ProjectConnection', description: 'A page of projects.' },
    { name: 'ProjectEdge', description: 'A project in a page.' },
  ),
);
