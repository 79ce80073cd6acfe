-- Datasets (README, "Sources and datasets"): a figure belongs to the dataset
-- of its source, and one slot (indicator, region, period, breakdown) holds
-- one figure per dataset. Existing sources are given their dataset by who
-- published them; a source of any other organisation gets a dataset of its
-- own organisation. Nothing is deleted; every figure keeps its id, value,
-- version and history.

CREATE TYPE "DatasetKind" AS ENUM ('series', 'report');

CREATE TABLE "datasets" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "licence" TEXT NOT NULL DEFAULT '',
    "kind" "DatasetKind" NOT NULL,
    "cadence_days" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "datasets_code_key" ON "datasets"("code");

CREATE TABLE "indicator_datasets" (
    "indicator_id" INTEGER NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "indicator_datasets_pkey" PRIMARY KEY ("indicator_id","dataset_id")
);
CREATE UNIQUE INDEX "indicator_datasets_indicator_id_rank_key" ON "indicator_datasets"("indicator_id", "rank");

-- The catalogue as prisma/seed-data/datasets.ts had it when this migration
-- was written (the seed upserts the current one).
INSERT INTO "datasets" ("code", "name", "publisher", "url", "licence", "kind", "cadence_days") VALUES
  ('iom-dtm-mali', 'IOM DTM Mali — Baseline Assessment', 'International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)', 'https://dtm.iom.int/mali', '© IOM: non-commercial use with the credit "Source: IOM DTM"; the files are not redistributed, only their regional sums.', 'series', 90),
  ('idmc-gidd', 'IDMC Global Internal Displacement Database — Mali, conflict', 'Internal Displacement Monitoring Centre (IDMC)', 'https://www.internal-displacement.org/countries/mali', 'CC BY-IGO (HDX).', 'series', 365),
  ('cadre-harmonise', 'Cadre Harmonisé — Mali, population by phase', 'CILSS / RPCA, via the Food Security and Nutrition Working Group West and Central Africa', 'https://data.humdata.org/dataset/cadre-harmonise', 'CC BY (HDX).', 'series', 183),
  ('ocha-fts', 'OCHA FTS — Mali requirements and funding', 'OCHA Financial Tracking Service (FTS)', 'https://fts.unocha.org/countries/133/summary', 'CC BY-IGO (HDX).', 'series', 30),
  ('ocha-hno', 'OCHA Humanitarian Needs Overview — Mali', 'OCHA (Humanitarian Programme Cycle)', 'https://data.humdata.org/dataset/mali-humanitarian-needs', 'CC BY-IGO (HDX).', 'series', 365),
  ('ocha-jiaf', 'OCHA JIAF needs analysis — Mali', 'OCHA, Joint Intersectoral Analysis Framework (JIAF)', 'https://data.humdata.org/dataset/global-jiaf', 'No licence stated by the publisher: internal reference data, cited "OCHA, JIAF, 2025".', 'series', 365),
  ('cod-ps-mali', 'COD-PS — Mali subnational population', 'Direction Nationale de la Population (DNP) Mali, via OCHA COD-PS', 'https://data.humdata.org/dataset/cod-ps-mli', 'CC BY-IGO (HDX).', 'series', 365),
  ('crs-2021', 'CRS In Focus: Crisis in Mali (2021)', 'Congressional Research Service', 'https://crsreports.congress.gov/product/pdf/IF/IF10116', 'Public domain (US government work).', 'report', NULL),
  ('tnh-2022', 'The New Humanitarian: Sieges, sanctions, and soaring hunger (2022)', 'The New Humanitarian', 'https://www.thenewhumanitarian.org/news/2022/03/21/Mali-crisis-Barkhane-Sieges-sanctions-hunger-Wagner', '© The New Humanitarian: figures cited with the article.', 'report', NULL),
  ('un-s-2021-520', 'UN S/2021/520: letter on MINUSMA (2021)', 'United Nations Secretary-General', 'https://undocs.org/S/2021/520', 'UN document, public.', 'report', NULL);

