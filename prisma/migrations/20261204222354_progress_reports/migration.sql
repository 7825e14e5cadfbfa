-- CreateEnum
CREATE TYPE "ProgressReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'ACCEPTED');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "progressReportId" UUID;

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "reportForm" JSONB,
ADD COLUMN     "reportFormVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" UUID NOT NULL,
    "milestoneId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "status" "ProgressReportStatus" NOT NULL DEFAULT 'DRAFT',
    "answers" JSONB NOT NULL DEFAULT '{}',
    "indicatorValues" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "formVersion" INTEGER,
    "submittedAt" TIMESTAMP(3),
    "reviewComment" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProgressReport_applicationId_idx" ON "ProgressReport"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReport_milestoneId_applicationId_key" ON "ProgressReport"("milestoneId", "applicationId");

-- CreateIndex
CREATE INDEX "Attachment_progressReportId_idx" ON "Attachment"("progressReportId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_progressReportId_fkey" FOREIGN KEY ("progressReportId") REFERENCES "ProgressReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "ProgrammeMilestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
