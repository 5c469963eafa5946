"""A command builds only its own part of the command line (it starts faster): each known
command's parser is the same as in the whole one, and the whole one has no command the
table of parts lacks."""

from __future__ import annotations

import argparse

import pytest

from kanban_sec import cli


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_of_the_whole_parser_has_its_part():
    assert set(_commands(cli.build_parser())) == set(cli.COMMAND_PARTS)


@pytest.mark.parametrize("command", sorted(cli.COMMAND_PARTS))
def test_a_command_alone_parses_as_in_the_whole_parser(command):
    whole = _commands(cli.build_parser())[command].format_help()
    alone = cli.build_parser(command)
    assert _commands(alone)[command].format_help() == whole
    assert set(_commands(alone)) < set(cli.COMMAND_PARTS) or len(cli.PARTS) == 1


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["list"], "list"),
        (["--db", "b.sqlite", "--lang", "nb", "ros", "list"], "ros"),
        (["--db=b.sqlite", "--as", "Kari", "export", "-o", "x.csv"], "export"),
        (["--backup-dir", "H:/kanban", "sync"], "sync"),
        (["--help"], None),
        (["--db", "b.sqlite"], None),
        (["--version"], None),
        (["--self-check"], None),
    ],
)
def test_the_command_word_is_found_after_the_global_options(argv, word):
    assert cli.command_word(argv) == word
