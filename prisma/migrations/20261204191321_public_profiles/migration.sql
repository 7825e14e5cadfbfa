-- CreateEnum
CREATE TYPE "PublicProfileConsent" AS ENUM ('PENDING', 'GIVEN', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "resultsPublishedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PublicProfile" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "title" JSONB NOT NULL,
    "organisation" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "region" TEXT,
    "photoAttachmentId" UUID,
    "consent" "PublicProfileConsent" NOT NULL DEFAULT 'PENDING',
    "consentAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicProfile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublicProfile_applicationId_key" ON "PublicProfile"("applicationId");

-- CreateIndex
CREATE INDEX "PublicProfile_callId_consent_idx" ON "PublicProfile"("callId", "consent");

-- AddForeignKey
ALTER TABLE "PublicProfile" ADD CONSTRAINT "PublicProfile_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicProfile" ADD CONSTRAINT "PublicProfile_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicProfile" ADD CONSTRAINT "PublicProfile_photoAttachmentId_fkey" FOREIGN KEY ("photoAttachmentId") REFERENCES "Attachment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
