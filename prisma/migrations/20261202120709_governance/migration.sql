-- CreateEnum
CREATE TYPE "FigureStatus" AS ENUM ('draft', 'submitted', 'published', 'returned');

-- CreateEnum
CREATE TYPE "ImportReview" AS ENUM ('submitted', 'published', 'returned');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'reviewer' BEFORE 'analyst';

-- AlterTable
ALTER TABLE "datasets" ADD COLUMN     "needs_review" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "figures" ADD COLUMN     "review_comment" TEXT,
ADD COLUMN     "reviewed_at" TIMESTAMP(3),
ADD COLUMN     "reviewed_by_id" INTEGER,
ADD COLUMN     "status" "FigureStatus" NOT NULL DEFAULT 'published',
ADD COLUMN     "submitted_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "read_scoped" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "scope_datasets" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "scope_regions" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "imports" ADD COLUMN     "review" "ImportReview" NOT NULL DEFAULT 'published',
ADD COLUMN     "review_comment" TEXT,
ADD COLUMN     "reviewed_at" TIMESTAMP(3),
ADD COLUMN     "reviewed_by_id" INTEGER;

-- CreateTable
CREATE TABLE "figure_revisions" (
    "id" SERIAL NOT NULL,
    "figure_id" INTEGER NOT NULL,
    "status" "FigureStatus" NOT NULL DEFAULT 'submitted',
    "indicator_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "ch_phase" INTEGER,
    "ch_status" "ChStatus",
    "sector" TEXT,
    "disaggregation_key" TEXT NOT NULL DEFAULT '',
    "value" DECIMAL(20,4) NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,
    "note" TEXT,
    "author_id" INTEGER,
    "review_comment" TEXT,
    "reviewed_by_id" INTEGER,
    "reviewed_at" TIMESTAMP(3),
    "submitted_at" TIMESTAMP(3),
    "import_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "figure_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "public_links" (
    "id" SERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "last_used_at" TIMESTAMP(3),

    CONSTRAINT "public_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "figure_revisions_figure_id_key" ON "figure_revisions"("figure_id");

-- CreateIndex
CREATE INDEX "figure_revisions_status_submitted_at_idx" ON "figure_revisions"("status", "submitted_at");

-- CreateIndex
CREATE INDEX "figure_revisions_import_id_idx" ON "figure_revisions"("import_id");

-- CreateIndex
CREATE UNIQUE INDEX "public_links_token_hash_key" ON "public_links"("token_hash");

-- CreateIndex
CREATE INDEX "public_links_created_at_idx" ON "public_links"("created_at");

-- CreateIndex
CREATE INDEX "figures_status_submitted_at_idx" ON "figures"("status", "submitted_at");

-- CreateIndex
CREATE INDEX "imports_review_created_at_idx" ON "imports"("review", "created_at");

-- AddForeignKey
ALTER TABLE "figures" ADD CONSTRAINT "figures_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_revisions" ADD CONSTRAINT "figure_revisions_figure_id_fkey" FOREIGN KEY ("figure_id") REFERENCES "figures"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_revisions" ADD CONSTRAINT "figure_revisions_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_revisions" ADD CONSTRAINT "figure_revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_revisions" ADD CONSTRAINT "figure_revisions_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_revisions" ADD CONSTRAINT "figure_revisions_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public_links" ADD CONSTRAINT "public_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_revisions" ADD CONSTRAINT "figure_revisions_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_revisions" ADD CONSTRAINT "figure_revisions_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_revisions" ADD CONSTRAINT "figure_revisions_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A database upgraded to this release keeps publishing as it did: its
-- datasets hold writes for review only once an admin says so. Datasets made
-- from now on need review unless told otherwise (the column's default).
UPDATE "datasets" SET "needs_review" = false;

-- A pending revision changes what a reviewer's "include unpublished" pages draw.
CREATE TRIGGER "figure_revisions_bump_dashboard_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "figure_revisions"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_dashboard_version();
