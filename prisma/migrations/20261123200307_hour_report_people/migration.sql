-- AlterTable
ALTER TABLE "HourReportVolunteer" ADD COLUMN     "birthYear" INTEGER,
ADD COLUMN     "gender" "Gender";

-- CreateIndex
CREATE INDEX "HourReportVolunteer_volunteerId_idx" ON "HourReportVolunteer"("volunteerId");

-- CreateIndex
CREATE INDEX "VolunteerAgreement_organizationId_volunteerId_startsOn_ends_idx" ON "VolunteerAgreement"("organizationId", "volunteerId", "startsOn", "endsOn", "status");

-- The report groups volunteers by gender and age from HourReportVolunteer alone: the totals now
-- carry the volunteer's gender and year of birth, filled in when a row is made and kept when the
-- person's data changes (an erasure keeps the year of birth and the gender, so reports stay).
CREATE OR REPLACE FUNCTION "hour_report_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols CONSTANT text := '"organizationId", "volunteerId", "date", "minutes", "workType", "areaCode", "place", "status"';
  counted CONSTANT text := 'SELECT "organizationId" AS o, EXTRACT(YEAR FROM "date")::int AS y, "volunteerId" AS v, '
    || '"workType" AS w, "areaCode" AS a, COALESCE("place", '''') AS p, %s "minutes" AS m, %s1 AS n '
    || 'FROM %I r WHERE "status" = ''APPROVED''';
  delta text;
  unchanged text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    delta := format(counted, '', '', 'new_rows');
  ELSIF TG_OP = 'DELETE' THEN
    delta := format(counted, '-', '-', 'old_rows');
  ELSE
    unchanged := format('AND NOT EXISTS (SELECT 1 FROM %%I x WHERE x.id = r.id AND (%s) IS NOT DISTINCT FROM (%s))',
      'x.' || replace(cols, ', ', ', x.'), 'r.' || replace(cols, ', ', ', r.'));
    delta := format(counted, '-', '-', 'old_rows') || ' ' || format(unchanged, 'new_rows')
      || ' UNION ALL ' || format(counted, '', '', 'new_rows') || ' ' || format(unchanged, 'old_rows');
  END IF;

  EXECUTE format($q$
    WITH d AS MATERIALIZED (%s),
    volunteers AS (
      INSERT INTO "HourReportVolunteer" AS t
        ("organizationId", "year", "volunteerId", "entries", "minutes", "organisationalMinutes", "contentMinutes", "otherMinutes",
         "gender", "birthYear")
      SELECT o, y, v, SUM(n), SUM(m),
        COALESCE(SUM(m) FILTER (WHERE w = 'ORGANISATIONAL'), 0),
        COALESCE(SUM(m) FILTER (WHERE w = 'CONTENT'), 0),
        COALESCE(SUM(m) FILTER (WHERE w = 'OTHER'), 0),
        u."gender", EXTRACT(YEAR FROM u."birthDate")::int
      FROM d JOIN "User" u ON u."id" = d.v GROUP BY o, y, v, u."gender", u."birthDate"
      ON CONFLICT ("organizationId", "year", "volunteerId") DO UPDATE SET
        "entries" = t."entries" + EXCLUDED."entries",
        "minutes" = t."minutes" + EXCLUDED."minutes",
        "organisationalMinutes" = t."organisationalMinutes" + EXCLUDED."organisationalMinutes",
        "contentMinutes" = t."contentMinutes" + EXCLUDED."contentMinutes",
        "otherMinutes" = t."otherMinutes" + EXCLUDED."otherMinutes"
    )
    INSERT INTO "HourReportBucket" AS t ("organizationId", "year", "dimension", "key", "volunteerId", "entries", "minutes")
    SELECT o, y, dimension, key, v, SUM(n), SUM(m)
    FROM (SELECT o, y, 'AREA' AS dimension, a AS key, v, n, m FROM d
          UNION ALL SELECT o, y, 'PLACE', p, v, n, m FROM d) b
    GROUP BY o, y, dimension, key, v
    ON CONFLICT ("organizationId", "year", "dimension", "key", "volunteerId") DO UPDATE SET
      "entries" = t."entries" + EXCLUDED."entries",
      "minutes" = t."minutes" + EXCLUDED."minutes"
  $q$, delta);

  -- Rows whose last approved entry went (a removal, rejection or move to another year).
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "HourReportVolunteer" WHERE "entries" = 0;
    DELETE FROM "HourReportBucket" WHERE "entries" = 0;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "hour_report_person"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "HourReportVolunteer"
  SET "gender" = NEW."gender", "birthYear" = EXTRACT(YEAR FROM NEW."birthDate")::int
  WHERE "volunteerId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "User_report_person" AFTER UPDATE OF "gender", "birthDate" ON "User"
  FOR EACH ROW WHEN (OLD."gender" IS DISTINCT FROM NEW."gender" OR OLD."birthDate" IS DISTINCT FROM NEW."birthDate")
  EXECUTE FUNCTION "hour_report_person"();

UPDATE "HourReportVolunteer" r
SET "gender" = u."gender", "birthYear" = EXTRACT(YEAR FROM u."birthDate")::int
FROM "User" u WHERE u."id" = r."volunteerId";
