-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "secondLookId" UUID;

-- CreateTable
CREATE TABLE "SecondLook" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "plan" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SecondLook_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SecondLook_roundId_createdAt_idx" ON "SecondLook"("roundId", "createdAt");

-- CreateIndex
CREATE INDEX "Assignment_secondLookId_idx" ON "Assignment"("secondLookId");

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_secondLookId_fkey" FOREIGN KEY ("secondLookId") REFERENCES "SecondLook"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecondLook" ADD CONSTRAINT "SecondLook_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecondLook" ADD CONSTRAINT "SecondLook_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
