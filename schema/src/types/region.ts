import { builder } from '../builder.ts';
import { localizedColumns } from '../sql-render.ts';

export const RegionRef = builder.prismaObject('Region', {
  description: 'One of the 12 Slovenian statistical regions.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. "osrednjeslovenska"; use it in filters.' }),
    nutsCode: t.exposeString('nutsCode', { description: 'NUTS 3 code, e.g. "SI041".' }),
    name: t.string({ description: 'Name in the language of the request.', ...localizedColumns('nameSl', 'nameEn') }),
  }),
});

builder.queryField('regions', (t) =>
  t.prismaField({
    type: [RegionRef],
    description: 'All 12 statistical regions, in the official order.',
    resolve: (query, _, __, ctx) => ctx.prisma.region.findMany({ ...query, orderBy: { sortOrder: 'asc' } }),
  }),
);
