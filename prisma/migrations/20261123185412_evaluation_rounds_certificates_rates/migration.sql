-- CreateEnum
CREATE TYPE "IndicatorMetric" AS ENUM ('INTERVISION_SESSIONS', 'ORGANIZATIONS_USING_SHARED_MODEL', 'EVALUATION_RESPONSES', 'MENTORED_VOLUNTEERS', 'ACTIVE_VOLUNTEERS', 'APPROVED_HOURS');

-- CreateEnum
CREATE TYPE "CertificateStatus" AS ENUM ('REQUESTED', 'ISSUED', 'DECLINED', 'REVOKED');

-- CreateEnum
CREATE TYPE "EvaluationRoundPhase" AS ENUM ('START', 'MIDDLE', 'END', 'PERIODIC');

-- DropIndex
DROP INDEX "MentorAssignment_mentorId_volunteerId_organizationId_key";

-- AlterTable
ALTER TABLE "EvaluationResponse" ADD COLUMN     "roundId" TEXT;

-- AlterTable
ALTER TABLE "EvaluationTemplate" ADD COLUMN     "createdById" TEXT;

-- AlterTable
ALTER TABLE "HourLog" ADD COLUMN     "agreementId" TEXT;

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "metric" "IndicatorMetric";

-- AlterTable
ALTER TABLE "IndicatorProgress" ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "recordedById" TEXT;

-- AlterTable
ALTER TABLE "IntervisionSession" ADD COLUMN     "idempotencyKey" TEXT;

-- AlterTable
ALTER TABLE "LearningGoal" ADD COLUMN     "idempotencyKey" TEXT;

-- AlterTable
ALTER TABLE "MentorAssignment" ADD COLUMN     "createdById" TEXT;

-- AlterTable
ALTER TABLE "VolunteerAgreement" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "idempotencyKey" TEXT;

-- CreateTable
CREATE TABLE "HourRate" (
    "year" INTEGER NOT NULL,
    "workType" "WorkType" NOT NULL,
    "centsPerHour" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HourRate_pkey" PRIMARY KEY ("year","workType")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "volunteerId" TEXT,
    "organizationId" TEXT NOT NULL,
    "status" "CertificateStatus" NOT NULL DEFAULT 'REQUESTED',
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "includeCompetences" BOOLEAN NOT NULL DEFAULT false,
    "locale" "Locale" NOT NULL DEFAULT 'sl',
    "requestNote" TEXT,
    "snapshot" JSONB,
    "description" TEXT,
    "minutes" INTEGER,
    "verificationCode" TEXT,
    "registerNumber" TEXT,
    "issuedAt" TIMESTAMP(3),
    "issuedById" TEXT,
    "decidedNote" TEXT,
    "revokedAt" TIMESTAMP(3),
    "idempotencyKey" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationDraft" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "respondentId" TEXT NOT NULL,
    "subjectUserId" TEXT,
    "opportunityId" TEXT,
    "subjectKey" TEXT NOT NULL,
    "roundId" TEXT,
    "answers" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationRound" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT,
    "opportunityId" TEXT,
    "templateId" TEXT NOT NULL,
    "phase" "EvaluationRoundPhase" NOT NULL,
    "titleSl" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "opensOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "reminderDaysBefore" INTEGER[] DEFAULT ARRAY[7, 1]::INTEGER[],
    "createdById" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationRequest" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "respondentId" TEXT NOT NULL,
    "subjectUserId" TEXT,
    "subjectKey" TEXT NOT NULL,
    "responseId" TEXT,
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "lastRemindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_verificationCode_key" ON "Certificate"("verificationCode");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_idempotencyKey_key" ON "Certificate"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Certificate_volunteerId_idx" ON "Certificate"("volunteerId");

-- CreateIndex
CREATE INDEX "Certificate_organizationId_status_idx" ON "Certificate"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_organizationId_registerNumber_key" ON "Certificate"("organizationId", "registerNumber");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationDraft_respondentId_templateId_organizationId_subj_key" ON "EvaluationDraft"("respondentId", "templateId", "organizationId", "subjectKey");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationRound_idempotencyKey_key" ON "EvaluationRound"("idempotencyKey");

-- CreateIndex
CREATE INDEX "EvaluationRound_organizationId_dueOn_idx" ON "EvaluationRound"("organizationId", "dueOn");

-- CreateIndex
CREATE INDEX "EvaluationRound_projectId_idx" ON "EvaluationRound"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationRequest_responseId_key" ON "EvaluationRequest"("responseId");

-- CreateIndex
CREATE INDEX "EvaluationRequest_respondentId_idx" ON "EvaluationRequest"("respondentId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationRequest_roundId_respondentId_subjectKey_key" ON "EvaluationRequest"("roundId", "respondentId", "subjectKey");

-- CreateIndex
CREATE INDEX "EvaluationResponse_roundId_idx" ON "EvaluationResponse"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorProgress_idempotencyKey_key" ON "IndicatorProgress"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "IntervisionSession_idempotencyKey_key" ON "IntervisionSession"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "LearningGoal_idempotencyKey_key" ON "LearningGoal"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "MentorAssignment_mentorId_volunteerId_organizationId_starts_key" ON "MentorAssignment"("mentorId", "volunteerId", "organizationId", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerAgreement_idempotencyKey_key" ON "VolunteerAgreement"("idempotencyKey");

-- AddForeignKey
ALTER TABLE "IndicatorProgress" ADD CONSTRAINT "IndicatorProgress_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerAgreement" ADD CONSTRAINT "VolunteerAgreement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HourLog" ADD CONSTRAINT "HourLog_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "VolunteerAgreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationTemplate" ADD CONSTRAINT "EvaluationTemplate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResponse" ADD CONSTRAINT "EvaluationResponse_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "EvaluationRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationDraft" ADD CONSTRAINT "EvaluationDraft_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "EvaluationTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationDraft" ADD CONSTRAINT "EvaluationDraft_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationDraft" ADD CONSTRAINT "EvaluationDraft_respondentId_fkey" FOREIGN KEY ("respondentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationDraft" ADD CONSTRAINT "EvaluationDraft_subjectUserId_fkey" FOREIGN KEY ("subjectUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationDraft" ADD CONSTRAINT "EvaluationDraft_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationDraft" ADD CONSTRAINT "EvaluationDraft_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "EvaluationRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRound" ADD CONSTRAINT "EvaluationRound_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRound" ADD CONSTRAINT "EvaluationRound_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRound" ADD CONSTRAINT "EvaluationRound_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRound" ADD CONSTRAINT "EvaluationRound_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "EvaluationTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRound" ADD CONSTRAINT "EvaluationRound_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRequest" ADD CONSTRAINT "EvaluationRequest_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "EvaluationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRequest" ADD CONSTRAINT "EvaluationRequest_respondentId_fkey" FOREIGN KEY ("respondentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRequest" ADD CONSTRAINT "EvaluationRequest_subjectUserId_fkey" FOREIGN KEY ("subjectUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRequest" ADD CONSTRAINT "EvaluationRequest_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "EvaluationResponse"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorAssignment" ADD CONSTRAINT "MentorAssignment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The rates the AJPES annual report uses (EUR per hour of organisational, content and other work).
-- Later years are added through the API or CLI when the ministry changes them.
INSERT INTO "HourRate" ("year", "workType", "centsPerHour", "updatedAt") VALUES
  (2024, 'ORGANISATIONAL', 1300, CURRENT_TIMESTAMP),
  (2024, 'CONTENT', 1000, CURRENT_TIMESTAMP),
  (2024, 'OTHER', 600, CURRENT_TIMESTAMP);
