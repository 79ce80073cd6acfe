-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('committed', 'rolled_back');

-- AlterTable
ALTER TABLE "figures" ADD COLUMN     "import_id" INTEGER;

-- CreateTable
CREATE TABLE "imports" (
    "id" SERIAL NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "mapping_name" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'committed',
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "user_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rolled_back_at" TIMESTAMP(3),

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_mappings" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "user_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "imports_file_sha256_idx" ON "imports"("file_sha256");

-- CreateIndex
CREATE UNIQUE INDEX "import_mappings_name_key" ON "import_mappings"("name");

-- CreateIndex
CREATE INDEX "import_mappings_signature_idx" ON "import_mappings"("signature");

-- CreateIndex
CREATE INDEX "figures_import_id_idx" ON "figures"("import_id");

-- AddForeignKey
ALTER TABLE "figures" ADD CONSTRAINT "figures_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
