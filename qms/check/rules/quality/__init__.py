"""Quality rules: what the description shows about the criteria of criteria.md §B."""
