"""The ``medtune`` command line (entry point: ``medtune.cli.main:main``)."""
