-- AlterTable
ALTER TABLE "RoundApplication" ADD COLUMN     "advanceId" UUID,
ADD COLUMN     "previousStatus" "ApplicationStatus";

-- CreateTable
CREATE TABLE "Advance" (
    "id" UUID NOT NULL,
    "fromRoundId" UUID NOT NULL,
    "toRoundId" UUID NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "undoneById" UUID,
    "applicationIds" UUID[],

    CONSTRAINT "Advance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Advance_fromRoundId_createdAt_idx" ON "Advance"("fromRoundId", "createdAt");

-- CreateIndex
CREATE INDEX "Advance_toRoundId_idx" ON "Advance"("toRoundId");

-- CreateIndex
CREATE INDEX "RoundApplication_advanceId_idx" ON "RoundApplication"("advanceId");

-- AddForeignKey
ALTER TABLE "RoundApplication" ADD CONSTRAINT "RoundApplication_advanceId_fkey" FOREIGN KEY ("advanceId") REFERENCES "Advance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Advance" ADD CONSTRAINT "Advance_fromRoundId_fkey" FOREIGN KEY ("fromRoundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Advance" ADD CONSTRAINT "Advance_toRoundId_fkey" FOREIGN KEY ("toRoundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Advance" ADD CONSTRAINT "Advance_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Advance" ADD CONSTRAINT "Advance_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- =============================================================================================
-- Hand-written: integrity rules that Prisma's schema language cannot express.
-- =============================================================================================

-- An advance takes applications into another round; whoever undid it did so at a known time (the
-- person may later be deleted: undoneById is SET NULL, undoneAt stays).
ALTER TABLE "Advance" ADD CONSTRAINT "Advance_rounds_check" CHECK ("fromRoundId" <> "toRoundId");
ALTER TABLE "Advance" ADD CONSTRAINT "Advance_undone_check" CHECK ("undoneById" IS NULL OR "undoneAt" IS NOT NULL);
