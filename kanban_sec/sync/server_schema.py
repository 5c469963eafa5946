"""The sync server's schema as SQL: the tables (the change log, the state of the rows, the
rulebook's declarations), the rebuild of the state from the log, and the helper functions
the judgement uses (scores, bands, units, values). Run by ``server init``
(:mod:`kanban_sec.sync.server`)."""

from __future__ import annotations

from kanban_sec.domain.rules import MAX_TEXT_BYTES

TABLES = """
CREATE SCHEMA IF NOT EXISTS kanban_sec;
REVOKE ALL ON SCHEMA kanban_sec FROM PUBLIC;

CREATE TABLE IF NOT EXISTS kanban_sec.changes (
  seq      bigserial PRIMARY KEY,
  xid      xid8 NOT NULL DEFAULT pg_current_xact_id(),
  id       uuid NOT NULL UNIQUE,
  entity   text NOT NULL,
  row_id   text NOT NULL,
  fields   jsonb NOT NULL,
  hlc      bigint NOT NULL,
  node_id  text NOT NULL,
  person   text NOT NULL,
  base_xid bigint, base_seq bigint,
  at       timestamptz NOT NULL,
  author   name NOT NULL DEFAULT session_user,
  received timestamptz NOT NULL DEFAULT clock_timestamp()
);
ALTER TABLE kanban_sec.changes ALTER COLUMN author SET DEFAULT session_user;
-- Set only by kanban_sec.push_changes (members may not write them): judged with its batch,
-- and merged into the state with it.
ALTER TABLE kanban_sec.changes ADD COLUMN IF NOT EXISTS prejudged boolean NOT NULL DEFAULT false;
ALTER TABLE kanban_sec.changes ADD COLUMN IF NOT EXISTS premerged boolean NOT NULL DEFAULT false;
-- Pull reads in server order; the trigger looks rows up by (entity, row_id).
CREATE INDEX IF NOT EXISTS changes_position ON kanban_sec.changes (xid, seq);
CREATE INDEX IF NOT EXISTS changes_row ON kanban_sec.changes (entity, row_id);

CREATE TABLE IF NOT EXISTS kanban_sec.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS kanban_sec.members (
  login  name PRIMARY KEY,
  kind   text NOT NULL,
  person text
);

-- The server's own state of every row: per field the value of the change with the highest
-- (hlc, node_id), and that stamp. Only the trigger (SECURITY DEFINER) writes it.
CREATE TABLE IF NOT EXISTS kanban_sec.rows (
  entity text NOT NULL,
  row_id text NOT NULL,
  data   jsonb NOT NULL,
  stamps jsonb NOT NULL,
  PRIMARY KEY (entity, row_id)
);
CREATE INDEX IF NOT EXISTS rows_person_name ON kanban_sec.rows (lower(data ->> 'name'))
  WHERE entity = 'person';
CREATE INDEX IF NOT EXISTS rows_person_role ON kanban_sec.rows ((data ->> 'role'))
  WHERE entity = 'person';
CREATE INDEX IF NOT EXISTS rows_verification_item ON kanban_sec.rows ((data ->> 'item_id'))
  WHERE entity = 'verification';
CREATE INDEX IF NOT EXISTS rows_item_chain ON kanban_sec.rows ((data ->> 'chain_id'))
  WHERE entity = 'item';

-- The rulebook's declarations (kanban_sec/domain/rules.py), refilled by every init.
CREATE TABLE IF NOT EXISTS kanban_sec.rule_roles (
  entity text NOT NULL, field text NOT NULL, role text NOT NULL,
  PRIMARY KEY (entity, field, role)
);
CREATE TABLE IF NOT EXISTS kanban_sec.field_specs (
  entity text NOT NULL, field text NOT NULL, spec jsonb NOT NULL,
  PRIMARY KEY (entity, field)
);
CREATE TABLE IF NOT EXISTS kanban_sec.state_fields (
  entity text NOT NULL, field text NOT NULL,
  PRIMARY KEY (entity, field)
);
-- The three above per entity, as the trigger reads them (one lookup a change): field →
-- spec, field → roles (a JSON array), the state's fields (a JSON array).
CREATE TABLE IF NOT EXISTS kanban_sec.entity_rules (
  entity text PRIMARY KEY,
  specs  jsonb NOT NULL,
  roles  jsonb NOT NULL,
  state  jsonb NOT NULL
);
-- Kept whole in the row (never compressed): the trigger reads them field by field.
ALTER TABLE kanban_sec.entity_rules ALTER COLUMN specs SET STORAGE PLAIN,
  ALTER COLUMN roles SET STORAGE PLAIN, ALTER COLUMN state SET STORAGE PLAIN;
"""

