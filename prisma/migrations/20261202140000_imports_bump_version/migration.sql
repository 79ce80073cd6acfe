-- Hand-written: an import's review (submitted, published, returned) is part of
-- what a reviewer's pages show (the review queue's count in the header is a
-- cached read), so a change to imports bumps the dashboard version too.
CREATE TRIGGER "imports_bump_dashboard_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "imports"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_dashboard_version();
