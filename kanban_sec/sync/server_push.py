"""The client's way to push: ``kanban_sec.push_changes``, which judges a batch's plain
changes at once and merges them into the server's state set-wise, and leaves the rest to the
trigger (:mod:`kanban_sec.sync.server_judge`). Run by ``server init``
(:mod:`kanban_sec.sync.server`)."""

from __future__ import annotations

from kanban_sec.sync.server_judge import fill

# A pushed batch, judged at once where it can be: the client's way to push (members may
# still INSERT into kanban_sec.changes, one change at a time through the trigger's whole
# judgement). A change is marked ``prejudged`` only when the trigger's judgement would take
# it whatever the state and whatever else the batch holds: a plain change (an entity and a
# kind of change no rule beyond the roles looks at) from a governing or operational member
# over TLS, a JSON object of [new, old] pairs, not too far ahead, not too big, with at least
# one field, every value passing the trigger's own checks (``VALUE_WHY``), and the member's
# role allowed to create the row, delete it and write every field it names (the trigger
# asks only for the fields that change). Anything else goes through the whole judgement, in
# the batch's order, so it sees the state every change before it left. A prejudged change
# is merged into the state with its batch (``premerged``: the trigger is not called), or,
# when a change judged whole earlier in the batch could read its row, by the trigger.
PUSH = fill(
    """
CREATE OR REPLACE FUNCTION kanban_sec.push_changes(
  p_id uuid[], p_entity text[], p_row_id text[], p_fields jsonb, p_hlc bigint[],
  p_node_id text[], p_base_xid bigint[], p_base_seq bigint[], p_at timestamptz[])
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
SET jit = off
AS $fn$
DECLARE
  -- (The fields come as one JSON array: parsed at once, not element by element.)
  batch_fields jsonb[] := ARRAY(SELECT f.value
                                FROM jsonb_array_elements(p_fields) WITH ORDINALITY f
                                ORDER BY f.ordinality);
  member_person text;
  member_kind text;
  member_tls boolean;
  plain boolean[];
  early boolean[];
  taken bigint;
  taken_merged bigint;
  made_meanwhile bigint;
  made_here text[];
BEGIN
  SELECT (SELECT m.person FROM kanban_sec.members m WHERE m.login = session_user),
         CASE WHEN pg_has_role(session_user, 'kanban_governing', 'MEMBER') THEN 'governing'
              WHEN pg_has_role(session_user, 'kanban_controlling', 'MEMBER') THEN 'controlling'
              WHEN pg_has_role(session_user, 'kanban_operational', 'MEMBER') THEN 'operational'
              ELSE 'none' END,
         coalesce((SELECT s.ssl FROM pg_stat_get_activity(pg_backend_pid()) s), false)
  INTO member_person, member_kind, member_tls;

  -- Which changes are plain (see above). A change the server has, or one this batch holds
  -- twice, is not: the trigger decides it as ever.
  SELECT array_agg(coalesce(p.plain, false) ORDER BY u.n) INTO plain
  FROM (SELECT b.*, row_number() OVER (PARTITION BY b.entity, b.row_id ORDER BY b.n) AS touch,
               row_number() OVER (PARTITION BY b.id ORDER BY b.n) AS copy
        FROM unnest(p_id, p_entity, p_row_id, batch_fields, p_hlc)
             WITH ORDINALITY b(id, entity, row_id, fields, hlc, n)) u
  LEFT JOIN LATERAL (
    SELECT member_tls AND member_kind IN ('governing', 'operational')
       AND u.entity NOT IN ('person', 'risk_decision', 'verification', 'comment',
                            'standup_note', 'ros_risk', 'info_value')
       AND u.copy = 1
       AND NOT EXISTS (SELECT 1 FROM kanban_sec.changes c WHERE c.id = u.id)
       AND jsonb_typeof(u.fields) = 'object'
       AND (u.hlc >> 16) - floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint
           <= {max_ahead_ms}
       AND octet_length(u.fields::text) <= {max_change}
       AND coalesce(er.roles -> '+create', er.roles -> '*', '[]'::jsonb) ? member_kind
       AND (coalesce(u.fields -> 'deleted_at' ->> 0, '') = ''
            OR coalesce(er.roles -> 'deleted_at', er.roles -> '*', '[]'::jsonb) ? member_kind)
       AND NOT (u.entity = 'item' AND coalesce(u.fields -> 'status' ->> 0, '') = 'done')
       -- A chain is the risk owner's: a change of an item's chain once it has one is judged
       -- whole (the row is on the server, or an earlier change of this batch makes it).
       AND NOT (u.entity = 'item' AND u.fields ? 'chain_id' AND (
         EXISTS (SELECT 1 FROM kanban_sec.rows r
                 WHERE r.entity = u.entity AND r.row_id = u.row_id)
         OR u.touch > 1))
       AND f.fine AS plain
    FROM kanban_sec.entity_rules er
    CROSS JOIN LATERAL (
      SELECT coalesce(bool_and(y.pair AND {value_why} IS NULL
                               AND (y.key = ANY ('{bookkeeping}'::text[])
                                    OR y.key IN ('id', 'deleted_at')
                                    OR coalesce(er.roles -> y.key, er.roles -> '*',
                                                '[]'::jsonb) ? member_kind)), false)
             AND coalesce(bool_or(y.key <> 'id'), false) AS fine
      FROM (SELECT z.key, z.value, z.spec, z.pair, z.spec ->> 'kind' AS kind,
                   jsonb_typeof(z.value) AS type, z.value #>> '{}' AS text
            FROM (SELECT e.key, e.value -> 0 AS value, er.specs -> e.key AS spec,
                         CASE WHEN jsonb_typeof(e.value) = 'array'
                              THEN jsonb_array_length(e.value) = 2 ELSE false END AS pair
                  FROM jsonb_each(CASE WHEN jsonb_typeof(u.fields) = 'object'
                                       THEN u.fields ELSE '{}'::jsonb END) e
                  OFFSET 0) z
            OFFSET 0) y) f
    WHERE er.entity = u.entity
  ) p ON true;

  -- Which plain changes merge into the state now, before the batch is inserted: those no
  -- change judged whole earlier in the batch could read. That is all of them before the
  -- first such change; after it, changes of items other than those it changed, as long as
  -- it (and every one before) is an item's (an item's judgement reads its own row, and
  -- chains, links, units, people, verifications and settings, never another item).
  SELECT array_agg(x.early ORDER BY x.n) INTO early
  FROM (SELECT q.n, q.plain AND (
                 count(*) FILTER (WHERE NOT q.plain) OVER before_it = 0
                 OR (q.entity = 'item'
                     AND count(*) FILTER (WHERE NOT q.plain AND q.entity <> 'item')
                           OVER before_it = 0
                     AND count(*) FILTER (WHERE NOT q.plain) OVER row_before_it = 0)) AS early
        FROM unnest(p_entity, p_row_id, plain) WITH ORDINALITY q(entity, row_id, plain, n)
        WINDOW before_it AS (ORDER BY q.n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
               row_before_it AS (PARTITION BY q.entity, q.row_id ORDER BY q.n
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) x;

  -- (The items whose chain a change merged at once sets as their making.)
  made_here := ARRAY(SELECT v.row_id
                     FROM unnest(p_entity, p_row_id, batch_fields, early) v(entity, row_id,
                                                                          fields, early)
                     WHERE v.early AND v.entity = 'item' AND v.fields ? 'chain_id');

  -- Those merged at once: per field the highest (hlc, node_id) of the batch (the earlier on
  -- a tie, as one by one) against the state's, in a fixed order of rows (no deadlock with
  -- another push); every row a change names gets a state.
  WITH e AS (
    SELECT v.entity, v.row_id, v.fields, v.hlc, v.node_id, v.n
    FROM unnest(p_entity, p_row_id, batch_fields, p_hlc, p_node_id, early)
         WITH ORDINALITY v(entity, row_id, fields, hlc, node_id, early, n)
    WHERE v.early),
  w AS (
    SELECT d.entity, d.row_id, jsonb_object_agg(d.key, d.value) AS data,
           jsonb_object_agg(d.key, d.stamp) AS stamps
    FROM (SELECT DISTINCT ON (e.entity, e.row_id, f.key)
                 e.entity, e.row_id, f.key, f.value -> 0 AS value,
                 jsonb_build_array(e.hlc, e.node_id) AS stamp
          FROM e
          CROSS JOIN LATERAL jsonb_each(e.fields) f
          JOIN kanban_sec.entity_rules er ON er.entity = e.entity AND er.state ? f.key
          ORDER BY e.entity, e.row_id, f.key, e.hlc DESC, e.node_id COLLATE "C" DESC,
                   e.n) d
    GROUP BY d.entity, d.row_id),
  up AS (
  INSERT INTO kanban_sec.rows AS r (entity, row_id, data, stamps)
  SELECT k.entity, k.row_id, coalesce(w.data, '{}'::jsonb), coalesce(w.stamps, '{}'::jsonb)
  FROM (SELECT DISTINCT e.entity, e.row_id FROM e) k
  LEFT JOIN w ON w.entity = k.entity AND w.row_id = k.row_id
  ORDER BY k.entity, k.row_id
  ON CONFLICT (entity, row_id) DO UPDATE SET (data, stamps) = (
    SELECT r.data || coalesce(jsonb_object_agg(x.key, excluded.data -> x.key), '{}'::jsonb),
           r.stamps || coalesce(jsonb_object_agg(x.key, x.value), '{}'::jsonb)
    FROM jsonb_each(excluded.stamps) x
    WHERE r.stamps -> x.key IS NULL
       OR (x.value ->> 0)::bigint > (r.stamps -> x.key ->> 0)::bigint
       OR ((x.value ->> 0)::bigint = (r.stamps -> x.key ->> 0)::bigint
           AND (x.value ->> 1) COLLATE "C" > (r.stamps -> x.key ->> 1) COLLATE "C"))
  RETURNING r.entity, r.row_id, NOT (r.xmax = 0) AS existed)
  -- An item whose chain this batch sets was judged plain as the item's making; made since
  -- by another push, the chain may be a move: the batch is undone, the next sync judges it.
  SELECT count(*) INTO made_meanwhile FROM up
  WHERE up.existed AND up.entity = 'item' AND up.row_id = ANY (made_here);
  IF made_meanwhile > 0 THEN
    RAISE EXCEPTION USING ERRCODE = '40001',
      MESSAGE = 'an item this push makes was made by another push at the same time: sync again';
  END IF;

  -- The batch, in its order: the trigger (not called for the merged ones: its WHEN) merges
  -- the other plain changes and judges the rest whole, each against the state the changes
  -- before it left. A merged change another session put in the log meanwhile (pushed twice
  -- at once) would leave the state with values the log may not hold: the batch is undone.
  WITH ins AS (
    INSERT INTO kanban_sec.changes (id, entity, row_id, fields, hlc, node_id, person,
                                    base_xid, base_seq, at, author, prejudged, premerged)
    SELECT u.id, u.entity, u.row_id, u.fields, u.hlc, u.node_id,
           coalesce(member_person, session_user::text), u.base_xid, u.base_seq, u.at,
           session_user, u.plain, u.early
    FROM unnest(p_id, p_entity, p_row_id, batch_fields, p_hlc, p_node_id, p_base_xid,
                p_base_seq, p_at, plain, early)
         WITH ORDINALITY u(id, entity, row_id, fields, hlc, node_id, base_xid, base_seq, at,
                           plain, early, n)
    ORDER BY u.n
    ON CONFLICT (id) DO NOTHING
    RETURNING premerged)
  SELECT count(*), count(*) FILTER (WHERE premerged) INTO taken, taken_merged FROM ins;
  IF taken_merged < (SELECT count(*) FROM unnest(early) m WHERE m) THEN
    RAISE EXCEPTION USING ERRCODE = '40001',
      MESSAGE = 'a change of this push reached the server twice at once: sync again';
  END IF;
  RETURN taken;
END
$fn$;
"""
)
