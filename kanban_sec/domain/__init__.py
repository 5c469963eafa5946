"""Pure domain: entities, ranking, ownership, clocks. Imports nothing else of ours."""
