"""The sync server's side: set-up of the PostgreSQL schema, members, and the version check.

An administrator runs :func:`init_server` once on an existing database (again after an
upgrade: it is idempotent) and :func:`add_member` for each person who syncs. Clients call
:func:`check_version` on every connection. The schema is the one in ``PROTOCOL.md``:

- ``kanban_sec.changes``: the append-only log. Members may INSERT (only as themselves:
  row-level security) and SELECT; nobody but the owner may UPDATE, DELETE or TRUNCATE.
- ``kanban_sec.meta`` (``schema_version``) and ``kanban_sec.members`` (login → kind, person).
- Group roles ``kanban_member`` ⊃ ``kanban_governing`` / ``kanban_operational`` /
  ``kanban_controlling``, and ``kanban_risk_owner`` (may record risk decisions). Roles are
  cluster-wide: a second database on the same cluster shares them.
- A ``BEFORE INSERT`` trigger that refuses, with its own SQLSTATE:
  ``KS001`` an HLC more than 5 minutes ahead of the server clock; ``KS002`` a verification
  (a ``verification`` row, or an item going ``verify`` → ``done``) by a non-controlling
  member; ``KS003`` a risk decision by somebody neither governing nor risk owner; ``KS004``
  a ``setting``/``column`` change or a person's ``role`` by a non-governing member (a new
  person may be created as operational by anyone); ``KS005`` ``fields`` that are not an
  object of ``[new, old]`` pairs. It also stamps ``xid`` and ``received`` itself.

No Qt here. Errors reach the caller as :class:`~kanban_sec.domain.errors.KanbanError`
subclasses (see :mod:`kanban_sec.sync.errors`) and never carry a password.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql

from kanban_sec.domain import rules
from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.rules import MAX_CHANGE_BYTES, MAX_TEXT_BYTES
from kanban_sec.sync.errors import (
    HLC_MAX_AHEAD_MS,
    LoginFailed,
    MemberExists,
    SchemaMismatch,
    ServerRefused,
    SyncError,
    conninfo_parts,
    describe_error,
    redact,
)

#: The server schema this kanban-sec speaks. A server with another version is refused.
SERVER_SCHEMA_VERSION = 3
SCHEMA = "kanban_sec"

MEMBER_ROLE = "kanban_member"
GOVERNING_ROLE = "kanban_governing"
OPERATIONAL_ROLE = "kanban_operational"
CONTROLLING_ROLE = "kanban_controlling"
RISK_OWNER_ROLE = "kanban_risk_owner"
#: Member kind → its group role.
KIND_ROLES = {
    "governing": GOVERNING_ROLE,
    "operational": OPERATIONAL_ROLE,
    "controlling": CONTROLLING_ROLE,
}
#: The columns a member may give when inserting a change (``seq``, ``xid`` and
#: ``received`` are the server's).
INSERT_COLUMNS = ("id", "entity", "row_id", "fields", "hlc", "node_id", "person",
                  "base_xid", "base_seq", "at", "author")
CONNECT_TIMEOUT = 10
#: How long a member's session may stay idle inside a transaction before the server ends it.
IDLE_IN_TRANSACTION_TIMEOUT = "60s"
_LOCK_KEY = 0x6B616E62  # "kanb": serialises concurrent set-ups of one database

_TABLES = """
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
_REBUILD = """
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
_ENTITY_RULES = """
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

