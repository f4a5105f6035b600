"""Structural rules: the flow of one process is well formed (bpmnlint's recommended set and more)."""
