// The naive baseline: a hand-rolled graphql-js server for the same public list,
// with one resolver per field that asks the database for one relation at a
// time (the N+1 way). Same field names and the same JSON as Tandem's answer.
import { createServer } from 'node:http';
import { buildSchema, graphql } from 'graphql';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const one = async (sql, params) => (await pool.query(sql, params)).rows[0] ?? null;
const all = async (sql, params) => (await pool.query(sql, params)).rows;
const globalId = (type, id) => Buffer.from(`${type}:${id}`).toString('base64');
const localized = (locale, sl, en) => (locale === 'en' && en ? en : sl);

const schema = buildSchema(/* GraphQL */ `
  scalar DateTime
  scalar JSON
  type Query {
    opportunities(first: Int, after: String, filter: OpportunityFilter): OpportunityConnection!
  }
  "Accepted so that the widgets' query runs unchanged; the bench sends no filter."
  input OpportunityFilter {
    region: String
  }
  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }
  type OpportunityConnection {
    totalCount: Int!
    pageInfo: PageInfo!
    edges: [OpportunityEdge!]!
  }
  type OpportunityEdge {
    cursor: String!
    node: Opportunity!
  }
  type Opportunity {
    id: ID!
    title: String!
    description: String!
    place: String
    remote: Boolean!
    freePlaces: Int
    startsAt: DateTime
    endsAt: DateTime
    skills: [String!]!
    organization: Organization!
    region: Region!
    area: Area!
    project: Project
    mentor: StaffMember
    shifts: [Shift!]!
    questions: [SignupQuestion!]!
  }
  type Organization {
    name: String!
    slug: String!
    region: Region!
  }
  type Region {
    code: String!
    name: String!
  }
  type Area {
    code: String!
    name: String!
  }
  type Project {
    name: String!
  }
  type StaffMember {
    name: String!
  }
  type Shift {
    id: ID!
    startsAt: DateTime!
    endsAt: DateTime!
    capacity: Int!
    freePlaces: Int!
    label: String
  }
  type SignupQuestion {
    id: ID!
    label: String!
    type: String!
    choices: [Choice!]!
  }
  type Choice {
    value: String!
    label: String!
  }
`);

const acceptedInShift = async (shiftId) =>
  Number(
    (await one(`SELECT count(*) AS n FROM "Application" WHERE "shiftId" = $1 AND status = 'ACCEPTED'`, [shiftId])).n,
  );

const resolvers = {
  Query: {
    async opportunities(_, { first = 20, after }) {
      const offset = after ? Number(Buffer.from(after, 'base64').toString().split(':')[1]) + 1 : 0;
      const rows = await all(
        `SELECT * FROM "Opportunity" WHERE status = 'PUBLISHED' ORDER BY "startsAt" ASC NULLS LAST, id DESC LIMIT $1 OFFSET $2`,
        [first + 1, offset],
      );
      const page = rows.slice(0, first);
      const edges = page.map((row, i) => ({
        cursor: Buffer.from(`offset:${offset + i}`).toString('base64'),
        node: row,
      }));
      return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  },
  OpportunityConnection: {
    totalCount: async () => Number((await one(`SELECT count(*) AS n FROM "Opportunity" WHERE status = 'PUBLISHED'`)).n),
  },
  Opportunity: {
    id: (o) => globalId('Opportunity', o.id),
    title: (o, _, ctx) => localized(ctx.locale, o.titleSl, o.titleEn),
    description: (o, _, ctx) => localized(ctx.locale, o.descriptionSl, o.descriptionEn),
    skills: (o) => o.skills ?? [],
    startsAt: (o) => o.startsAt?.toISOString() ?? null,
    endsAt: (o) => o.endsAt?.toISOString() ?? null,
    organization: (o) => one(`SELECT * FROM "Organization" WHERE id = $1`, [o.organizationId]),
    region: (o) => one(`SELECT * FROM "Region" WHERE code = $1`, [o.regionCode]),
    area: (o) => one(`SELECT * FROM "Area" WHERE code = $1`, [o.areaCode]),
    project: (o) => (o.projectId ? one(`SELECT * FROM "Project" WHERE id = $1`, [o.projectId]) : null),
    mentor: (o) => (o.mentorId ? one(`SELECT name FROM "User" WHERE id = $1`, [o.mentorId]) : null),
    shifts: (o) => all(`SELECT * FROM "Shift" WHERE "opportunityId" = $1 ORDER BY "startsAt", id`, [o.id]),
    questions: (o) => all(`SELECT * FROM "SignupQuestion" WHERE "opportunityId" = $1 ORDER BY position`, [o.id]),
    async freePlaces(o) {
      const shifts = await all(`SELECT * FROM "Shift" WHERE "opportunityId" = $1`, [o.id]);
      if (shifts.length) {
        let free = 0;
        for (const s of shifts) {
          if (s.startsAt.getTime() >= Date.now()) free += Math.max(0, s.capacity - (await acceptedInShift(s.id)));
        }
        return free;
      }
      if (o.capacity === null) return null;
      const accepted = await one(
        `SELECT count(*) AS n FROM "Application" WHERE "opportunityId" = $1 AND status = 'ACCEPTED'`,
        [o.id],
      );
      return Math.max(0, o.capacity - Number(accepted.n));
    },
  },
  Organization: {
    region: (o) => one(`SELECT * FROM "Region" WHERE code = $1`, [o.regionCode]),
  },
  Region: { name: (r, _, ctx) => localized(ctx.locale, r.nameSl, r.nameEn) },
  Area: { name: (a, _, ctx) => localized(ctx.locale, a.nameSl, a.nameEn) },
  Project: { name: (p, _, ctx) => localized(ctx.locale, p.nameSl, p.nameEn) },
  Shift: {
    id: (s) => globalId('Shift', s.id),
    startsAt: (s) => s.startsAt.toISOString(),
    endsAt: (s) => s.endsAt.toISOString(),
    label: (s, _, ctx) => (s.labelSl ? localized(ctx.locale, s.labelSl, s.labelEn) : null),
    freePlaces: async (s) => Math.max(0, s.capacity - (await acceptedInShift(s.id))),
  },
  SignupQuestion: {
    label: (q, _, ctx) => localized(ctx.locale, q.labelSl, q.labelEn),
    choices: (q) => (Array.isArray(q.options) ? q.options : []),
  },
  Choice: { label: (c, _, ctx) => localized(ctx.locale, c.labelSl, c.labelEn) },
};

for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName);
  for (const [fieldName, resolve] of Object.entries(fields)) type.getFields()[fieldName].resolve = resolve;
}

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    const { query, variables } = JSON.parse(Buffer.concat(chunks).toString() || '{}');
    const locale = /^\s*en/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'sl';
    const result = await graphql({ schema, source: query, variableValues: variables, contextValue: { locale } });
    const body = JSON.stringify(result);
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  } catch (error) {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.send?.({ ready: true });
  console.log(`naive listening on ${process.env.PORT}`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  pool.end().finally(() => process.exit(0));
});