_FUNCTIONS = r"""
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
-- unassessed likelihood or consequence counts as 3.
CREATE OR REPLACE FUNCTION kanban_sec.item_score(p_item jsonb) RETURNS integer
LANGUAGE plpgsql STABLE
AS $fn$
DECLARE
  chain jsonb;
  link jsonb;
  target integer;
  maturity integer;
  gap integer := 1;
BEGIN
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
  RETURN coalesce((p_item ->> 'likelihood')::integer, 3)
         * coalesce((p_item ->> 'consequence')::integer, 3)
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
  IF octet_length(value) > {max_text} THEN
    RETURN 'over {max_text_kib} KiB';
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
    WHEN octet_length(p_value #>> '{}') > {max_text} THEN 'over {max_text_kib} KiB'
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

""".replace("{max_text}", str(MAX_TEXT_BYTES)).replace("{max_text_kib}",
                                                       str(MAX_TEXT_BYTES // 1024))

# The rulebook's judgement (rules.judge), against the server's state of the row: ``p_cur``
# is the live row (NULL: new or deleted), ``p_new`` the fields set, the actor the login's
# member kind and person. Returns the refusal's code and message, or NULLs.
_JUDGE = r"""
CREATE OR REPLACE FUNCTION kanban_sec.judge(
  p_entity text, p_row text, p_new jsonb, p_cur jsonb, p_role text, p_name text,
  OUT code text, OUT message text)
LANGUAGE plpgsql STABLE
AS $fn$
DECLARE
  bookkeeping CONSTANT text[] := '{bookkeeping}';
  decision_fields CONSTANT text[] := '{decision_fields}';
  creating boolean := p_cur IS NULL;
  deleting boolean := coalesce(p_new ->> 'deleted_at', '') <> '';
  merged jsonb := coalesce(p_cur, '{}'::jsonb) || p_new;
  role_list text[];
  why text;
  k text;
  v jsonb;
  names text[] := '{}';
  changed text[] := '{}';
  joins boolean;
  person_id text;
  person_unit text;
  person_known boolean := false;
  chain jsonb;
  other jsonb;
  item jsonb;
  needed record;
  red jsonb;
  touched boolean;
  role text := coalesce(p_role, 'none');
  -- While the board has no governing person, anyone but control may set it up (rules.Actor).
  setting_up boolean;
BEGIN
  -- Validation: the entity, every field's type, null, range, choices and size (KS006):
  -- the first bad field in the change's order, in one query (kanban_sec.why_bad inlines).
  SELECT b.key, b.value, b.why INTO k, v, why
  FROM (SELECT e.key, e.value, e.n, kanban_sec.why_bad(s.spec, e.value) AS why
        FROM jsonb_each(p_new) WITH ORDINALITY e(key, value, n)
        LEFT JOIN kanban_sec.field_specs s ON s.entity = p_entity AND s.field = e.key
        WHERE e.key <> 'id' OFFSET 0) b
  WHERE b.why IS NOT NULL
  ORDER BY b.n LIMIT 1;
  -- An entity without declarations: every field is unknown (or it sets none but its id).
  IF (why = 'unknown field' OR (why IS NULL AND p_new - 'id' = '{}'::jsonb)) AND NOT EXISTS (
       SELECT 1 FROM kanban_sec.field_specs s WHERE s.entity = p_entity) THEN
    code := 'KS006';
    message := format('unknown entity %s', p_entity);
    RETURN;
  END IF;
  IF why IS NOT NULL THEN
    code := 'KS006';
    message := format('%s.%s: %s (%s)', p_entity, k, why,
                      CASE WHEN length(v::text) > 80 THEN left(v::text, 77) || '…'
                           ELSE v::text END);
    RETURN;
  END IF;
  IF creating THEN
    changed := ARRAY(SELECT e.key FROM jsonb_each(p_new) WITH ORDINALITY e(key, value, n)
                     WHERE e.key <> 'id' ORDER BY e.n);
  ELSE
    changed := ARRAY(SELECT e.key FROM jsonb_each(p_new) WITH ORDINALITY e(key, value, n)
                     WHERE e.key <> 'id' AND (p_cur -> e.key) IS DISTINCT FROM e.value
                       AND NOT (p_cur -> e.key IS NULL AND jsonb_typeof(e.value) = 'null')
                     ORDER BY e.n);
  END IF;

  -- Roles per field (rules.WRITE_ROLES): KS004, KS003 for decisions, KS002 for verifying.
  IF creating THEN
    names := '{+create}';
  ELSIF deleting THEN
    names := '{deleted_at}';
  END IF;
  names := names || ARRAY(
    SELECT c.k FROM unnest(changed) WITH ORDINALITY c(k, n)
    WHERE NOT c.k = ANY (bookkeeping) AND c.k <> 'deleted_at'
      AND NOT (creating AND jsonb_typeof(p_new -> c.k) = 'null')
    ORDER BY c.n);
  joins := p_entity = 'person' AND creating
           AND coalesce(merged ->> 'role', 'operational') = 'operational';
  IF cardinality(names) > 0 AND NOT joins THEN
    -- Only the names the role may not write (in order); usually none.
    FOR k, role_list IN
      SELECT x.k, x.roles
      FROM (SELECT n.k, n.i, coalesce(
                     (SELECT array_agg(r.role ORDER BY r.role) FROM kanban_sec.rule_roles r
                      WHERE r.entity = p_entity AND r.field = n.k),
                     (SELECT array_agg(r.role ORDER BY r.role) FROM kanban_sec.rule_roles r
                      WHERE r.entity = p_entity AND r.field = '*'),
                     '{}'::text[]) AS roles
            FROM unnest(names) WITH ORDINALITY n(k, i)) x
      WHERE NOT role = ANY (x.roles)
      ORDER BY x.i
    LOOP
      IF 'governing' = ANY (role_list) AND role <> 'controlling' THEN
        setting_up := coalesce(setting_up, kanban_sec.setting_up());
        CONTINUE WHEN setting_up;
      END IF;
      code := CASE WHEN p_entity = 'risk_decision' AND k = ANY (decision_fields) THEN 'KS003'
                   WHEN p_entity = 'verification' THEN 'KS002' ELSE 'KS004' END;
      message := format('%s (%s) may not %s (only %s)', p_name, role,
                        CASE WHEN k = '+create' THEN 'create ' || p_entity
                             WHEN k = 'deleted_at' THEN 'delete ' || p_entity
                             ELSE 'change ' || p_entity || '.' || k END,
                        array_to_string(role_list, ' / '));
      RETURN;
    END LOOP;
  END IF;

  -- The rules that need more than a role.
  SELECT m.code, m.message INTO code, message
  FROM kanban_sec.judge_more(p_entity, p_row, p_new, p_cur, p_role, p_name, changed,
                             setting_up) m;
END
$fn$;

-- The rules that need more than a role (the rest of kanban_sec.judge), for a change whose
-- values and roles passed: ``p_changed`` the fields it changes, in order; ``p_setting_up``
-- whether the board is being set up, when known (NULL: looked up if needed).
CREATE OR REPLACE FUNCTION kanban_sec.judge_more(
  p_entity text, p_row text, p_new jsonb, p_cur jsonb, p_role text, p_name text,
  p_changed text[], p_setting_up boolean, OUT code text, OUT message text)
LANGUAGE plpgsql STABLE
AS $fn$
DECLARE
  bookkeeping CONSTANT text[] := '{bookkeeping}';
  decision_fields CONSTANT text[] := '{decision_fields}';
  creating boolean := p_cur IS NULL;
  deleting boolean := coalesce(p_new ->> 'deleted_at', '') <> '';
  merged jsonb := coalesce(p_cur, '{}'::jsonb) || p_new;
  changed text[] := p_changed;
  joins boolean := p_entity = 'person' AND creating
                   AND coalesce(merged ->> 'role', 'operational') = 'operational';
  setting_up boolean := p_setting_up;
  role text := coalesce(p_role, 'none');
  k text;
  person_id text;
  person_unit text;
  chain jsonb;
  other jsonb;
  item jsonb;
  needed record;
  red jsonb;
  red_id text;
  touched boolean;
BEGIN
  IF p_entity = 'person' THEN
    IF joins AND role <> 'governing' AND coalesce(merged ->> 'unit_id', '') <> ''
       AND kanban_sec.live('unit', merged ->> 'unit_id') IS NULL
       AND NOT coalesce(setting_up, kanban_sec.setting_up()) THEN
      code := 'KS004';
      message := format('%s (%s) may not create a unit (only governing)', p_name, role);
    END IF;
    RETURN;
  END IF;

  IF p_entity IN ('risk_decision', 'verification', 'comment', 'standup_note')
     OR (p_entity = 'item' AND 'chain_id' = ANY (changed)) THEN
    -- The person with the member's name (case-insensitive), when there is exactly one.
    SELECT min(r.row_id), min(r.data ->> 'unit_id') INTO person_id, person_unit
    FROM kanban_sec.rows r
    WHERE r.entity = 'person' AND lower(r.data ->> 'name') = lower(btrim(p_name))
      AND coalesce(r.data ->> 'deleted_at', '') = ''
    HAVING count(*) = 1;
  END IF;

  IF p_entity = 'item' THEN
    IF role = 'controlling' THEN
      -- Internal control moves work only out of its own queue (or back into it, undoing
      -- its own verification); it changes nothing else of the work it checks.
      SELECT c INTO k FROM unnest(changed) c
      WHERE NOT c = ANY (bookkeeping) AND c NOT IN ('status', 'needs_verification') LIMIT 1;
      IF creating OR k IS NOT NULL
         OR ('status' = ANY (changed) AND (p_cur ->> 'status') IS DISTINCT FROM 'verify'
             AND (merged ->> 'status') IS DISTINCT FROM 'verify') THEN
        code := 'KS004';
        message := format('%s (%s) may not %s (only governing / operational)', p_name, role,
                          CASE WHEN creating THEN 'create item'
                               ELSE 'change item.' || coalesce(k, 'status') END);
        RETURN;
      END IF;
    END IF;
    IF merged ->> 'status' = 'done' AND (p_cur ->> 'status') IS DISTINCT FROM 'done'
       AND (creating OR 'status' = ANY (changed)) THEN
      IF coalesce(merged ->> 'blocked_reason', '') <> '' THEN
        code := 'KS008';
        message := format('the item “%s” is blocked (%s): a blocked item is never done',
                          kanban_sec.item_title(p_row, p_new),
                          merged ->> 'blocked_reason');
        RETURN;
      END IF;
      IF p_cur ->> 'status' = 'verify' THEN
        IF role <> 'controlling' OR NOT EXISTS (
             SELECT 1 FROM kanban_sec.rows r
             WHERE r.entity = 'verification' AND r.data ->> 'item_id' = p_row
               AND r.data ->> 'verdict' = 'approved'
               AND coalesce(r.data ->> 'deleted_at', '') = ''
               AND (p_cur ->> 'status_changed_at' IS NULL
                    OR coalesce(r.data ->> 'created_at', '')
                       >= p_cur ->> 'status_changed_at')) THEN
          code := 'KS002';
          message := format('the item “%s” leaves verify for done only through an approved '
                            'verification by a controlling member',
                            kanban_sec.item_title(p_row, p_new));
          RETURN;
        END IF;
      ELSE
        SELECT * INTO needed FROM kanban_sec.needs_verification(merged);
        IF needed.needed OR coalesce(merged ->> 'needs_verification', '0') = '1' THEN
          code := 'KS002';
          message := format('the item “%s” (score %s) needs a verification by a controlling '
                            'member before done', kanban_sec.item_title(p_row, p_new),
                            needed.score);
          RETURN;
        END IF;
      END IF;
    END IF;
    IF 'chain_id' = ANY (changed) AND NOT creating
       AND coalesce(p_cur ->> 'chain_id', '') <> '' THEN
      chain := kanban_sec.live('chain', p_cur ->> 'chain_id');
      IF coalesce(merged ->> 'chain_id', '') <> '' THEN
        other := kanban_sec.live('chain', merged ->> 'chain_id');
      END IF;
      IF chain IS NOT NULL
         AND (chain ->> 'risk_owner_unit_id') IS DISTINCT FROM (other ->> 'risk_owner_unit_id')
         AND NOT kanban_sec.may_decide(role, person_unit, chain) THEN
        code := 'KS003';
        message := format('%s (%s) may not move the item “%s” out of the chain “%s” to '
                          'another risk owner: that is the risk owner''s decision',
                          p_name, role, kanban_sec.item_title(p_row, p_new),
                          chain ->> 'name');
      END IF;
    END IF;
    RETURN;
  END IF;

  IF p_entity = 'risk_decision' THEN
    touched := changed && decision_fields;
    IF touched OR (deleting AND NOT creating AND p_cur ->> 'decision' IS NOT NULL) THEN
      IF coalesce(merged ->> 'item_id', '') <> '' THEN
        item := kanban_sec.live('item', merged ->> 'item_id');
        IF coalesce(item ->> 'chain_id', '') <> '' THEN
          chain := kanban_sec.live('chain', item ->> 'chain_id');
        END IF;
      ELSIF coalesce(merged ->> 'chain_id', '') <> '' THEN
        chain := kanban_sec.live('chain', merged ->> 'chain_id');
      END IF;
      IF NOT kanban_sec.may_decide(role, person_unit, chain) THEN
        code := 'KS003';
        message := format('%s (%s) does not decide the risk of the chain “%s”: only a '
                          'governing member of its risk-owner unit or a unit above it',
                          p_name, role, coalesce(chain ->> 'name', '—'));
        RETURN;
      END IF;
      IF 'decided_by' = ANY (changed) AND merged ->> 'decided_by' IS NOT NULL
         AND (merged ->> 'decided_by') IS DISTINCT FROM person_id THEN
        code := 'KS007';
        message := format('%s may not record risk_decision.decided_by as %s', p_name,
                          merged ->> 'decided_by');
        RETURN;
      END IF;
    END IF;
    IF 'recommended_by' = ANY (changed) AND merged ->> 'recommended_by' IS NOT NULL
       AND (merged ->> 'recommended_by') IS DISTINCT FROM person_id THEN
      code := 'KS007';
      message := format('%s may not record risk_decision.recommended_by as %s', p_name,
                        merged ->> 'recommended_by');
      RETURN;
    END IF;
    IF merged ->> 'decision' = 'accept' AND NOT deleting AND touched THEN
      IF btrim(coalesce(merged ->> 'rationale', '')) = '' THEN
        code := 'KS009';
        message := 'an acceptance needs a rationale';
      ELSIF coalesce(merged ->> 'valid_until', '') = '' THEN
        code := 'KS009';
        message := 'an acceptance needs a valid-until date';
      ELSE
        IF coalesce(merged ->> 'item_id', '') <> '' THEN
          SELECT i, merged ->> 'item_id' INTO red, red_id
          FROM (SELECT kanban_sec.live('item', merged ->> 'item_id') AS i) x
          WHERE i IS NOT NULL AND kanban_sec.red_band((i ->> 'likelihood')::integer,
                                                      (i ->> 'consequence')::integer);
        ELSE
          SELECT r.data, r.row_id INTO red, red_id FROM kanban_sec.rows r
          WHERE r.entity = 'item' AND r.data ->> 'chain_id' = merged ->> 'chain_id'
            AND coalesce(r.data ->> 'deleted_at', '') = ''
            AND (r.data ->> 'status') IS DISTINCT FROM 'done'
            AND kanban_sec.red_band((r.data ->> 'likelihood')::integer,
                                    (r.data ->> 'consequence')::integer)
          ORDER BY r.row_id LIMIT 1;
        END IF;
        IF red IS NOT NULL THEN
          code := 'KS009';
          IF red ->> 'likelihood' IS NULL OR red ->> 'consequence' IS NULL THEN
            message := format('the item “%s” has no assessed likelihood or consequence: '
                              'it cannot be accepted until it is assessed',
                              kanban_sec.item_title(red_id, '{}'));
          ELSE
            message := format('the item “%s” (likelihood %s × consequence %s) is in the red '
                              'band: it cannot be accepted',
                              kanban_sec.item_title(red_id, '{}'), red ->> 'likelihood',
                              red ->> 'consequence');
          END IF;
        END IF;
      END IF;
    END IF;
    RETURN;
  END IF;

  IF p_entity = 'verification' THEN
    IF 'verified_by' = ANY (changed) AND merged ->> 'verified_by' IS NOT NULL
       AND (merged ->> 'verified_by') IS DISTINCT FROM person_id THEN
      code := 'KS007';
      message := format('%s may not record verification.verified_by as %s', p_name,
                        merged ->> 'verified_by');
    ELSIF creating AND btrim(coalesce(merged ->> 'evidence', '')) = '' THEN
      code := 'KS002';
      message := 'a verification needs evidence';
    ELSIF creating AND (kanban_sec.live('item', merged ->> 'item_id') ->> 'status')
                       IS DISTINCT FROM 'verify' THEN
      code := 'KS002';
      message := format('the item %s is not in verify', merged ->> 'item_id');
    END IF;
    RETURN;
  END IF;

  IF p_entity IN ('comment', 'standup_note') THEN
    IF creating AND 'author' = ANY (changed) AND merged ->> 'author' IS NOT NULL
       AND merged ->> 'author' <> p_name THEN
      code := 'KS007';
      message := format('%s may not write a %s as %s', p_name, p_entity, merged ->> 'author');
    ELSIF p_entity = 'comment' AND NOT creating
          AND (p_cur ->> 'author') IS DISTINCT FROM p_name AND role <> 'governing' THEN
      code := 'KS007';
      message := format('%s (%s) may not change another member''s comment', p_name, role);
    END IF;
  END IF;
END
$fn$;
""".replace("{bookkeeping}", "{" + ",".join(sorted(rules.BOOKKEEPING)) + "}").replace(
    "{decision_fields}", "{" + ",".join(sorted(rules.DECISION_FIELDS)) + "}")

# ``>>`` on a bigint is arithmetic: an HLC's top 48 bits are epoch milliseconds.
_TRIGGER = """
CREATE OR REPLACE FUNCTION kanban_sec.check_change() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
  bookkeeping CONSTANT text[] := '{bookkeeping}';
  code text;
  message text;
  hint text;
  ahead_ms bigint;
  kind text;
  member_person text;
  tls boolean;
  new_values jsonb;
  win_data jsonb;
  win_stamps jsonb;
  has_state boolean;
  live jsonb;
  odd boolean;
  changed text[];
  done integer;
  pairs boolean;
  state_ctid tid;
BEGIN
  -- The server's own columns: a member cannot choose its place in the server order, nor
  -- who wrote: the login of the session (SET ROLE does not change it) and its person.
  NEW.xid := pg_current_xact_id();
  NEW.received := clock_timestamp();
  NEW.author := session_user;
  ahead_ms := (NEW.hlc >> 16)
              - floor(extract(epoch FROM NEW.received) * 1000)::bigint;

  IF jsonb_typeof(NEW.fields) IS DISTINCT FROM 'object' THEN
    code := 'KS005';
    message := 'fields must be a JSON object of [new, old] pairs';
  ELSE
    -- One query for the common case: the actor (the login's member kind by its group
    -- roles, and its person), TLS (kanban_sec.tls(), inline: the trigger runs as the owner,
    -- who sees the session), the server's state of the row (locked until the end of the
    -- transaction), whether every field is a [new, old] pair, the values that win the merge
    -- of the state's fields (per field the highest (hlc, node_id)), and whether anything is
    -- odd: a bad or unknown value, no field set, or a field (or creating, deleting) the
    -- member's role may not write. Then kanban_sec.judge says why. One pass over the
    -- fields; the common values (text, times, choices, references) are checked by plain
    -- predicates, anything else (or anything they do not pass) by kanban_sec.why_bad.
    SELECT a.person, a.kind, a.tls, st.data IS NOT NULL, st.ctid, l.live, f.win_data, f.win_stamps,
           f.pairs, f.odd OR CASE
             WHEN l.live IS NULL
               THEN NOT coalesce(er.roles -> '+create', er.roles -> '*', '[]'::jsonb) ? a.kind
             WHEN coalesce(NEW.fields -> 'deleted_at' ->> 0, '') <> ''
               THEN NOT coalesce(er.roles -> 'deleted_at', er.roles -> '*', '[]'::jsonb)
                        ? a.kind
             ELSE false END
    INTO member_person, kind, tls, has_state, state_ctid, live, win_data, win_stamps, pairs, odd
    FROM (SELECT (SELECT m.person FROM kanban_sec.members m WHERE m.login = session_user)
                   AS person,
                 CASE WHEN pg_has_role(session_user, 'kanban_governing', 'MEMBER')
                        THEN 'governing'
                      WHEN pg_has_role(session_user, 'kanban_controlling', 'MEMBER')
                        THEN 'controlling'
                      WHEN pg_has_role(session_user, 'kanban_operational', 'MEMBER')
                        THEN 'operational'
                      ELSE 'none' END AS kind,
                 coalesce((SELECT s.ssl FROM pg_stat_get_activity(pg_backend_pid()) s),
                          false) AS tls) a
    LEFT JOIN (SELECT r.ctid, r.data, r.stamps FROM kanban_sec.rows r
               WHERE r.entity = NEW.entity AND r.row_id = NEW.row_id FOR UPDATE) st ON true
    LEFT JOIN kanban_sec.entity_rules er ON er.entity = NEW.entity
    CROSS JOIN LATERAL (SELECT CASE WHEN coalesce(st.data ->> 'deleted_at', '') = ''
                                    THEN st.data END AS live) l
    CROSS JOIN LATERAL (
      SELECT coalesce(jsonb_object_agg(x.key, x.value) FILTER (WHERE x.kept AND x.wins),
                      '{}'::jsonb) AS win_data,
             coalesce(jsonb_object_agg(x.key, jsonb_build_array(NEW.hlc, NEW.node_id))
                      FILTER (WHERE x.kept AND x.wins), '{}'::jsonb) AS win_stamps,
             coalesce(bool_and(x.pair), true) AS pairs,
             coalesce(bool_or(x.why IS NOT NULL), false)
             OR coalesce(bool_and(x.key = 'id'), true)
             OR coalesce(bool_or(x.changed AND NOT x.key = ANY (bookkeeping)
                                 AND x.key <> 'deleted_at'
                                 AND NOT (l.live IS NULL AND x.type = 'null')
                                 AND NOT coalesce(er.roles -> x.key, er.roles -> '*',
                                                  '[]'::jsonb) ? a.kind), false) AS odd
      FROM (SELECT y.key, y.value, y.type, y.n, y.kept, y.pair,
                   y.stamp IS NULL OR NEW.hlc > (y.stamp ->> 0)::bigint
                   OR (NEW.hlc = (y.stamp ->> 0)::bigint
                       AND NEW.node_id COLLATE "C" > (y.stamp ->> 1) COLLATE "C") AS wins,
                   CASE
                     WHEN y.key = 'id' THEN NULL
                     -- (each implies why_bad's NULL; the rest goes to why_bad)
                     WHEN y.kind = 'time' AND y.type = 'string'
                          AND y.text ~ ('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])'
                                        '([T ][0-9]{2}(:[0-9]{2}(:[0-9]{2}([.][0-9]{1,6})?)?)?'
                                        '([+-][0-9]{2}(:?[0-9]{2})?|Z)?)?$')
                          AND left(y.text, 4) <> '0000' THEN NULL
                     WHEN y.kind = 'text' AND y.type = 'string'
                          AND octet_length(y.text) <= {max_text} THEN NULL
                     WHEN y.type = 'null' AND y.spec ->> 'nullable' = 'true' THEN NULL
                     WHEN y.kind = 'enum' AND y.type = 'string'
                          AND (y.spec -> 'choices') ? y.text
                          AND octet_length(y.text) <= {max_text} THEN NULL
                     WHEN y.kind = 'ref' AND y.type = 'string'
                          AND octet_length(y.text) <= {max_text} AND btrim(y.text) <> ''
                          THEN NULL
                     WHEN y.kind = 'json' AND y.type = 'string'
                          AND y.text IN ('[]', '{}', 'null') THEN NULL
                     ELSE kanban_sec.bad_value(y.spec, y.value) END AS why,
                   y.key <> 'id' AND (l.live IS NULL OR (
                     y.cur IS DISTINCT FROM y.value
                     AND NOT (y.cur IS NULL AND y.type = 'null'))) AS changed
            -- (each looked up once)
            FROM (SELECT z.key, z.value, z.n, z.spec, z.kept, z.stamp, z.cur, z.pair,
                         z.spec ->> 'kind' AS kind, jsonb_typeof(z.value) AS type,
                         z.value #>> '{}' AS text
                  FROM (SELECT e.key, e.value -> 0 AS value, e.n, er.specs -> e.key AS spec,
                               coalesce(er.state ? e.key, false) AS kept,
                               st.stamps -> e.key AS stamp, l.live -> e.key AS cur,
                               CASE WHEN jsonb_typeof(e.value) = 'array'
                                    THEN jsonb_array_length(e.value) = 2 ELSE false END AS pair
                        FROM jsonb_each(NEW.fields) WITH ORDINALITY e(key, value, n)
                        OFFSET 0) z
                  OFFSET 0) y) x
    ) f;
    NEW.person := coalesce(member_person, session_user::text);
    IF NOT pairs THEN
      code := 'KS005';
      message := 'fields must be a JSON object of [new, old] pairs';
    ELSIF ahead_ms > {max_ahead_ms} THEN
      code := 'KS001';
      message := format('its HLC time stamp is %s s ahead of the server clock '
                        '(at most %s s allowed)', round(ahead_ms / 1000.0, 1),
                        {max_ahead_ms} / 1000);
      hint := 'Check the clock of the computer that made the change.';
    ELSIF NOT tls THEN
      code := 'KS010';
      message := format('the login %s is not connected with TLS', session_user);
      hint := 'Connect with sslmode=verify-full.';
    ELSIF octet_length(NEW.fields::text) > {max_change} THEN
      code := 'KS006';
      message := format('the change is %s bytes (at most %s)', octet_length(NEW.fields::text),
                        {max_change});
    ELSIF odd OR NEW.entity IN ('person', 'risk_decision', 'verification', 'comment',
                                'standup_note')
          OR (NEW.entity = 'item' AND (kind = 'controlling' OR NEW.fields -> 'status' ->> 0 = 'done'
                                       OR (NEW.fields ? 'chain_id'
                                           AND coalesce(live ->> 'chain_id', '') <> ''))) THEN
      -- The values it sets; something odd: the whole judgement says why; else the rules
      -- that need more than a role, only for the changes they concern.
      new_values := coalesce((SELECT jsonb_object_agg(e.key, e.value -> 0)
                              FROM jsonb_each(NEW.fields) e), '{}'::jsonb);
      IF odd THEN
        SELECT j.code, j.message INTO code, message
        FROM kanban_sec.judge(NEW.entity, NEW.row_id, new_values, live, kind, NEW.person) j;
      ELSE
        SELECT j.code, j.message INTO code, message
        FROM kanban_sec.judge_more(
          NEW.entity, NEW.row_id, new_values, live, kind, NEW.person,
          ARRAY(SELECT e.key FROM jsonb_each(new_values) WITH ORDINALITY e(key, value, n)
                WHERE e.key <> 'id' AND (live IS NULL OR (
                  (live -> e.key) IS DISTINCT FROM e.value
                  AND NOT (live -> e.key IS NULL AND jsonb_typeof(e.value) = 'null')))
                ORDER BY e.n), NULL) j;
      END IF;
    END IF;
  END IF;

  IF code IS NULL THEN
    -- Accepted: merge it into the server's state (its fields), per field the highest
    -- (hlc, node_id); nothing to write when it sets none of them on a row the state has.
    IF NOT has_state THEN
      INSERT INTO kanban_sec.rows (entity, row_id, data, stamps)
      VALUES (NEW.entity, NEW.row_id, win_data, win_stamps)
      ON CONFLICT (entity, row_id) DO NOTHING;
      GET DIAGNOSTICS done = ROW_COUNT;
      IF done = 0 THEN  -- created meanwhile by another transaction: merge into that
        PERFORM kanban_sec.merge_change(NEW.entity, NEW.row_id, NEW.fields, NEW.hlc,
                                        NEW.node_id);
      END IF;
    ELSIF win_data <> '{}'::jsonb THEN  -- (the row is locked since the query above)
      -- (by its place: the lock holds it there)
      UPDATE kanban_sec.rows r SET data = r.data || win_data, stamps = r.stamps || win_stamps
      WHERE r.ctid = state_ctid;
    END IF;
    RETURN NEW;
  END IF;
  IF member_person IS NULL THEN  -- (refused before the actor was looked up)
    NEW.person := coalesce((SELECT m.person FROM kanban_sec.members m
                            WHERE m.login = session_user), session_user::text);
  END IF;
  -- A retried push of a change the server has: ON CONFLICT (id) DO NOTHING skips it (and
  -- without ON CONFLICT the unique id refuses it), so it is not judged again, even if the
  -- member's rights or the clock have changed since.
  IF EXISTS (SELECT 1 FROM kanban_sec.changes c WHERE c.id = NEW.id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION USING ERRCODE = code,
    MESSAGE = format('change %s (%s) refused: %s', NEW.id, NEW.entity, message),
    DETAIL = jsonb_build_object('code', code, 'change', NEW.id, 'entity', NEW.entity,
                                'login', session_user, 'reason', message,
                                'ahead_ms', ahead_ms)::text,
    HINT = coalesce(hint, '');
END
$fn$;

-- Merge one change into a state row that exists (the slow path of a concurrent create).
CREATE OR REPLACE FUNCTION kanban_sec.merge_change(p_entity text, p_row text, p_fields jsonb,
                                                   p_hlc bigint, p_node text) RETURNS void
LANGUAGE plpgsql
AS $fn$
DECLARE
  state_data jsonb;
  state_stamps jsonb;
  k text;
  v jsonb;
  stamp jsonb;
BEGIN
  SELECT r.data, r.stamps INTO state_data, state_stamps FROM kanban_sec.rows r
  WHERE r.entity = p_entity AND r.row_id = p_row FOR UPDATE;
  FOR k, v IN SELECT f.key, f.value FROM jsonb_each(p_fields) f
              JOIN kanban_sec.state_fields s ON s.entity = p_entity AND s.field = f.key LOOP
    stamp := state_stamps -> k;
    IF stamp IS NULL OR p_hlc > (stamp ->> 0)::bigint OR (
         p_hlc = (stamp ->> 0)::bigint AND p_node COLLATE "C" > (stamp ->> 1) COLLATE "C") THEN
      state_data := state_data || jsonb_build_object(k, v -> 0);
      state_stamps := state_stamps || jsonb_build_object(k, jsonb_build_array(p_hlc, p_node));
    END IF;
  END LOOP;
  UPDATE kanban_sec.rows SET data = state_data, stamps = state_stamps
  WHERE entity = p_entity AND row_id = p_row;
END
$fn$;

DROP TRIGGER IF EXISTS check_change ON kanban_sec.changes;
CREATE TRIGGER check_change BEFORE INSERT ON kanban_sec.changes
  FOR EACH ROW EXECUTE FUNCTION kanban_sec.check_change();

ALTER TABLE kanban_sec.changes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS changes_insert ON kanban_sec.changes;
-- The trigger sets the author to the session's login; this holds it to that.
CREATE POLICY changes_insert ON kanban_sec.changes FOR INSERT
  WITH CHECK (author = session_user);
DROP POLICY IF EXISTS changes_select ON kanban_sec.changes;
CREATE POLICY changes_select ON kanban_sec.changes FOR SELECT
  USING ((SELECT kanban_sec.require_tls()));  -- once per statement, not per row
""".replace("{max_ahead_ms}", str(HLC_MAX_AHEAD_MS)).replace(
    "{max_change}", str(MAX_CHANGE_BYTES)).replace("{max_text}", str(MAX_TEXT_BYTES)).replace(
    "{bookkeeping}", "{" + ",".join(sorted(rules.BOOKKEEPING)) + "}")

_ROLE = """
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = {name}) THEN
    CREATE ROLE {ident} NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;  -- created meanwhile by a set-up of another database on this cluster
END
$do$;
"""


def _grants(database: str) -> list[sql.SQL | sql.Composed]:
    member = sql.Identifier(MEMBER_ROLE)
    columns = sql.SQL(", ").join(sql.Identifier(c) for c in INSERT_COLUMNS)
    statements: list[sql.SQL | sql.Composed] = [
        sql.SQL("REVOKE ALL ON kanban_sec.changes, kanban_sec.meta, kanban_sec.members"
                " FROM PUBLIC, {member}").format(member=member),
        sql.SQL("REVOKE ALL ON SEQUENCE kanban_sec.changes_seq_seq FROM PUBLIC, {member}")
        .format(member=member),
        sql.SQL("REVOKE ALL ON kanban_sec.rows, kanban_sec.rule_roles, kanban_sec.field_specs,"
                " kanban_sec.state_fields, kanban_sec.entity_rules"
                " FROM PUBLIC, {member}").format(member=member),
        sql.SQL("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kanban_sec FROM PUBLIC, {member}")
        .format(member=member),
        # The SELECT policy runs as the member: it needs these two (and nothing else).
        sql.SQL("GRANT EXECUTE ON FUNCTION kanban_sec.tls(), kanban_sec.require_tls()"
                " TO {member}").format(member=member),
        sql.SQL("GRANT USAGE ON SCHEMA kanban_sec TO {member}").format(member=member),
        sql.SQL("GRANT SELECT ON kanban_sec.changes TO {member}").format(member=member),
        sql.SQL("GRANT INSERT ({columns}) ON kanban_sec.changes TO {member}").format(
            columns=columns, member=member),
        sql.SQL("GRANT USAGE, SELECT ON SEQUENCE kanban_sec.changes_seq_seq TO {member}")
        .format(member=member),
        sql.SQL("GRANT SELECT ON kanban_sec.meta, kanban_sec.members TO {member}")
        .format(member=member),
        sql.SQL("GRANT CONNECT ON DATABASE {db} TO {member}").format(
            db=sql.Identifier(database), member=member),
    ]
    for role in (GOVERNING_ROLE, OPERATIONAL_ROLE, CONTROLLING_ROLE):
        statements.append(sql.SQL("GRANT {member} TO {role}").format(
            member=member, role=sql.Identifier(role)))
    return statements


# -- connections ---------------------------------------------------------------------------------


@contextmanager
def _connected(conninfo: str, *, secrets: Iterable[str | None] = ()) -> Iterator[
        psycopg.Connection[Any]]:
    """A connection in one transaction, committed at the end; psycopg errors (connecting
    included) become one readable :class:`SyncError`."""
    hidden = list(secrets)
    try:
        timeout: dict[str, Any] = ({} if "connect_timeout" in conninfo_parts(conninfo)
                                   else {"connect_timeout": CONNECT_TIMEOUT})
        with psycopg.connect(conninfo, application_name="kanban-sec server", **timeout) as conn:
            yield conn
    except psycopg.Error as exc:
        raise describe_error(exc, conninfo, secrets=hidden) from None


def _current_version(conn: psycopg.Connection[Any]) -> str | None:
    """The stored ``schema_version`` text; ``None`` when the schema is not there.

    Looks the table up in the catalogue first, so a missing schema leaves the transaction
    usable; raises :class:`LoginFailed` when the login may not read it (not a member)."""
    row = conn.execute(
        "SELECT c.oid FROM pg_catalog.pg_class c"
        " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = %s AND c.relname = 'meta' AND c.relkind = 'r'",
        (SCHEMA,)).fetchone()
    if row is None:
        return None
    readable = conn.execute(
        "SELECT has_schema_privilege(%s, 'USAGE') AND has_table_privilege(%s, 'SELECT')",
        (SCHEMA, row[0])).fetchone()
    if not (readable and readable[0]):
        user = conn.execute("SELECT current_user").fetchone()
        raise LoginFailed("sync.server.no_access", user=user[0] if user else "?")
    found = conn.execute(
        "SELECT value FROM kanban_sec.meta WHERE key = 'schema_version'").fetchone()
    return None if found is None else str(found[0])


def _version_number(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        error = SchemaMismatch("sync.server.bad_version", value=text)
        raise error from None


def check_version(conn: psycopg.Connection[Any]) -> None:
    """Refuse a server whose kanban-sec schema is missing, older or newer than this app's.

    Raises :class:`~kanban_sec.sync.errors.SchemaMismatch` (``server_version`` set) with a
    message that says who does what about it. Runs in ``conn``'s transaction and leaves
    it usable when the schema is missing.
    """
    try:
        text = _current_version(conn)
    except psycopg.Error as exc:
        raise describe_error(exc) from None
    if text is None:
        raise SchemaMismatch("sync.server.not_set_up")
    version = _version_number(text)
    if version == SERVER_SCHEMA_VERSION:
        return
    key = "sync.server.too_new" if version > SERVER_SCHEMA_VERSION else "sync.server.too_old"
    error = SchemaMismatch(key, server=version, client=SERVER_SCHEMA_VERSION)
    error.server_version = version
    raise error


# -- set-up -----------------------------------------------------------------------------------


def init_server(conninfo: str) -> int:
    """Create or bring up to date the kanban-sec schema in the database of ``conninfo``.

    Run by an administrator (a superuser, or the database's owner with CREATEROLE). Safe to
    run again: nothing is lost, and grants, policies and the trigger are set afresh. A
    server newer than this app is refused. Returns the schema version now in place.
    """
    with _connected(conninfo) as conn:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        existing = _current_version(conn)
        version = None
        if existing is not None:
            version = _version_number(existing)
            if version > SERVER_SCHEMA_VERSION:
                error = SchemaMismatch("sync.server.too_new", server=version,
                                       client=SERVER_SCHEMA_VERSION)
                error.server_version = version
                raise error
        row = conn.execute("SELECT current_user").fetchone()
        user = str(row[0]) if row else "?"
        try:
            # Version 1 kept no state of the rows: build it from the log (also when the
            # stored version is unreadable or older still).
            _create(conn, rebuild=version is None or version < 2)
        except psycopg.errors.InsufficientPrivilege as exc:
            reason = redact(" ".join((exc.diag.message_primary or str(exc)).split()))
            raise ServerRefused("sync.server.no_rights", user=user, reason=reason) from None
    return SERVER_SCHEMA_VERSION


def _create(conn: psycopg.Connection[Any], *, rebuild: bool) -> None:
    for role in (MEMBER_ROLE, GOVERNING_ROLE, OPERATIONAL_ROLE, CONTROLLING_ROLE,
                 RISK_OWNER_ROLE):
        conn.execute(sql.SQL(_ROLE).format(name=sql.Literal(role),
                                           ident=sql.Identifier(role)))
    conn.execute(_TABLES)
    conn.execute(_FUNCTIONS)
    conn.execute(_JUDGE)
    conn.execute(_TRIGGER)
    if _declare(conn) or rebuild:
        conn.execute(_REBUILD)
    for (login,) in conn.execute(
            "SELECT m.login FROM kanban_sec.members m"
            " JOIN pg_catalog.pg_roles r ON r.rolname = m.login").fetchall():
        conn.execute(_idle_timeout(str(login)))
    row = conn.execute("SELECT current_database()").fetchone()
    for statement in _grants(str(row[0]) if row else ""):
        conn.execute(statement)
    conn.execute(
        "INSERT INTO kanban_sec.meta (key, value) VALUES ('schema_version', %s)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (str(SERVER_SCHEMA_VERSION),))


def _declare(conn: psycopg.Connection[Any]) -> bool:
    """Refill the rulebook's declarations (an upgrade of the app brings its new rules).

    Returns whether the fields the state keeps changed (then the state is built again)."""
    before = conn.execute("SELECT entity, field FROM kanban_sec.state_fields"
                          " ORDER BY entity, field").fetchall()
    conn.execute("DELETE FROM kanban_sec.rule_roles")
    conn.execute("DELETE FROM kanban_sec.field_specs")
    conn.execute("DELETE FROM kanban_sec.state_fields")
    state = rules.state_declarations()
    with conn.cursor() as cur:
        cur.executemany("INSERT INTO kanban_sec.rule_roles (entity, field, role)"
                        " VALUES (%s, %s, %s)", rules.declarations())
        cur.executemany("INSERT INTO kanban_sec.field_specs (entity, field, spec)"
                        " VALUES (%s, %s, %s::jsonb)", rules.field_declarations())
        cur.executemany("INSERT INTO kanban_sec.state_fields (entity, field)"
                        " VALUES (%s, %s)", state)
    conn.execute(_ENTITY_RULES)
    return [tuple(row) for row in before] != [tuple(row) for row in state]


def _idle_timeout(login: str) -> sql.Composed:
    """A member's login may not sit idle in a transaction (holding back others' pulls)."""
    return sql.SQL("ALTER ROLE {} SET idle_in_transaction_session_timeout = {}").format(
        sql.Identifier(login), sql.Literal(IDLE_IN_TRANSACTION_TIMEOUT))


def add_member(conninfo: str, login: str, kind: str, password: str, *,
               person: str | None = None, risk_owner: bool = False) -> None:
    """Create the login ``login`` (a member of ``kind``: governing, operational or
    controlling), optionally a risk owner, and record it in ``kanban_sec.members``.

    The password goes to the server as a SCRAM verifier computed here, so it appears in
    no statement or server log. A login that exists already is refused
    (:class:`~kanban_sec.sync.errors.MemberExists`).
    """
    if kind not in KIND_ROLES:
        raise BadInput("value.bad_role", value=kind, choices=", ".join(KIND_ROLES))
    if not login or len(login.encode()) > 63 or "\0" in login or \
            login.lower().startswith("pg_"):
        raise BadInput("sync.server.bad_login", login=login)
    if not password:
        raise BadInput("sync.server.no_password")
    with _connected(conninfo, secrets=[password]) as conn:
        check_version(conn)
        exists = conn.execute("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %s",
                              (login,)).fetchone()
        if exists is not None:
            raise MemberExists("sync.server.member_exists", login=login)
        verifier = conn.pgconn.encrypt_password(password.encode(), login.encode(),
                                                b"scram-sha-256").decode("ascii")
        ident = sql.Identifier(login)
        try:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                ident, sql.Literal(verifier)))
        except psycopg.errors.DuplicateObject:
            raise MemberExists("sync.server.member_exists", login=login) from None
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(KIND_ROLES[kind]), ident))
        conn.execute(_idle_timeout(login))
        if risk_owner:
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(RISK_OWNER_ROLE),
                                                          ident))
        conn.execute(
            "INSERT INTO kanban_sec.members (login, kind, person) VALUES (%s, %s, %s)"
            " ON CONFLICT (login) DO UPDATE SET kind = excluded.kind,"
            " person = excluded.person", (login, kind, person))


__all__ = [
    "CONNECT_TIMEOUT",
    "INSERT_COLUMNS",
    "KIND_ROLES",
    "SERVER_SCHEMA_VERSION",
    "SyncError",
    "add_member",
    "check_version",
    "init_server",
]
