"""The stages that mark and judge removals: apply, html_rules, guard, structure, flags, positions."""
