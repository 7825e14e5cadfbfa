-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "secrets" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- DropTable
DROP TABLE "ThrottleEvent";

-- CreateTable
CREATE TABLE "ThrottleCounter" (
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "nextAllowedAt" TIMESTAMP(3),
    "lastAttempt" TEXT,

    CONSTRAINT "ThrottleCounter_pkey" PRIMARY KEY ("kind","key")
);

-- CreateIndex
CREATE INDEX "ThrottleCounter_windowStart_idx" ON "ThrottleCounter"("windowStart");
