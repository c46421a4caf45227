"""The ``tenios`` command (also ``python -m tenios``): the API from a shell, the emulator for
receivers in any language, and tools to debug receivers. See docs/cli.md."""
