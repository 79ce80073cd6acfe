-- CreateTable
CREATE TABLE "events" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "title_fr" TEXT,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "region_id" INTEGER,
    "source_url" TEXT NOT NULL,
    "note" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "events_start_date_idx" ON "events"("start_date");

-- CreateIndex
CREATE INDEX "events_region_id_idx" ON "events"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "events_title_start_date_key" ON "events"("title", "start_date");

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (the drift test compares tables, columns, indexes, keys and
-- enums, not CHECKs): a period never ends before it starts, and the source is
-- an http(s) address (lib/validation/source-url.ts says the full rule).
ALTER TABLE "events" ADD CONSTRAINT "events_period_check" CHECK ("end_date" IS NULL OR "end_date" >= "start_date");
ALTER TABLE "events" ADD CONSTRAINT "events_source_url_check" CHECK ("source_url" ~* '^https?://');

-- Charts mark events and their reads are cached by the dashboard version
-- (lib/data/cache.ts): a write to events makes them stale too.
CREATE TRIGGER "events_bump_dashboard_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "events"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_dashboard_version"();
