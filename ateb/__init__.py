"""Ateb: answers about government documents, with citations a reader can check.

This package holds only what every stage shares (settings) and the command line that
drives the stages; the stages themselves are the top-level packages `index`,
`assistant` and `eval`.
"""
