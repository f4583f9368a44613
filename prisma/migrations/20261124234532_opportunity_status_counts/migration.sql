-- CreateTable
CREATE TABLE "OpportunityStatusCount" (
    "status" "OpportunityStatus" NOT NULL,
    "opportunities" INTEGER NOT NULL,

    CONSTRAINT "OpportunityStatusCount_pkey" PRIMARY KEY ("status")
);

-- The table above holds, per status, how many "Opportunity" rows have it, so that the list's
-- totalCount without a filter reads one row instead of counting every published opportunity (a
-- count that grows with the catalogue). These triggers keep it so in the transaction that changes
-- the opportunities: statement-level triggers with transition tables, so a bulk insert (the seed,
-- COPY) costs one grouped upsert per statement. The rows are changed in the order of the status,
-- so two transactions that move opportunities in opposite directions (one publishes, the other
-- closes) wait for each other instead of deadlocking.
CREATE FUNCTION "opportunity_status_count_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE "OpportunityStatusCount" SET "opportunities" = 0;
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    INSERT INTO "OpportunityStatusCount" AS t ("status", "opportunities")
    SELECT "status", SUM(n) FROM (%s) d GROUP BY "status" HAVING SUM(n) <> 0 ORDER BY "status"
    ON CONFLICT ("status") DO UPDATE SET "opportunities" = t."opportunities" + EXCLUDED."opportunities"
  $q$, CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT "status", 1 AS n FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT "status", -1 AS n FROM old_rows'
    ELSE 'SELECT "status", 1 AS n FROM new_rows UNION ALL SELECT "status", -1 FROM old_rows'
  END);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Opportunity_status_count_insert" AFTER INSERT ON "Opportunity"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "opportunity_status_count_sync"();
CREATE TRIGGER "Opportunity_status_count_update" AFTER UPDATE ON "Opportunity"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "opportunity_status_count_sync"();
CREATE TRIGGER "Opportunity_status_count_delete" AFTER DELETE ON "Opportunity"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "opportunity_status_count_sync"();
CREATE TRIGGER "Opportunity_status_count_truncate" AFTER TRUNCATE ON "Opportunity"
  FOR EACH STATEMENT EXECUTE FUNCTION "opportunity_status_count_sync"();

INSERT INTO "OpportunityStatusCount" ("status", "opportunities")
SELECT "status", COUNT(*) FROM "Opportunity" GROUP BY "status";
