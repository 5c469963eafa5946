"""Every message exists in Norwegian and English with the same placeholders."""

from __future__ import annotations

import string

from kanban_sec.domain import text


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_use_the_same_placeholders():
    for key, (nb, en) in text._CATALOGUE.items():
        assert nb.strip() and en.strip(), key
        assert _fields(nb) == _fields(en), key


def test_language_follows_the_locale():
    assert text.language_from_environment({"LANG": "nb_NO.UTF-8"}) == "nb"
    assert text.language_from_environment({"LANG": "nn_NO.UTF-8"}) == "nb"
    assert text.language_from_environment({"LANG": "en_GB.UTF-8"}) == "en"
    assert text.language_from_environment({"LANG": "C"}) == "en"
    assert text.language_from_environment({"KANBAN_SEC_LANG": "nb", "LANG": "en_US"}) == "nb"


def test_the_catalogues_parts_do_not_say_the_same_key_twice():
    """The catalogue is one dict built from three literals: a key in both would silently let
    one text win."""
    import ast
    from pathlib import Path

    import kanban_sec.domain.text as text
    from kanban_sec.domain.text_ros import ROS
    from kanban_sec.domain.text_ros_cli import ROS_CLI
    from kanban_sec.domain.text_ros_map import ROS_MAP
    from kanban_sec.domain.text_ros_report import ROS_REPORT
    from kanban_sec.domain.text_rules_sync import RULES_AND_SYNC
    from kanban_sec.domain.text_wheel_standup import WHEEL_AND_STANDUP

    tree = ast.parse(Path(text.__file__).read_text(encoding="utf-8"))
    catalogue = next(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == "_CATALOGUE"
    )
    assert isinstance(catalogue, ast.Dict)
    own = {key.value for key in catalogue.keys if isinstance(key, ast.Constant)}
    assert own and RULES_AND_SYNC and WHEEL_AND_STANDUP and ROS
    parts = [own, set(RULES_AND_SYNC), set(WHEEL_AND_STANDUP), set(ROS)]
    parts += [set(ROS_CLI), set(ROS_REPORT), set(ROS_MAP)]
    assert sum(map(len, parts)) == len(set().union(*parts)) == len(text._CATALOGUE)
