-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "deadlinesReviewedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "deadlinesReviewedAt" TIMESTAMP(3);
