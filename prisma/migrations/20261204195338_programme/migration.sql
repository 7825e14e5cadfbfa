-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "IndicatorAggregation" AS ENUM ('SUM', 'LATEST');

-- CreateTable
CREATE TABLE "Programme" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeMilestone" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "description" JSONB,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "reportDue" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ProgrammeMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeIndicator" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" JSONB NOT NULL,
    "unit" JSONB NOT NULL,
    "target" DOUBLE PRECISION,
    "direction" "IndicatorDirection" NOT NULL,
    "aggregation" "IndicatorAggregation" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ProgrammeIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Programme_callId_key" ON "Programme"("callId");

-- CreateIndex
CREATE INDEX "ProgrammeMilestone_dueAt_idx" ON "ProgrammeMilestone"("dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeMilestone_programmeId_key_key" ON "ProgrammeMilestone"("programmeId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeIndicator_programmeId_key_key" ON "ProgrammeIndicator"("programmeId", "key");

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeMilestone" ADD CONSTRAINT "ProgrammeMilestone_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeIndicator" ADD CONSTRAINT "ProgrammeIndicator_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
