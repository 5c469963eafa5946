"""The sync server's judgement of ROS rows as SQL: :func:`kanban_sec.domain.rules._ros_risk`
and ``_info_value`` (with ``in_business``) mirrored in PL/pgSQL against the server's state.
``kanban_sec.judge_more`` calls it for ``ros_risk`` and ``info_value`` changes whose values
and roles passed. Run by ``server init`` (:mod:`kanban_sec.sync.server`)."""

from __future__ import annotations

from kanban_sec.domain.rule_tables import CONSEQUENCE_FIELDS, TARGET_FIELDS, VALUE_FIELDS


def _array(names: frozenset[str]) -> str:
    return "{" + ",".join(sorted(names)) + "}"


JUDGE_ROS = (
    r"""
-- Whether a member (role, unit) speaks for the business that owns a chain (rules.in_business):
-- a member (not internal control) of its risk-owner unit or a unit under it, or one who
-- decides its risk; with no risk-owner unit, the governing members (anyone but control while
-- the board is being set up).
CREATE OR REPLACE FUNCTION kanban_sec.in_business(p_role text, p_unit text, p_chain jsonb,
                                                  p_setting_up boolean)
RETURNS boolean
LANGUAGE plpgsql STABLE
AS $fn$
DECLARE
  owner text := p_chain ->> 'risk_owner_unit_id';
BEGIN
  IF p_role = 'controlling' THEN
    RETURN false;
  END IF;
  IF coalesce(owner, '') = '' OR kanban_sec.live('unit', owner) IS NULL THEN
    RETURN p_role = 'governing' OR coalesce(p_setting_up, kanban_sec.setting_up());
  END IF;
  IF p_unit IS NOT NULL AND owner = ANY (kanban_sec.units_up(p_unit)) THEN
    RETURN true;
  END IF;
  RETURN kanban_sec.may_decide(p_role, p_unit, p_chain);
END
$fn$;

-- The rules of a ROS risk or an information value that need more than a role: ``p_changed``
-- the fields the change changes (in order), ``p_person`` / ``p_unit`` the actor's person
-- and unit on the board (NULL: none).
CREATE OR REPLACE FUNCTION kanban_sec.judge_ros(
  p_entity text, p_row text, p_new jsonb, p_cur jsonb, p_role text, p_name text,
  p_changed text[], p_setting_up boolean, p_person text, p_unit text,
  OUT code text, OUT message text)
LANGUAGE plpgsql STABLE
AS $fn$
DECLARE
  consequence_fields CONSTANT text[] := '{consequence_fields}';
  target_fields CONSTANT text[] := '{target_fields}';
  value_fields CONSTANT text[] := '{value_fields}';
  creating boolean := p_cur IS NULL;
  deleting boolean := coalesce(p_new ->> 'deleted_at', '') <> '';
  merged jsonb := coalesce(p_cur, '{}'::jsonb) || p_new;
  role text := coalesce(p_role, 'none');
  -- What the change touches (rules._touched): a field it sets to a value, or changes.
  touched text[] := ARRAY(SELECT c FROM unnest(p_changed) c
                          WHERE NOT (p_cur IS NULL AND jsonb_typeof(p_new -> c) = 'null'));
  selves text[] := CASE WHEN p_entity = 'ros_risk' THEN '{likelihood_by,consequence_by}'
                        ELSE '{set_by}' END;
  chain jsonb;
  old jsonb;
  owner jsonb;
  k text;
  first boolean;
  undone boolean;
  title text;
BEGIN
  IF coalesce(merged ->> 'chain_id', '') <> '' THEN
    chain := kanban_sec.live('chain', merged ->> 'chain_id');
  END IF;
  -- Who assessed or valued it is the actor (KS007).
  FOREACH k IN ARRAY selves LOOP
    IF k = ANY (p_changed) AND merged ->> k IS NOT NULL
       AND (merged ->> k) IS DISTINCT FROM p_person THEN
      code := 'KS007';
      message := format('%s may not record %s.%s as %s', p_name, p_entity, k, merged ->> k);
      RETURN;
    END IF;
  END LOOP;
  -- The business's judgement: consequence, information values (KS011).
  IF ((p_entity = 'ros_risk' AND touched && consequence_fields)
      OR (p_entity = 'info_value' AND (creating OR deleting OR touched && value_fields)))
     AND NOT kanban_sec.in_business(role, p_unit, chain, p_setting_up) THEN
    IF coalesce(chain ->> 'risk_owner_unit_id', '') <> '' THEN
      owner := kanban_sec.live('unit', chain ->> 'risk_owner_unit_id');
    END IF;
    code := 'KS011';
    message := format('%s (%s) does not speak for the business that owns the chain “%s” '
                      '(risk owner: %s): %s is the risk-owner unit''s judgement',
                      p_name, role, coalesce(chain ->> 'name', '—'),
                      coalesce(owner ->> 'name', '—'),
                      CASE WHEN p_entity = 'ros_risk' THEN 'a risk''s consequence'
                           ELSE 'the value of its information' END);
    RETURN;
  END IF;
  IF p_entity <> 'ros_risk' THEN
    RETURN;
  END IF;
  -- What the treatment aims at is the risk owner's (KS003).
  IF touched && target_fields AND NOT kanban_sec.may_decide(role, p_unit, chain) THEN
    code := 'KS003';
    message := format('%s (%s) does not decide the risk of the chain “%s”: only a governing '
                      'member of its risk-owner unit or a unit above it', p_name, role,
                      coalesce(chain ->> 'name', '—'));
    RETURN;
  END IF;
  -- The inherent risk is the first full assessment, set once (or back to none, undone).
  IF touched && '{inherent_likelihood,inherent_consequence}'::text[] THEN
    first := p_cur ->> 'inherent_likelihood' IS NULL AND p_cur ->> 'inherent_consequence' IS NULL
             AND merged ->> 'likelihood' IS NOT NULL AND merged ->> 'consequence' IS NOT NULL
             AND merged ->> 'inherent_likelihood' IS NOT DISTINCT FROM merged ->> 'likelihood'
             AND merged ->> 'inherent_consequence'
                 IS NOT DISTINCT FROM merged ->> 'consequence';
    undone := merged ->> 'inherent_likelihood' IS NULL
              AND merged ->> 'inherent_consequence' IS NULL
              AND (merged ->> 'likelihood' IS NULL OR merged ->> 'consequence' IS NULL);
    IF NOT (first OR undone) THEN
      title := coalesce(p_new ->> 'title', kanban_sec.logged('ros_risk', p_row, 'title') #>> '{}',
                        p_row);
      code := 'KS006';
      message := format('the risk “%s”: the inherent risk is the first full assessment (%s × %s) '
                        'and never changes after', title,
                        coalesce(merged ->> 'likelihood', '—'),
                        coalesce(merged ->> 'consequence', '—'));
      RETURN;
    END IF;
  END IF;
  -- A risk stays in its chain unless its risk owner moves it (KS003).
  IF 'chain_id' = ANY (p_changed) AND NOT creating THEN
    IF coalesce(p_cur ->> 'chain_id', '') <> '' THEN
      old := kanban_sec.live('chain', p_cur ->> 'chain_id');
    END IF;
    IF NOT kanban_sec.may_decide(role, p_unit, old) THEN
      title := coalesce(p_new ->> 'title', kanban_sec.logged('ros_risk', p_row, 'title') #>> '{}',
                        p_row);
      code := 'KS003';
      message := format('%s (%s) may not move the risk “%s” out of the chain “%s”: that is the '
                        'risk owner''s decision', p_name, role, title,
                        coalesce(old ->> 'name', '—'));
      RETURN;
    END IF;
  END IF;
END
$fn$;
""".replace("{consequence_fields}", _array(CONSEQUENCE_FIELDS))
    .replace("{target_fields}", _array(TARGET_FIELDS))
    .replace("{value_fields}", _array(VALUE_FIELDS))
)
