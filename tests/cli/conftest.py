"""Fixtures for the end-to-end command-line tests (helpers: cli_support.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cli_support import DemoBoard, Runner, build_demo, make_env, run_cli, run_parallel


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """English messages, author ``tester``, and every user folder inside ``tmp_path``."""
    return make_env(tmp_path)


@pytest.fixture
def run(tmp_path: Path, cli_env: dict[str, str]) -> Runner:
    """``run(*args, env=None, input=None)``: the real command in a subprocess."""

    def runner(
        *args: object, env: dict[str, str] | None = None, input: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        return run_cli(tuple(str(a) for a in args), env=env or cli_env, cwd=tmp_path, input=input)

    def many(
        *jobs: tuple[object, ...], env: dict[str, str] | None = None
    ) -> list[subprocess.CompletedProcess[str]]:
        return run_parallel(
            [tuple(map(str, job)) for job in jobs], env=env or cli_env, cwd=tmp_path
        )

    runner.many = many  # type: ignore[attr-defined]
    return runner


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoBoard:
    """The example board, loaded once: read it, or copy it (``demo_db``) before writing."""
    return build_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo_db(demo: DemoBoard, tmp_path: Path) -> Path:
    """A private copy of the example board, for a test that writes."""
    return demo.copy_to(tmp_path)
