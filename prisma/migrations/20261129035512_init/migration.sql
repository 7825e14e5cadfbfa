-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('APPLICANT', 'JUROR', 'STAFF', 'ADMIN');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ar', 'fr', 'en');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('QUEUED', 'SENT', 'CAPTURED', 'FAILED');

-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CLOSED', 'DECIDED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "FieldType" AS ENUM ('SHORT_TEXT', 'LONG_TEXT', 'NUMBER', 'MONEY', 'DATE', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'EMAIL', 'PHONE', 'URL', 'REGION', 'FILE');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'ELIGIBLE', 'INELIGIBLE', 'IN_REVIEW', 'SHORTLISTED', 'WINNER', 'NOT_SELECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "EligibilitySuggestion" AS ENUM ('ELIGIBLE', 'INELIGIBLE', 'UNSURE');

-- CreateEnum
CREATE TYPE "RoundType" AS ENUM ('SCORING', 'BALLOT');

-- CreateEnum
CREATE TYPE "RankingMethod" AS ENUM ('NORMALISED', 'MEAN');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ConflictSource" AS ENUM ('DECLARED', 'STAFF', 'SUGGESTED');

-- CreateEnum
CREATE TYPE "ConflictStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "ScorecardStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "BallotStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('WINNER', 'NOT_SELECTED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'fr',
    "roles" "Role"[] DEFAULT ARRAY['APPLICANT']::"Role"[],
    "organisation" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "invitedById" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" UUID,
    "roundId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThrottleEvent" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThrottleEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" UUID NOT NULL,
    "toAddress" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "dedupeKey" TEXT,
    "userId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Call" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "eligibility" JSONB NOT NULL,
    "locales" "Locale"[] DEFAULT ARRAY['ar', 'fr', 'en']::"Locale"[],
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Africa/Casablanca',
    "status" "CallStatus" NOT NULL DEFAULT 'DRAFT',
    "referencePrefix" TEXT NOT NULL,
    "maxApplicationsPerApplicant" INTEGER NOT NULL DEFAULT 1,
    "formVersion" INTEGER NOT NULL DEFAULT 1,
    "feedbackEnabled" BOOLEAN NOT NULL DEFAULT false,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormSection" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "description" JSONB,
    "position" INTEGER NOT NULL,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FormSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormField" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "sectionId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "type" "FieldType" NOT NULL,
    "label" JSONB NOT NULL,
    "help" JSONB,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "identifying" BOOLEAN NOT NULL DEFAULT false,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "limits" JSONB NOT NULL DEFAULT '{}',
    "options" JSONB,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FormField_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormVersion" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "answers" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "formVersion" INTEGER,
    "title" TEXT,
    "reference" TEXT,
    "submittedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "eligibilitySuggestion" "EligibilitySuggestion",
    "eligibilityReasons" JSONB,
    "screeningNote" TEXT,
    "screenedById" UUID,
    "screenedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "callId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "lastValue" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("callId","year")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "fieldKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" UUID,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "name" JSONB NOT NULL,
    "type" "RoundType" NOT NULL DEFAULT 'SCORING',
    "blind" BOOLEAN NOT NULL DEFAULT true,
    "scorecardsRequired" INTEGER NOT NULL DEFAULT 3,
    "disagreementThreshold" DOUBLE PRECISION NOT NULL DEFAULT 15,
    "method" "RankingMethod" NOT NULL DEFAULT 'NORMALISED',
    "instructions" JSONB,
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "status" "RoundStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundApplication" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "addedById" UUID,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" JSONB NOT NULL,
    "guidance" JSONB,
    "weight" DOUBLE PRECISION NOT NULL,
    "scaleMin" INTEGER NOT NULL,
    "scaleMax" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Juror" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "conflictsReviewedAt" TIMESTAMP(3),

    CONSTRAINT "Juror_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictOfInterest" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "reason" TEXT,
    "source" "ConflictSource" NOT NULL DEFAULT 'DECLARED',
    "status" "ConflictStatus" NOT NULL DEFAULT 'CONFIRMED',
    "declaredById" UUID,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConflictOfInterest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "jurorId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "assignedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scorecard" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "status" "ScorecardStatus" NOT NULL DEFAULT 'DRAFT',
    "overallComment" TEXT,
    "commentShareable" BOOLEAN NOT NULL DEFAULT false,
    "weightedScore" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "reopenedAt" TIMESTAMP(3),
    "reopenReason" TEXT,
    "reopenedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreValue" (
    "scorecardId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "shareable" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoreValue_pkey" PRIMARY KEY ("scorecardId","criterionId")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "jurorId" UUID NOT NULL,
    "status" "BallotStatus" NOT NULL DEFAULT 'DRAFT',
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotEntry" (
    "ballotId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "BallotEntry_pkey" PRIMARY KEY ("ballotId","applicationId")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "roundId" UUID,
    "outcome" "DecisionOutcome" NOT NULL,
    "note" TEXT,
    "message" TEXT,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionTemplate" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "subject" JSONB NOT NULL,
    "body" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DecisionTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordReset_userId_idx" ON "PasswordReset"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE INDEX "Invitation_roundId_idx" ON "Invitation"("roundId");

-- CreateIndex
CREATE INDEX "ThrottleEvent_kind_key_createdAt_idx" ON "ThrottleEvent"("kind", "key", "createdAt");

-- CreateIndex
CREATE INDEX "ThrottleEvent_createdAt_idx" ON "ThrottleEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "EmailMessage_status_createdAt_idx" ON "EmailMessage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "EmailMessage_userId_idx" ON "EmailMessage"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Call_slug_key" ON "Call"("slug");

-- CreateIndex
CREATE INDEX "Call_status_opensAt_idx" ON "Call"("status", "opensAt");

-- CreateIndex
CREATE INDEX "FormSection_callId_position_idx" ON "FormSection"("callId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "FormSection_callId_key_key" ON "FormSection"("callId", "key");

-- CreateIndex
CREATE INDEX "FormField_sectionId_position_idx" ON "FormField"("sectionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "FormField_callId_key_key" ON "FormField"("callId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "FormVersion_callId_version_key" ON "FormVersion"("callId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Application_reference_key" ON "Application"("reference");

-- CreateIndex
CREATE INDEX "Application_callId_status_submittedAt_idx" ON "Application"("callId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Application_ownerId_callId_idx" ON "Application"("ownerId", "callId");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_applicationId_fieldKey_idx" ON "Attachment"("applicationId", "fieldKey");

-- CreateIndex
CREATE UNIQUE INDEX "Round_callId_number_key" ON "Round"("callId", "number");

-- CreateIndex
CREATE INDEX "RoundApplication_applicationId_idx" ON "RoundApplication"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "RoundApplication_roundId_applicationId_key" ON "RoundApplication"("roundId", "applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_roundId_key_key" ON "Criterion"("roundId", "key");

-- CreateIndex
CREATE INDEX "Juror_userId_idx" ON "Juror"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Juror_roundId_userId_key" ON "Juror"("roundId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Juror_roundId_id_key" ON "Juror"("roundId", "id");

-- CreateIndex
CREATE INDEX "ConflictOfInterest_applicationId_idx" ON "ConflictOfInterest"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictOfInterest_userId_applicationId_key" ON "ConflictOfInterest"("userId", "applicationId");

-- CreateIndex
CREATE INDEX "Assignment_jurorId_idx" ON "Assignment"("jurorId");

-- CreateIndex
CREATE INDEX "Assignment_roundId_applicationId_idx" ON "Assignment"("roundId", "applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_roundId_jurorId_applicationId_key" ON "Assignment"("roundId", "jurorId", "applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_assignmentId_key" ON "Scorecard"("assignmentId");

-- CreateIndex
CREATE INDEX "ScoreValue_criterionId_idx" ON "ScoreValue"("criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_roundId_jurorId_key" ON "Ballot"("roundId", "jurorId");

-- CreateIndex
CREATE INDEX "BallotEntry_applicationId_idx" ON "BallotEntry"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "BallotEntry_ballotId_position_key" ON "BallotEntry"("ballotId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_applicationId_key" ON "Decision"("applicationId");

-- CreateIndex
CREATE INDEX "Decision_roundId_idx" ON "Decision"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionTemplate_callId_outcome_key" ON "DecisionTemplate"("callId", "outcome");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormSection" ADD CONSTRAINT "FormSection_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormField" ADD CONSTRAINT "FormField_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormField" ADD CONSTRAINT "FormField_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "FormSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormVersion" ADD CONSTRAINT "FormVersion_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormVersion" ADD CONSTRAINT "FormVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_screenedById_fkey" FOREIGN KEY ("screenedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceCounter" ADD CONSTRAINT "ReferenceCounter_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundApplication" ADD CONSTRAINT "RoundApplication_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundApplication" ADD CONSTRAINT "RoundApplication_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundApplication" ADD CONSTRAINT "RoundApplication_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Juror" ADD CONSTRAINT "Juror_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Juror" ADD CONSTRAINT "Juror_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictOfInterest" ADD CONSTRAINT "ConflictOfInterest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictOfInterest" ADD CONSTRAINT "ConflictOfInterest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictOfInterest" ADD CONSTRAINT "ConflictOfInterest_declaredById_fkey" FOREIGN KEY ("declaredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictOfInterest" ADD CONSTRAINT "ConflictOfInterest_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_roundId_jurorId_fkey" FOREIGN KEY ("roundId", "jurorId") REFERENCES "Juror"("roundId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_roundId_applicationId_fkey" FOREIGN KEY ("roundId", "applicationId") REFERENCES "RoundApplication"("roundId", "applicationId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_reopenedById_fkey" FOREIGN KEY ("reopenedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreValue" ADD CONSTRAINT "ScoreValue_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreValue" ADD CONSTRAINT "ScoreValue_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_roundId_jurorId_fkey" FOREIGN KEY ("roundId", "jurorId") REFERENCES "Juror"("roundId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotEntry" ADD CONSTRAINT "BallotEntry_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotEntry" ADD CONSTRAINT "BallotEntry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionTemplate" ADD CONSTRAINT "DecisionTemplate_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- =============================================================================================
-- Hand-written: integrity rules that Prisma's schema language cannot express. They are not in
-- schema.snapshot.prisma, so later generated migrations leave them alone. Prisma's own diffing
-- ignores CHECK constraints and triggers.
-- =============================================================================================

-- People: emails are stored trimmed and lower-case (sign-in compares them exactly).
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase_check" CHECK ("email" = lower(btrim("email")));
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_email_lowercase_check" CHECK ("email" = lower(btrim("email")));
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_attempts_check" CHECK ("attempts" >= 0);

-- Calls and forms.
ALTER TABLE "Call" ADD CONSTRAINT "Call_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "Call" ADD CONSTRAINT "Call_referencePrefix_check" CHECK ("referencePrefix" ~ '^[A-Z0-9]{2,10}$');
ALTER TABLE "Call" ADD CONSTRAINT "Call_dates_check" CHECK ("closesAt" > "opensAt");
ALTER TABLE "Call" ADD CONSTRAINT "Call_maxApplicationsPerApplicant_check" CHECK ("maxApplicationsPerApplicant" >= 1);
ALTER TABLE "Call" ADD CONSTRAINT "Call_formVersion_check" CHECK ("formVersion" >= 1);
ALTER TABLE "FormVersion" ADD CONSTRAINT "FormVersion_version_check" CHECK ("version" >= 1);

-- Applications: a submitted one (any status but DRAFT and WITHDRAWN) has its date and reference.
ALTER TABLE "Application" ADD CONSTRAINT "Application_version_check" CHECK ("version" >= 1);
ALTER TABLE "Application" ADD CONSTRAINT "Application_formVersion_check" CHECK ("formVersion" IS NULL OR "formVersion" >= 1);
ALTER TABLE "Application" ADD CONSTRAINT "Application_submitted_check"
  CHECK ("status" IN ('DRAFT', 'WITHDRAWN') OR ("submittedAt" IS NOT NULL AND "reference" IS NOT NULL));
ALTER TABLE "ReferenceCounter" ADD CONSTRAINT "ReferenceCounter_lastValue_check" CHECK ("lastValue" >= 0);
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_size_check" CHECK ("size" >= 0);
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');

-- Rounds and scoring. A float CHECK must also exclude NaN, which PostgreSQL sorts above every number.
ALTER TABLE "Round" ADD CONSTRAINT "Round_number_check" CHECK ("number" >= 1);
ALTER TABLE "Round" ADD CONSTRAINT "Round_scorecardsRequired_check" CHECK ("scorecardsRequired" >= 1);
ALTER TABLE "Round" ADD CONSTRAINT "Round_disagreementThreshold_check"
  CHECK ("disagreementThreshold" >= 0 AND "disagreementThreshold" < 'Infinity'::float8);
ALTER TABLE "Round" ADD CONSTRAINT "Round_dates_check" CHECK ("opensAt" IS NULL OR "closesAt" IS NULL OR "closesAt" > "opensAt");
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_weight_check" CHECK ("weight" > 0 AND "weight" < 'Infinity'::float8);
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_scale_check" CHECK ("scaleMax" > "scaleMin");
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_version_check" CHECK ("version" >= 1);
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_weightedScore_check"
  CHECK ("weightedScore" IS NULL OR ("weightedScore" >= 0 AND "weightedScore" <= 100));
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_submitted_check"
  CHECK ("status" = 'DRAFT' OR ("submittedAt" IS NOT NULL AND "weightedScore" IS NOT NULL));
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_version_check" CHECK ("version" >= 1);
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_submitted_check" CHECK ("status" = 'DRAFT' OR "submittedAt" IS NOT NULL);
ALTER TABLE "BallotEntry" ADD CONSTRAINT "BallotEntry_position_check" CHECK ("position" >= 1);

-- A score lies within its criterion's scale, and the criterion belongs to the scorecard's round
-- (three primary-key lookups per row written).
CREATE FUNCTION "score_value_check"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  scale_min integer;
  scale_max integer;
  same_round boolean;
BEGIN
  SELECT c."scaleMin", c."scaleMax", c."roundId" = a."roundId"
    INTO scale_min, scale_max, same_round
    FROM "Criterion" c, "Scorecard" s JOIN "Assignment" a ON a."id" = s."assignmentId"
   WHERE c."id" = NEW."criterionId" AND s."id" = NEW."scorecardId";
  IF NOT same_round THEN
    RAISE EXCEPTION 'ScoreValue: criterion % is not a criterion of the scorecard''s round', NEW."criterionId"
      USING ERRCODE = 'check_violation';
  END IF;
  IF NOT (NEW."value" >= scale_min AND NEW."value" <= scale_max) THEN
    RAISE EXCEPTION 'ScoreValue: % is outside the scale [%, %] of criterion %', NEW."value", scale_min, scale_max, NEW."criterionId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ScoreValue_check" BEFORE INSERT OR UPDATE OF "value", "criterionId", "scorecardId" ON "ScoreValue"
  FOR EACH ROW EXECUTE FUNCTION "score_value_check"();

-- A submitted application is never lost or changed silently: its answers, form version,
-- reference, submission date and call are frozen, and it cannot be deleted (withdraw it instead).
-- (SQLSTATE 55000 rather than 23001, which Prisma would report as a relation error.)
CREATE FUNCTION "application_submission_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."submittedAt" IS NOT NULL THEN
      RAISE EXCEPTION 'Application % was submitted: it cannot be deleted', OLD."id"
        USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."submittedAt" IS NOT NULL AND (
       NEW."answers" IS DISTINCT FROM OLD."answers"
    OR NEW."formVersion" IS DISTINCT FROM OLD."formVersion"
    OR NEW."reference" IS DISTINCT FROM OLD."reference"
    OR NEW."submittedAt" IS DISTINCT FROM OLD."submittedAt"
    OR NEW."callId" IS DISTINCT FROM OLD."callId") THEN
    RAISE EXCEPTION 'Application % was submitted: its answers, form version, reference, submission date and call are frozen', OLD."id"
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Application_submission_guard" BEFORE UPDATE OR DELETE ON "Application"
  FOR EACH ROW EXECUTE FUNCTION "application_submission_guard"();

-- The audit trail is append-only. Statement-level, so that even an UPDATE or DELETE matching no
-- row fails. (Retention purges, if ever needed, are a DBA's job: ALTER TABLE ... DISABLE TRIGGER.)
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
