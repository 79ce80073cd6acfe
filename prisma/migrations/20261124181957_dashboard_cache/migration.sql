-- CreateTable
CREATE TABLE "data_versions" (
    "name" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "data_versions_pkey" PRIMARY KEY ("name")
);

-- Hand-written (see lib/data/cache.ts): any write to what the dashboards read
-- bumps one counter, once per statement.
INSERT INTO "data_versions" ("name", "version") VALUES ('dashboard', 0);

CREATE FUNCTION "bump_dashboard_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_versions" SET "version" = "version" + 1 WHERE "name" = 'dashboard';
  RETURN NULL;
END $$;

CREATE TRIGGER "figures_bump_dashboard_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "figures"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_dashboard_version"();
CREATE TRIGGER "sources_bump_dashboard_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sources"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_dashboard_version"();
CREATE TRIGGER "regions_bump_dashboard_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regions"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_dashboard_version"();
CREATE TRIGGER "indicators_bump_dashboard_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicators"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_dashboard_version"();

-- Hand-written: a covering index for the dashboards' series reads (one
-- indicator and disaggregation, regions, period) so they are index-only scans.
-- Prisma's schema cannot express INCLUDE; the drift test knows this index.
CREATE INDEX "figures_series_idx" ON "figures" ("indicator_id", "disaggregation_key", "region_id", "period_end")
  INCLUDE ("period_start", "value", "source_id", "sector");
