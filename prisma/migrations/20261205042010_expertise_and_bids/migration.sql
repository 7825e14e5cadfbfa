-- CreateEnum
CREATE TYPE "BidPreference" AS ENUM ('WANT', 'RATHER_NOT');

-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "topicFieldKey" TEXT;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "topicTags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "topicsTaggedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "assignmentCap" INTEGER,
ADD COLUMN     "bidWeight" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "biddingOpen" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "expertiseWeight" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "Juror" ADD COLUMN     "expertise" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "CallTopic" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" JSONB NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bid" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "jurorId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "preference" "BidPreference" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Bid_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CallTopic_callId_key_key" ON "CallTopic"("callId", "key");

-- CreateIndex
CREATE INDEX "Bid_roundId_idx" ON "Bid"("roundId");

-- CreateIndex
CREATE INDEX "Bid_applicationId_idx" ON "Bid"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Bid_jurorId_applicationId_key" ON "Bid"("jurorId", "applicationId");

-- AddForeignKey
ALTER TABLE "CallTopic" ADD CONSTRAINT "CallTopic_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_roundId_jurorId_fkey" FOREIGN KEY ("roundId", "jurorId") REFERENCES "Juror"("roundId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Checks the schema language cannot express.
ALTER TABLE "CallTopic" ADD CONSTRAINT "CallTopic_key_check" CHECK ("key" ~ '^[a-z0-9]+(_[a-z0-9]+)*$');
ALTER TABLE "Round" ADD CONSTRAINT "Round_affinity_weights_check" CHECK ("expertiseWeight" BETWEEN 0 AND 10 AND "bidWeight" BETWEEN 0 AND 10);
ALTER TABLE "Round" ADD CONSTRAINT "Round_assignmentCap_check" CHECK ("assignmentCap" IS NULL OR "assignmentCap" >= 1);
