"""The rules, one per file: ``structure/sNNN_<name>.py`` and ``quality/qNNN_<name>.py``."""
