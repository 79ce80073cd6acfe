-- Source URLs are http(s) only (lib/validation/source-url.ts). Imports used to
-- store any text there (javascript:, data:, vbscript:…), which pages and the
-- PDF turned into links. Such URLs are blanked: the source keeps its
-- organisation, title and date, and is shown without a link.
-- Blanking can make sources identical (same organisation, title and date, no
-- URL): their figures move to one of them (the one that had no URL already,
-- else the lowest id) and the others are deleted, so the unique key holds.
CREATE TEMP TABLE source_url_fixes ON COMMIT DROP AS
SELECT s.id,
       first_value(s.id) OVER (PARTITION BY s.organisation, s.title, s.published_on ORDER BY (s.url = '') DESC, s.id) AS keep_id
  FROM sources s
 WHERE s.url = ''
    OR s.url !~* '^https?://[^[:space:]/?#\\]'
    OR s.url ~ '[[:space:][:cntrl:]]'
    OR length(s.url) > 1000;

UPDATE figures f SET source_id = x.keep_id FROM source_url_fixes x WHERE f.source_id = x.id AND x.id <> x.keep_id;
DELETE FROM sources s USING source_url_fixes x WHERE s.id = x.id AND x.id <> x.keep_id;
UPDATE sources s SET url = '' FROM source_url_fixes x WHERE s.id = x.id AND s.url <> '';