-- Each source's dataset, from its publisher (and title, for one-off reports).
ALTER TABLE "sources" ADD COLUMN "dataset_id" INTEGER;
UPDATE "sources" s SET "dataset_id" = d."id"
  FROM "datasets" d
 WHERE d."code" = CASE
         WHEN s."organisation" ILIKE '%Displacement Tracking Matrix%' OR s."organisation" ILIKE '%(IOM)%' THEN 'iom-dtm-mali'
         WHEN s."organisation" ILIKE '%IDMC%' OR s."organisation" ILIKE '%Internal Displacement Monitoring%' THEN 'idmc-gidd'
         WHEN s."organisation" ILIKE 'Cadre Harmonis%' THEN 'cadre-harmonise'
         WHEN s."organisation" ILIKE '%Financial Tracking Service%' THEN 'ocha-fts'
         WHEN s."organisation" ILIKE 'OCHA%' AND s."title" ILIKE '%Humanitarian Needs%' THEN 'ocha-hno'
         WHEN s."organisation" ILIKE '%COD-PS%' THEN 'cod-ps-mali'
         WHEN s."organisation" ILIKE 'Congressional Research Service%' AND s."title" ILIKE '%Crisis in Mali%' THEN 'crs-2021'
         WHEN s."organisation" ILIKE 'The New Humanitarian%' AND s."title" ILIKE 'Sieges, sanctions%' THEN 'tnh-2022'
         WHEN s."title" ILIKE '%S/2021/520%' THEN 'un-s-2021-520'
       END;

-- Any other source (entered or imported by analysts): one dataset per
-- organisation, a series with no cadence (its freshness is not judged) until
-- an admin says otherwise. Codes are the organisation's slug, numbered when
-- two organisations give the same one.
CREATE TEMP TABLE "organisation_datasets" ON COMMIT DROP AS
SELECT o."organisation",
       left(coalesce(nullif(trim(both '-' from regexp_replace(lower(o."organisation"), '[^a-z0-9]+', '-', 'g')), ''), 'source'), 48) AS "slug"
  FROM (SELECT DISTINCT "organisation" FROM "sources" WHERE "dataset_id" IS NULL) o;
INSERT INTO "datasets" ("code", "name", "publisher", "url", "kind", "cadence_days")
SELECT CASE WHEN count(*) OVER (PARTITION BY "slug") > 1 OR EXISTS (SELECT 1 FROM "datasets" d WHERE d."code" = "slug")
            THEN "slug" || '-' || row_number() OVER (PARTITION BY "slug" ORDER BY "organisation")
            ELSE "slug" END,
       "organisation", "organisation", '', 'series', NULL
  FROM "organisation_datasets";
UPDATE "sources" s SET "dataset_id" = d."id"
  FROM "datasets" d
 WHERE s."dataset_id" IS NULL AND d."name" = s."organisation" AND d."cadence_days" IS NULL AND d."kind" = 'series' AND d."url" = '';
ALTER TABLE "sources" ALTER COLUMN "dataset_id" SET NOT NULL;

DROP INDEX "sources_organisation_title_url_published_on_key";
CREATE UNIQUE INDEX "sources_dataset_id_organisation_title_url_published_on_key" ON "sources"("dataset_id", "organisation", "title", "url", "published_on");

-- A figure's dataset is its source's. The history keeps its snapshots as they were.
ALTER TABLE "figures" ADD COLUMN "dataset_id" INTEGER;
UPDATE "figures" f SET "dataset_id" = s."dataset_id" FROM "sources" s WHERE s."id" = f."source_id";
ALTER TABLE "figures" ALTER COLUMN "dataset_id" SET NOT NULL;

DROP INDEX "figures_indicator_id_region_id_period_start_period_end_disa_key";
CREATE UNIQUE INDEX "figures_indicator_id_region_id_period_start_period_end_disa_key" ON "figures"("indicator_id", "region_id", "period_start", "period_end", "disaggregation_key", "dataset_id");
CREATE INDEX "figures_dataset_id_indicator_id_idx" ON "figures"("dataset_id", "indicator_id");