# Rebuilds the state from the log (an upgrade from version 1, or other state fields): the
# same merge, set-based, of the fields the state keeps; every row a change names has one.
REBUILD = """
TRUNCATE kanban_sec.rows;
INSERT INTO kanban_sec.rows (entity, row_id, data, stamps)
SELECT k.entity, k.row_id, coalesce(w.data, '{}'::jsonb), coalesce(w.stamps, '{}'::jsonb)
FROM (SELECT DISTINCT c.entity, c.row_id FROM kanban_sec.changes c) k
LEFT JOIN (
  SELECT entity, row_id, jsonb_object_agg(key, value) AS data,
         jsonb_object_agg(key, stamp) AS stamps
  FROM (
    SELECT DISTINCT ON (c.entity, c.row_id, f.key)
           c.entity, c.row_id, f.key, f.value -> 0 AS value,
           jsonb_build_array(c.hlc, c.node_id) AS stamp
    FROM kanban_sec.changes c
    CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(c.fields) = 'object'
                                       THEN c.fields ELSE '{}'::jsonb END) f
    JOIN kanban_sec.state_fields s ON s.entity = c.entity AND s.field = f.key
    WHERE jsonb_typeof(f.value) = 'array'
    ORDER BY c.entity, c.row_id, f.key, c.hlc DESC, c.node_id COLLATE "C" DESC
  ) winners
  GROUP BY entity, row_id
) w ON w.entity = k.entity AND w.row_id = k.row_id;
"""

# The declarations per entity, as the trigger reads them.
ENTITY_RULES = """
DELETE FROM kanban_sec.entity_rules;
INSERT INTO kanban_sec.entity_rules (entity, specs, roles, state)
SELECT e.entity,
       coalesce((SELECT jsonb_object_agg(s.field, s.spec) FROM kanban_sec.field_specs s
                 WHERE s.entity = e.entity), '{}'::jsonb),
       coalesce((SELECT jsonb_object_agg(r.field, r.roles)
                 FROM (SELECT r.field, jsonb_agg(r.role ORDER BY r.role) AS roles
                       FROM kanban_sec.rule_roles r WHERE r.entity = e.entity
                       GROUP BY r.field) r), '{}'::jsonb),
       coalesce((SELECT jsonb_agg(f.field ORDER BY f.field) FROM kanban_sec.state_fields f
                 WHERE f.entity = e.entity), '[]'::jsonb)
FROM (SELECT entity FROM kanban_sec.field_specs UNION SELECT entity FROM kanban_sec.rule_roles
      UNION SELECT entity FROM kanban_sec.state_fields) e;
"""

