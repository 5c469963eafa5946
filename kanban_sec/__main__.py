"""Allow ``python -m kanban_sec``."""

from kanban_sec.cli import main

raise SystemExit(main())