-- Hand-written: the dashboards' covering index now carries the dataset (series are drawn per dataset).
DROP INDEX "figures_series_idx";
CREATE INDEX "figures_series_idx" ON "figures" ("indicator_id", "disaggregation_key", "region_id", "period_end")
  INCLUDE ("period_start", "value", "source_id", "sector", "dataset_id");

-- The default preferences (prisma/seed-data/datasets.ts), for the indicators that exist.
INSERT INTO "indicator_datasets" ("indicator_id", "dataset_id", "rank")
SELECT i."id", d."id", p."rank"
  FROM (VALUES
    ('idps', 'iom-dtm-mali', 1), ('idps', 'idmc-gidd', 2), ('idps', 'crs-2021', 3), ('idps', 'tnh-2022', 4), ('idps', 'un-s-2021-520', 5),
    ('idp_households', 'iom-dtm-mali', 1), ('idp_households', 'idmc-gidd', 2), ('idp_households', 'crs-2021', 3), ('idp_households', 'tnh-2022', 4), ('idp_households', 'un-s-2021-520', 5),
    ('returnees', 'iom-dtm-mali', 1), ('returnees', 'idmc-gidd', 2), ('returnees', 'crs-2021', 3), ('returnees', 'tnh-2022', 4), ('returnees', 'un-s-2021-520', 5),
    ('refugees', 'crs-2021', 1), ('refugees', 'tnh-2022', 2), ('refugees', 'un-s-2021-520', 3),
    ('ch_population_by_phase', 'cadre-harmonise', 1), ('ch_population_by_phase', 'crs-2021', 2), ('ch_population_by_phase', 'tnh-2022', 3), ('ch_population_by_phase', 'un-s-2021-520', 4),
    ('ch_phase3plus', 'cadre-harmonise', 1), ('ch_phase3plus', 'crs-2021', 2), ('ch_phase3plus', 'tnh-2022', 3), ('ch_phase3plus', 'un-s-2021-520', 4),
    ('people_in_need', 'ocha-hno', 1), ('people_in_need', 'ocha-jiaf', 2), ('people_in_need', 'crs-2021', 3), ('people_in_need', 'tnh-2022', 4), ('people_in_need', 'un-s-2021-520', 5),
    ('people_in_need_share', 'ocha-hno', 1), ('people_in_need_share', 'ocha-jiaf', 2), ('people_in_need_share', 'crs-2021', 3), ('people_in_need_share', 'tnh-2022', 4), ('people_in_need_share', 'un-s-2021-520', 5),
    ('people_targeted', 'ocha-hno', 1), ('people_targeted', 'ocha-jiaf', 2), ('people_targeted', 'crs-2021', 3), ('people_targeted', 'tnh-2022', 4), ('people_targeted', 'un-s-2021-520', 5),
    ('funding_required', 'ocha-fts', 1), ('funding_funded', 'ocha-fts', 1), ('funding_unmet', 'ocha-fts', 1), ('funding_coverage', 'ocha-fts', 1),
    ('population', 'cod-ps-mali', 1), ('population', 'ocha-hno', 2),
    ('ied_incidents', 'crs-2021', 1), ('ied_incidents', 'tnh-2022', 2), ('ied_incidents', 'un-s-2021-520', 3),
    ('minusma_authorized_personnel', 'crs-2021', 1), ('minusma_authorized_personnel', 'tnh-2022', 2), ('minusma_authorized_personnel', 'un-s-2021-520', 3)
  ) AS p("indicator", "dataset", "rank")
  JOIN "indicators" i ON i."code" = p."indicator"
  JOIN "datasets" d ON d."code" = p."dataset";

ALTER TABLE "indicator_datasets" ADD CONSTRAINT "indicator_datasets_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_datasets" ADD CONSTRAINT "indicator_datasets_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sources" ADD CONSTRAINT "sources_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "figures" ADD CONSTRAINT "figures_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: datasets and preferences change what the dashboards draw.
CREATE TRIGGER "datasets_bump_dashboard_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "datasets"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_dashboard_version"();
CREATE TRIGGER "indicator_datasets_bump_dashboard_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator_datasets"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_dashboard_version"();
