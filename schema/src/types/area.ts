import { builder } from '../builder.ts';
import { localizedColumns } from '../sql-render.ts';

export const AreaRef = builder.prismaObject('Area', {
  description: 'An area of volunteering, as in the yearly report to AJPES.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. "SOCIAL"; use it in filters.' }),
    name: t.string({ description: 'Name in the language of the request.', ...localizedColumns('nameSl', 'nameEn') }),
  }),
});

builder.queryField('areas', (t) =>
  t.prismaField({
    type: [AreaRef],
    description: 'All areas of volunteering.',
    resolve: (query, _, __, ctx) => ctx.prisma.area.findMany({ ...query, orderBy: { sortOrder: 'asc' } }),
  }),
);
