"""Optional sync of the change log through a PostgreSQL server (no Qt here).

See ``PROTOCOL.md`` beside this file for the protocol, the merge rule and the server schema.
"""
