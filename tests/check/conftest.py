"""The rule-case helpers in tools/ are scripts for rule authors, not tests."""

collect_ignore = ["tools"]
