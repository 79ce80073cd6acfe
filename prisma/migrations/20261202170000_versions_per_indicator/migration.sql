-- Hand-written (see lib/data/cache.ts): versions per indicator, so that a
-- write to one indicator's figures leaves the other indicators' cached pages
-- warm. `version` still moves on every write (backup/restore, "any change");
-- `structure` moves when what every page reads changes (regions, indicators,
-- datasets and their preferences, events, a source edited or deleted);
-- `counters` holds one counter per indicator ("i:<code>", moved by its
-- figures and pending revisions) and "review" (the review queue: figures,
-- revisions, imports). All in the one row every request reads already: one
-- primary-key lookup, and writers keep taking turns on the one row lock, as
-- before, so no two writers can deadlock on versions.
ALTER TABLE "data_versions" ADD COLUMN "structure" BIGINT NOT NULL DEFAULT 0,
                            ADD COLUMN "counters" JSONB NOT NULL DEFAULT '{}';

CREATE FUNCTION "bump_structure_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_versions" SET "version" = "version" + 1, "structure" = "structure" + 1 WHERE "name" = 'dashboard';
  RETURN NULL;
END $$;

-- The counter named by the trigger's argument (imports: 'review').
CREATE FUNCTION "bump_counter_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_versions"
     SET "version" = "version" + 1,
         "counters" = "counters" || jsonb_build_object(TG_ARGV[0], coalesce(("counters" ->> TG_ARGV[0])::bigint, 0) + 1)
   WHERE "name" = 'dashboard';
  RETURN NULL;
END $$;

-- Figures and revisions: the counters of the indicators the statement touched
-- (its transition tables), and the review queue's.
CREATE FUNCTION "bump_indicator_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched TEXT[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT i."code") INTO touched FROM new_rows n JOIN "indicators" i ON i."id" = n."indicator_id";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT i."code") INTO touched FROM old_rows o JOIN "indicators" i ON i."id" = o."indicator_id";
  ELSE
    SELECT array_agg(DISTINCT i."code") INTO touched
      FROM (SELECT "indicator_id" FROM new_rows UNION SELECT "indicator_id" FROM old_rows) t JOIN "indicators" i ON i."id" = t."indicator_id";
  END IF;
  UPDATE "data_versions" d
     SET "version" = d."version" + 1,
         "counters" = d."counters"
           || jsonb_build_object('review', coalesce((d."counters" ->> 'review')::bigint, 0) + 1)
           || coalesce((SELECT jsonb_object_agg('i:' || c, coalesce((d."counters" ->> ('i:' || c))::bigint, 0) + 1) FROM unnest(touched) c), '{}'::jsonb)
   WHERE d."name" = 'dashboard';
  RETURN NULL;
END $$;

-- Figures and pending revisions: per indicator (a trigger with transition tables takes one event).
DROP TRIGGER "figures_bump_dashboard_version" ON "figures";
CREATE TRIGGER "figures_insert_bump_versions" AFTER INSERT ON "figures" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_indicator_versions"();
CREATE TRIGGER "figures_update_bump_versions" AFTER UPDATE ON "figures" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_indicator_versions"();
CREATE TRIGGER "figures_delete_bump_versions" AFTER DELETE ON "figures" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_indicator_versions"();
CREATE TRIGGER "figures_truncate_bump_versions" AFTER TRUNCATE ON "figures"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_structure_version"();

DROP TRIGGER "figure_revisions_bump_dashboard_version" ON "figure_revisions";
CREATE TRIGGER "figure_revisions_insert_bump_versions" AFTER INSERT ON "figure_revisions" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_indicator_versions"();
CREATE TRIGGER "figure_revisions_update_bump_versions" AFTER UPDATE ON "figure_revisions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_indicator_versions"();
CREATE TRIGGER "figure_revisions_delete_bump_versions" AFTER DELETE ON "figure_revisions" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_indicator_versions"();
CREATE TRIGGER "figure_revisions_truncate_bump_versions" AFTER TRUNCATE ON "figure_revisions"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_structure_version"();

-- Imports: the review queue (a held import waits there).
DROP TRIGGER "imports_bump_dashboard_version" ON "imports";
CREATE TRIGGER "imports_bump_versions" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "imports"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_counter_version"('review');

-- What every page reads: the structure.
DROP TRIGGER "regions_bump_dashboard_version" ON "regions";
CREATE TRIGGER "regions_bump_versions" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regions"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_structure_version"();
DROP TRIGGER "indicators_bump_dashboard_version" ON "indicators";
CREATE TRIGGER "indicators_bump_versions" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicators"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_structure_version"();
DROP TRIGGER "datasets_bump_dashboard_version" ON "datasets";
CREATE TRIGGER "datasets_bump_versions" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "datasets"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_structure_version"();
DROP TRIGGER "indicator_datasets_bump_dashboard_version" ON "indicator_datasets";
CREATE TRIGGER "indicator_datasets_bump_versions" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator_datasets"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_structure_version"();
DROP TRIGGER "events_bump_dashboard_version" ON "events";
CREATE TRIGGER "events_bump_versions" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "events"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_structure_version"();

-- Sources: a new source is read only through the figures that cite it (their
-- indicators' counters move with them), so an insert moves `version` alone;
-- an edited or deleted source may be on any page.
DROP TRIGGER "sources_bump_dashboard_version" ON "sources";
CREATE TRIGGER "sources_insert_bump_version" AFTER INSERT ON "sources"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_dashboard_version"();
CREATE TRIGGER "sources_change_bump_versions" AFTER UPDATE OR DELETE OR TRUNCATE ON "sources"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_structure_version"();