FUNCTIONS = r"""
-- The helpers below have no search_path of their own: they run inside the trigger's
-- (pg_catalog, pg_temp), name everything with its schema, and members may not call them.

-- Whether this session came in over TLS (its own backend's entry: no scan of the others).
-- SECURITY DEFINER: after SET ROLE the session's own entry would be hidden from it.
CREATE OR REPLACE FUNCTION kanban_sec.tls() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT coalesce((SELECT s.ssl FROM pg_stat_get_activity(pg_backend_pid()) s), false)
$fn$;

-- The SELECT policy's check: refuse a session without TLS (KS010) instead of answering.
CREATE OR REPLACE FUNCTION kanban_sec.require_tls() RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  IF NOT kanban_sec.tls() THEN
    RAISE EXCEPTION USING ERRCODE = 'KS010',
      MESSAGE = format('the login %s is not connected with TLS: the server answers only '
                       'over TLS', session_user),
      DETAIL = jsonb_build_object('code', 'KS010', 'login', session_user)::text;
  END IF;
  RETURN true;
END
$fn$;

-- A live (not deleted) row of the server's state, or NULL.
CREATE OR REPLACE FUNCTION kanban_sec.live(p_entity text, p_row text) RETURNS jsonb
LANGUAGE sql STABLE
AS $fn$
  SELECT r.data FROM kanban_sec.rows r
  WHERE r.entity = p_entity AND r.row_id = p_row
    AND coalesce(r.data ->> 'deleted_at', '') = ''
$fn$;

-- Whether the board has no governing person yet (then it is being set up).
CREATE OR REPLACE FUNCTION kanban_sec.setting_up() RETURNS boolean
LANGUAGE sql STABLE
AS $fn$
  SELECT NOT EXISTS (SELECT 1 FROM kanban_sec.rows r
                     WHERE r.entity = 'person' AND r.data ->> 'role' = 'governing'
                       AND coalesce(r.data ->> 'deleted_at', '') = '')
$fn$;

-- A setting's value (NULL when unset).
CREATE OR REPLACE FUNCTION kanban_sec.setting(p_key text) RETURNS text
LANGUAGE sql STABLE
AS $fn$
  SELECT kanban_sec.live('setting', p_key) ->> 'value'
$fn$;

-- An item's score as ranking.item_score computes it: likelihood x consequence x gap, where
-- the gap is max(target of its chain - maturity of its link, 0) for an item on a link of
-- its chain; max(target - the least maturity among the chain's links, 0) for an item in a
-- chain but on no link (0 for a chain without links); 1 for an item in no chain. An
-- unassessed likelihood or consequence counts as 3. A measure of a ROS risk (risk_id) takes
-- the risk's likelihood and consequence (as the board's StoreWorld.score).
CREATE OR REPLACE FUNCTION kanban_sec.item_score(p_item jsonb) RETURNS integer
LANGUAGE plpgsql STABLE
AS $fn$
DECLARE
  chain jsonb;
  link jsonb;
  judged jsonb := p_item;
  risk jsonb;
  target integer;
  maturity integer;
  gap integer := 1;
BEGIN
  IF coalesce(p_item ->> 'risk_id', '') <> '' THEN
    risk := kanban_sec.live('ros_risk', p_item ->> 'risk_id');
    judged := coalesce(risk, p_item);
  END IF;
  IF coalesce(p_item ->> 'chain_id', '') <> '' THEN
    chain := kanban_sec.live('chain', p_item ->> 'chain_id');
  END IF;
  IF chain IS NOT NULL THEN
    target := coalesce((chain ->> 'target_maturity')::integer, 3);
    IF coalesce(p_item ->> 'link_id', '') <> '' THEN
      link := kanban_sec.live('link', p_item ->> 'link_id');
      IF link IS NOT NULL AND (link ->> 'chain_id') = (p_item ->> 'chain_id') THEN
        maturity := coalesce((link ->> 'maturity')::integer, 0);
      END IF;
    END IF;
    IF maturity IS NULL THEN
      SELECT min(coalesce((r.data ->> 'maturity')::integer, 0)) INTO maturity
      FROM kanban_sec.rows r
      WHERE r.entity = 'link' AND r.data ->> 'chain_id' = p_item ->> 'chain_id'
        AND coalesce(r.data ->> 'deleted_at', '') = '';
    END IF;
    gap := greatest(target - coalesce(maturity, target), 0);
  END IF;
  RETURN coalesce((judged ->> 'likelihood')::integer, 3)
         * coalesce((judged ->> 'consequence')::integer, 3)
         * gap;
END
$fn$;

-- Whether the cell (likelihood, consequence) is red in the ROS matrix (setting
-- 'matrix.bands': 5 rows of 5 letters G/Y/R joined by '/'; row = likelihood - 1).
CREATE OR REPLACE FUNCTION kanban_sec.red_band(p_likelihood integer, p_consequence integer)
RETURNS boolean
LANGUAGE plpgsql STABLE
AS $fn$
DECLARE
  bands text := kanban_sec.setting('matrix.bands');
  l integer := p_likelihood;
  c integer := p_consequence;
BEGIN
  IF l IS NULL OR c IS NULL THEN
    RETURN true;  -- nobody has assessed it: it cannot be accepted either
  END IF;
  IF bands IS NOT NULL AND upper(bands) ~ '^[GYR]{5}(/[GYR]{5}){4}$'
     AND l BETWEEN 1 AND 5 AND c BETWEEN 1 AND 5 THEN
    RETURN substr(split_part(upper(bands), '/', l), c, 1) = 'R';
  END IF;
  RETURN l * c > 10;
END
$fn$;

-- Whether the board's policy asks for a verification of the item (its score too).
CREATE OR REPLACE FUNCTION kanban_sec.needs_verification(p_item jsonb, OUT needed boolean,
                                                          OUT score integer)
LANGUAGE plpgsql STABLE
AS $fn$
DECLARE
  min_text text := kanban_sec.setting('policy.verify_min_score');
  classes text := kanban_sec.setting('policy.verify_classifications');
  min_score integer;
BEGIN
  score := kanban_sec.item_score(p_item);
  IF min_text IS NULL THEN
    min_score := 30;
  ELSIF btrim(min_text) ~ '^-?[0-9]+$' THEN
    min_score := btrim(min_text)::integer;
  END IF;  -- '' (or anything else): the score never requires it
  needed := (min_score IS NOT NULL AND score >= min_score)
            OR coalesce(p_item ->> 'classification', 'open') = ANY (
                 string_to_array(replace(coalesce(classes, 'confidential'), ' ', ''), ','));
END
$fn$;

-- The unit and the units above it (following parent_id in the state), nearest first.
CREATE OR REPLACE FUNCTION kanban_sec.units_up(p_unit text) RETURNS text[]
LANGUAGE plpgsql STABLE
AS $fn$
DECLARE
  found text[] := '{}';
  unit text := p_unit;
BEGIN
  WHILE unit IS NOT NULL AND unit <> '' AND NOT unit = ANY (found)
        AND cardinality(found) < 100 LOOP
    found := found || unit;
    unit := kanban_sec.live('unit', unit) ->> 'parent_id';
  END LOOP;
  RETURN found;
END
$fn$;

-- Whether a member (role, unit) decides the risk of a chain: a governing member of the
-- chain's risk-owner unit or a unit above it; any governing member for a chain without one.
CREATE OR REPLACE FUNCTION kanban_sec.may_decide(p_role text, p_unit text, p_chain jsonb)
RETURNS boolean
LANGUAGE plpgsql STABLE
AS $fn$
DECLARE
  owner text := p_chain ->> 'risk_owner_unit_id';
BEGIN
  IF p_role IS DISTINCT FROM 'governing' THEN
    RETURN false;
  END IF;
  IF coalesce(owner, '') = '' OR kanban_sec.live('unit', owner) IS NULL THEN
    RETURN true;
  END IF;
  RETURN p_unit IS NOT NULL AND p_unit = ANY (kanban_sec.units_up(owner));
END
$fn$;

-- Why a value may not be stored in a field of this spec; NULL when it may (rules.check_value).
CREATE OR REPLACE FUNCTION kanban_sec.bad_value(p_spec jsonb, p_value jsonb) RETURNS text
LANGUAGE plpgsql STABLE
AS $fn$
DECLARE
  kind text := p_spec ->> 'kind';
  value text;
BEGIN
  IF p_spec IS NULL THEN
    RETURN 'unknown field';
  END IF;
  IF p_value IS NULL OR jsonb_typeof(p_value) = 'null' THEN
    RETURN CASE WHEN (p_spec ->> 'nullable')::boolean THEN NULL ELSE 'may not be empty' END;
  END IF;
  IF kind = 'int' THEN
    IF jsonb_typeof(p_value) <> 'number' OR p_value::text !~ '^-?[0-9]+$' THEN
      RETURN 'not a whole number';
    END IF;
    IF (p_spec ->> 'low' IS NOT NULL AND p_value::numeric < (p_spec ->> 'low')::numeric)
       OR (p_spec ->> 'high' IS NOT NULL
           AND p_value::numeric > (p_spec ->> 'high')::numeric) THEN
      RETURN format('outside %s–%s', p_spec ->> 'low', coalesce(p_spec ->> 'high', '∞'));
    END IF;
    RETURN NULL;
  END IF;
  IF jsonb_typeof(p_value) <> 'string' THEN
    RETURN 'not text';
  END IF;
  value := p_value #>> '{}';
  IF octet_length(value) > coalesce((p_spec ->> 'max_bytes')::integer, {max_text}) THEN
    RETURN format('over %s KiB', coalesce((p_spec ->> 'max_bytes')::integer, {max_text}) / 1024);
  END IF;
  IF kind = 'enum' AND NOT (p_spec -> 'choices') ? value THEN
    RETURN 'not one of ' || (SELECT string_agg(c, ', ')
                             FROM jsonb_array_elements_text(p_spec -> 'choices') c);
  ELSIF kind = 'date' AND NOT (value ~ '^\d{4}-\d{2}-\d{2}$'
                               AND kanban_sec.is_date(value)) THEN
    RETURN 'not a date (YYYY-MM-DD)';
  ELSIF kind = 'time' AND NOT (value ~ ('^\d{4}-\d{2}-\d{2}([T ]\d{2}(:\d{2}(:\d{2}'
                                       '(\.\d{1,6})?)?)?([+-]\d{2}(:?\d{2})?|Z)?)?$')
                               AND kanban_sec.is_date(left(value, 10))) THEN
    RETURN 'not a time (ISO 8601)';
  ELSIF kind = 'json' AND value NOT IN ('[]', '{}', 'null') AND NOT kanban_sec.is_json(value) THEN
    RETURN 'not JSON';
  ELSIF kind = 'ref' AND btrim(value) = '' THEN
    RETURN 'an empty reference';
  END IF;
  RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION kanban_sec.is_date(p_text text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE
AS $fn$
DECLARE
  y integer := substr(p_text, 1, 4)::integer;
  m integer := substr(p_text, 6, 2)::integer;
  d integer := substr(p_text, 9, 2)::integer;
BEGIN
  RETURN y >= 1 AND m BETWEEN 1 AND 12 AND d >= 1
         AND d <= extract(day FROM (make_date(y, m, 1) + interval '1 month - 1 day'));
END
$fn$;

CREATE OR REPLACE FUNCTION kanban_sec.is_json(p_text text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE
AS $fn$
BEGIN
  PERFORM p_text::jsonb;
  RETURN true;
EXCEPTION WHEN others THEN
  RETURN false;
END
$fn$;

-- The value a field of a row has by the log (the change setting it with the highest
-- (hlc, node_id)), NULL when none sets it: for the fields the state does not keep.
CREATE OR REPLACE FUNCTION kanban_sec.logged(p_entity text, p_row text, p_field text)
RETURNS jsonb
LANGUAGE sql STABLE
AS $fn$
  SELECT c.fields -> p_field -> 0 FROM kanban_sec.changes c
  WHERE c.entity = p_entity AND c.row_id = p_row
    AND jsonb_typeof(c.fields -> p_field) = 'array'
  ORDER BY c.hlc DESC, c.node_id COLLATE "C" DESC
  LIMIT 1
$fn$;

-- An item's title for a message: the one the change sets, else the log's.
CREATE OR REPLACE FUNCTION kanban_sec.item_title(p_row text, p_new jsonb) RETURNS text
LANGUAGE sql STABLE
AS $fn$
  SELECT CASE WHEN p_new ? 'title' THEN p_new ->> 'title'
              ELSE kanban_sec.logged('item', p_row, 'title') #>> '{}' END
$fn$;

CREATE OR REPLACE FUNCTION kanban_sec.choices_text(p_choices jsonb) RETURNS text
LANGUAGE sql STABLE
AS $fn$
  SELECT string_agg(c, ', ') FROM jsonb_array_elements_text(p_choices) c
$fn$;

-- The same as bad_value, as one SQL expression the planner inlines into the trigger's query
-- (the rare kinds, date, time and json, call a function).
CREATE OR REPLACE FUNCTION kanban_sec.why_bad(p_spec jsonb, p_value jsonb) RETURNS text
LANGUAGE sql STABLE
AS $fn$
  SELECT CASE
    WHEN p_spec IS NULL THEN 'unknown field'
    WHEN p_value IS NULL OR jsonb_typeof(p_value) = 'null' THEN
      CASE WHEN (p_spec ->> 'nullable')::boolean THEN NULL ELSE 'may not be empty' END
    WHEN p_spec ->> 'kind' = 'int' THEN
      CASE WHEN jsonb_typeof(p_value) <> 'number' OR p_value::text !~ '^-?[0-9]+$'
             THEN 'not a whole number'
           WHEN (p_spec ->> 'low' IS NOT NULL
                 AND p_value::numeric < (p_spec ->> 'low')::numeric)
                OR (p_spec ->> 'high' IS NOT NULL
                    AND p_value::numeric > (p_spec ->> 'high')::numeric)
             THEN format('outside %s–%s', p_spec ->> 'low', coalesce(p_spec ->> 'high', '∞'))
      END
    WHEN jsonb_typeof(p_value) <> 'string' THEN 'not text'
    WHEN octet_length(p_value #>> '{}') > coalesce((p_spec ->> 'max_bytes')::integer,
                                                   {max_text})
      THEN format('over %s KiB', coalesce((p_spec ->> 'max_bytes')::integer, {max_text}) / 1024)
    WHEN p_spec ->> 'kind' = 'text' THEN NULL
    WHEN p_spec ->> 'kind' = 'enum' AND NOT (p_spec -> 'choices') ? (p_value #>> '{}') THEN
      'not one of ' || kanban_sec.choices_text(p_spec -> 'choices')
    WHEN p_spec ->> 'kind' = 'date' AND NOT ((p_value #>> '{}') ~ '^\d{4}-\d{2}-\d{2}$'
                                             AND kanban_sec.is_date(p_value #>> '{}')) THEN
      'not a date (YYYY-MM-DD)'
    WHEN p_spec ->> 'kind' = 'time' AND NOT (
           (p_value #>> '{}') ~ ('^\d{4}-\d{2}-\d{2}([T ]\d{2}(:\d{2}(:\d{2}'
                                 '(\.\d{1,6})?)?)?([+-]\d{2}(:?\d{2})?|Z)?)?$')
           AND kanban_sec.is_date(left(p_value #>> '{}', 10))) THEN
      'not a time (ISO 8601)'
    WHEN p_spec ->> 'kind' = 'json' AND (p_value #>> '{}') NOT IN ('[]', '{}', 'null')
         AND NOT kanban_sec.is_json(p_value #>> '{}') THEN
      'not JSON'
    WHEN p_spec ->> 'kind' = 'ref' AND btrim(p_value #>> '{}') = '' THEN
      'an empty reference'
  END
$fn$;

""".replace("{max_text}", str(MAX_TEXT_BYTES)).replace(
    "{max_text_kib}", str(MAX_TEXT_BYTES // 1024)
)
