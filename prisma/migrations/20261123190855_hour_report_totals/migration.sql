-- CreateTable
CREATE TABLE "HourReportVolunteer" (
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "entries" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "organisationalMinutes" INTEGER NOT NULL,
    "contentMinutes" INTEGER NOT NULL,
    "otherMinutes" INTEGER NOT NULL,

    CONSTRAINT "HourReportVolunteer_pkey" PRIMARY KEY ("organizationId","year","volunteerId")
);

-- CreateTable
CREATE TABLE "HourReportBucket" (
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "entries" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,

    CONSTRAINT "HourReportBucket_pkey" PRIMARY KEY ("organizationId","year","dimension","key","volunteerId")
);

-- The report counts and sums a year's rows per bucket from this index alone (index-only scan).
CREATE INDEX "HourReportBucket_organizationId_year_dimension_key_minutes_idx" ON "HourReportBucket"("organizationId", "year", "dimension", "key", "minutes");

-- The tables above hold, per organisation, year and volunteer, the sums over APPROVED "HourLog"
-- rows. These triggers keep them so in the transaction that changes the entries: statement-level
-- triggers with transition tables, so a bulk insert (the seed, COPY) costs one grouped upsert per
-- statement, not one per row. An update that leaves the counted columns as they were (an erasure
-- blanking the activity, say) changes nothing.
CREATE FUNCTION "hour_report_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
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
        ("organizationId", "year", "volunteerId", "entries", "minutes", "organisationalMinutes", "contentMinutes", "otherMinutes")
      SELECT o, y, v, SUM(n), SUM(m),
        COALESCE(SUM(m) FILTER (WHERE w = 'ORGANISATIONAL'), 0),
        COALESCE(SUM(m) FILTER (WHERE w = 'CONTENT'), 0),
        COALESCE(SUM(m) FILTER (WHERE w = 'OTHER'), 0)
      FROM d GROUP BY o, y, v
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

CREATE TRIGGER "HourLog_report_insert" AFTER INSERT ON "HourLog"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "hour_report_sync"();
CREATE TRIGGER "HourLog_report_update" AFTER UPDATE ON "HourLog"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "hour_report_sync"();
CREATE TRIGGER "HourLog_report_delete" AFTER DELETE ON "HourLog"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "hour_report_sync"();

-- Finding the emptied rows without reading the whole tables.
CREATE INDEX "HourReportVolunteer_empty_idx" ON "HourReportVolunteer" ("organizationId") WHERE "entries" = 0;
CREATE INDEX "HourReportBucket_empty_idx" ON "HourReportBucket" ("organizationId") WHERE "entries" = 0;

-- The entries recorded before this migration.
INSERT INTO "HourReportVolunteer"
  ("organizationId", "year", "volunteerId", "entries", "minutes", "organisationalMinutes", "contentMinutes", "otherMinutes")
SELECT "organizationId", EXTRACT(YEAR FROM "date")::int, "volunteerId", COUNT(*), SUM("minutes"),
  COALESCE(SUM("minutes") FILTER (WHERE "workType" = 'ORGANISATIONAL'), 0),
  COALESCE(SUM("minutes") FILTER (WHERE "workType" = 'CONTENT'), 0),
  COALESCE(SUM("minutes") FILTER (WHERE "workType" = 'OTHER'), 0)
FROM "HourLog" WHERE "status" = 'APPROVED' GROUP BY 1, 2, 3;

INSERT INTO "HourReportBucket" ("organizationId", "year", "dimension", "key", "volunteerId", "entries", "minutes")
SELECT "organizationId", EXTRACT(YEAR FROM "date")::int, 'AREA', "areaCode", "volunteerId", COUNT(*), SUM("minutes")
FROM "HourLog" WHERE "status" = 'APPROVED' GROUP BY 1, 2, 4, 5
UNION ALL
SELECT "organizationId", EXTRACT(YEAR FROM "date")::int, 'PLACE', COALESCE("place", ''), "volunteerId", COUNT(*), SUM("minutes")
FROM "HourLog" WHERE "status" = 'APPROVED' GROUP BY 1, 2, 4, 5;
