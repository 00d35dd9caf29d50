"""Sphinx extension: notebooks execute with :mod:`lib.execution`'s sliced polling.

myst-nb runs each chapter's kernel from the Sphinx process, so installing the
patch when the extension loads covers every notebook of the build.
"""

from lib import execution


def setup(app):
    execution.install()
    return {"parallel_read_safe": True, "parallel_write_safe": True}
