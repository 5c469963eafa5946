"""kanban-sec: a Lean/Kanban board for security improvement work, weakest link first."""

__version__ = "0.1.0"
