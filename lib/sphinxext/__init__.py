"""Sphinx extensions used by the book's build (see ``_config.yml``)."""
