"""The window: PySide6 lives here (and in app.py) only; everything else goes through
the services in kanban_sec.services."""
