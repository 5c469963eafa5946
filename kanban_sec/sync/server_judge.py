"""The sync server's judgement as SQL: :func:`kanban_sec.domain.rules.judge` mirrored in
PL/pgSQL against the server's state, the trigger that runs it on every inserted change,
and the roles it needs. Run by ``server init`` (:mod:`kanban_sec.sync.server`)."""

from __future__ import annotations

from kanban_sec.domain import rules
from kanban_sec.domain.rule_tables import MAX_REF_BYTES
from kanban_sec.domain.rules import MAX_CHANGE_BYTES, MAX_TEXT_BYTES
from kanban_sec.sync.errors import HLC_MAX_AHEAD_MS

# The rulebook's judgement (rules.judge), against the server's state of the row: ``p_cur``
# is the live row (NULL: new or deleted), ``p_new`` the fields set, the actor the login's
# member kind and person. Returns the refusal's code and message, or NULLs.
JUDGE = r"""
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
  red_kind text := 'item';
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

  IF p_entity IN ('risk_decision', 'verification', 'comment', 'standup_note', 'ros_risk',
                  'info_value')
     OR (p_entity = 'item' AND 'chain_id' = ANY (changed)) THEN
    -- The person with the member's name (case-insensitive), when there is exactly one.
    SELECT min(r.row_id), min(r.data ->> 'unit_id') INTO person_id, person_unit
    FROM kanban_sec.rows r
    WHERE r.entity = 'person' AND lower(r.data ->> 'name') = lower(btrim(p_name))
      AND coalesce(r.data ->> 'deleted_at', '') = ''
    HAVING count(*) = 1;
  END IF;

  IF p_entity IN ('ros_risk', 'info_value') THEN  -- (kanban_sec/sync/server_ros.py)
    SELECT j.code, j.message INTO code, message
    FROM kanban_sec.judge_ros(p_entity, p_row, p_new, p_cur, p_role, p_name, changed,
                              setting_up, person_id, person_unit) j;
    RETURN;
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
      -- The chain of the risk (a ROS risk, else the item), else the decision's own.
      IF coalesce(merged ->> 'risk_id', '') <> '' THEN
        other := kanban_sec.live('ros_risk', merged ->> 'risk_id');
        IF coalesce(other ->> 'chain_id', '') <> '' THEN
          chain := kanban_sec.live('chain', other ->> 'chain_id');
        END IF;
      ELSIF coalesce(merged ->> 'item_id', '') <> '' THEN
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
        IF coalesce(merged ->> 'risk_id', '') <> '' THEN
          -- A ROS risk: assessed (likelihood and consequence) and not in the red band.
          SELECT i, merged ->> 'risk_id', 'ros_risk' INTO red, red_id, red_kind
          FROM (SELECT kanban_sec.live('ros_risk', merged ->> 'risk_id') AS i) x
          WHERE i IS NOT NULL AND kanban_sec.red_band((i ->> 'likelihood')::integer,
                                                      (i ->> 'consequence')::integer);
        ELSIF coalesce(merged ->> 'item_id', '') <> '' THEN
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
          k := coalesce(kanban_sec.logged(red_kind, red_id, 'title') #>> '{}', red_id);
          IF red ->> 'likelihood' IS NULL OR red ->> 'consequence' IS NULL THEN
            message := format('the %s “%s” has no assessed likelihood or consequence: '
                              'it cannot be accepted until it is assessed',
                              replace(red_kind, 'ros_risk', 'risk'), k);
          ELSE
            message := format('the %s “%s” (likelihood %s × consequence %s) is in the red '
                              'band: it cannot be accepted', replace(red_kind, 'ros_risk', 'risk'),
                              k, red ->> 'likelihood', red ->> 'consequence');
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
    "{decision_fields}", "{" + ",".join(sorted(rules.DECISION_FIELDS)) + "}"
)

# Why a field's value is bad (NULL: fine), for a row ``y`` of (key, value, spec, kind, type,
# text): the common values (text, times, choices, references) by plain predicates, anything
# else (or anything they do not pass) by kanban_sec.why_bad. The trigger and
# kanban_sec.push_changes (which judges a pushed batch's plain changes at once) share it.
VALUE_WHY = """CASE
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
                          AND octet_length(y.text) <= {max_ref} AND btrim(y.text) <> ''
                          THEN NULL
                     WHEN y.kind = 'json' AND y.type = 'string'
                          AND y.text IN ('[]', '{}', 'null') THEN NULL
                     ELSE kanban_sec.bad_value(y.spec, y.value) END""".replace(
    "{max_ref}", str(MAX_REF_BYTES)
)


def fill(sql: str) -> str:
    """The trigger's (and the batch push's) SQL with the rulebook's values in place:
    ``{value_why}`` (:data:`VALUE_WHY`), ``{max_ahead_ms}``, ``{max_change}``, ``{max_text}``
    and ``{bookkeeping}``."""
    return (
        sql.replace("{value_why}", VALUE_WHY)
        .replace("{max_ahead_ms}", str(HLC_MAX_AHEAD_MS))
        .replace("{max_change}", str(MAX_CHANGE_BYTES))
        .replace("{max_text}", str(MAX_TEXT_BYTES))
        .replace("{bookkeeping}", "{" + ",".join(sorted(rules.BOOKKEEPING)) + "}")
    )


# ``>>`` on a bigint is arithmetic: an HLC's top 48 bits are epoch milliseconds.
TRIGGER = fill(
    """
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

  -- A retried push of a change the server has: ON CONFLICT (id) DO NOTHING skips it (and
  -- without ON CONFLICT the unique id refuses it), so it is not judged again, even if the
  -- member's rights or the clock have changed since, nor merged into the state (the same
  -- id with other fields would put values in the state that no change in the log holds).
  IF EXISTS (SELECT 1 FROM kanban_sec.changes c WHERE c.id = NEW.id) THEN
    RETURN NEW;
  END IF;
  IF NEW.prejudged AND NEW.entity = 'item' AND NEW.fields ? 'chain_id' AND EXISTS (
       SELECT 1 FROM kanban_sec.rows r WHERE r.entity = 'item' AND r.row_id = NEW.row_id) THEN
    -- Judged plain as the item's making (its chain is then nobody's decision yet); the item
    -- was made since, by another push: the chain may be a move, judged whole.
    NEW.prejudged := false;
  END IF;
  IF NEW.prejudged THEN
    -- Judged with its batch by kanban_sec.push_changes: the server's state of the row
    -- (locked) and what wins.
    SELECT st.ctid IS NOT NULL, st.ctid, w.data, w.stamps
    INTO has_state, state_ctid, win_data, win_stamps
    FROM (SELECT 1) one
    LEFT JOIN (SELECT r.ctid, r.stamps FROM kanban_sec.rows r
               WHERE r.entity = NEW.entity AND r.row_id = NEW.row_id FOR UPDATE) st ON true
    CROSS JOIN LATERAL (
      SELECT coalesce(jsonb_object_agg(e.key, e.value -> 0), '{}'::jsonb) AS data,
             coalesce(jsonb_object_agg(e.key, jsonb_build_array(NEW.hlc, NEW.node_id)),
                      '{}'::jsonb) AS stamps
      FROM jsonb_each(NEW.fields) e
      JOIN kanban_sec.entity_rules er ON er.entity = NEW.entity AND er.state ? e.key
      WHERE st.stamps -> e.key IS NULL OR NEW.hlc > (st.stamps -> e.key ->> 0)::bigint
            OR (NEW.hlc = (st.stamps -> e.key ->> 0)::bigint
                AND NEW.node_id COLLATE "C" > (st.stamps -> e.key ->> 1) COLLATE "C")) w;
  ELSIF jsonb_typeof(NEW.fields) IS DISTINCT FROM 'object' THEN
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
                   {value_why} AS why,
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
                                'standup_note', 'ros_risk', 'info_value')
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
      IF done = 0 THEN
        -- Created meanwhile by another transaction: this change was judged as the row's
        -- creation, and as a change of that row a rule might refuse it (a chain move, a
        -- move to done, another's comment ...). The push is undone; the next sync judges it
        -- against the row.
        RAISE EXCEPTION USING ERRCODE = '40001',
          MESSAGE = format('the %s %s was created by another push at the same time: sync again',
                           NEW.entity, NEW.row_id);
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
  RAISE EXCEPTION USING ERRCODE = code,
    MESSAGE = format('change %s (%s) refused: %s', NEW.id, NEW.entity, message),
    DETAIL = jsonb_build_object('code', code, 'change', NEW.id, 'entity', NEW.entity,
                                'login', session_user, 'reason', message,
                                'ahead_ms', ahead_ms)::text,
    HINT = coalesce(hint, '');
END
$fn$;

DROP FUNCTION IF EXISTS kanban_sec.merge_change(text, text, jsonb, bigint, text);

DROP TRIGGER IF EXISTS check_change ON kanban_sec.changes;
-- (A change kanban_sec.push_changes judged and merged with its batch needs nothing more;
-- members cannot mark one so.)
CREATE TRIGGER check_change BEFORE INSERT ON kanban_sec.changes
  FOR EACH ROW WHEN (NOT NEW.premerged) EXECUTE FUNCTION kanban_sec.check_change();

ALTER TABLE kanban_sec.changes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS changes_insert ON kanban_sec.changes;
-- The trigger sets the author to the session's login; this holds it to that.
CREATE POLICY changes_insert ON kanban_sec.changes FOR INSERT
  WITH CHECK (author = session_user AND NOT prejudged AND NOT premerged);
DROP POLICY IF EXISTS changes_select ON kanban_sec.changes;
CREATE POLICY changes_select ON kanban_sec.changes FOR SELECT
  USING ((SELECT kanban_sec.require_tls()));  -- once per statement, not per row
"""
)


ROLE = """
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
