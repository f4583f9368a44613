-- Trigram matching for the `contains` search on Opportunity.searchText. Prisma does not
-- manage extensions; PGlite loads pg_trgm in database.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "HourLog_organizationId_status_date_idx";

-- CreateIndex
CREATE INDEX "HourLog_organizationId_status_date_volunteerId_workType_are_idx" ON "HourLog"("organizationId", "status", "date", "volunteerId", "workType", "areaCode", "minutes");

-- CreateIndex
CREATE INDEX "Opportunity_searchText_idx" ON "Opportunity" USING GIN ("searchText" gin_trgm_ops);
