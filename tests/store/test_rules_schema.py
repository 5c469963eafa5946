"""The rulebook's declarations and the store agree: every stored field is declared with
what it may hold, so nothing a sync pull or a file brings in escapes validation."""

from __future__ import annotations

from sqlalchemy import Integer

from kanban_sec.domain import rules
from kanban_sec.store.schema import TABLES

#: Columns of the store that are not replicated fields of a row.
_NOT_FIELDS = {"id"}


def test_every_stored_column_is_declared_with_its_type():
    for entity, table in TABLES.items():
        specs = rules.FIELD_SPECS[entity]
        columns = {c.name for c in table.columns} - _NOT_FIELDS
        assert columns == set(specs), (entity, columns ^ set(specs))
        for column in table.columns:
            if column.name in _NOT_FIELDS:
                continue
            spec = specs[column.name]
            assert (spec.kind == "int") == isinstance(column.type, Integer), (entity, column)
            if not column.nullable and column.server_default is None:
                assert not spec.nullable, (entity, column.name)


def test_every_entity_has_write_roles_and_every_declared_role_is_a_role():
    assert set(rules.WRITE_ROLES) == set(TABLES)
    for table in rules.WRITE_ROLES.values():
        for name, roles in table.items():
            assert roles <= rules.ALL_ROLES, name
    # What the server's table is filled from: one row per (entity, field, role).
    declared = rules.declarations()
    assert ("chain", rules.DEFAULT, "governing") in declared
    assert ("chain", rules.DEFAULT, "operational") not in declared
    assert ("risk_decision", "decision", "governing") in declared
    assert ("risk_decision", "decision", "operational") not in declared
    assert ("verification", rules.DEFAULT, "controlling") in declared
