"""Helpers behind the AI-semiconductor book.

* :mod:`lib.data` loads and validates the datasets in ``data/``.
* :mod:`lib.charts` builds Altair charts from those DataFrames.
* :mod:`lib.widgets` wires ipywidgets controls to the chart builders (live kernels only).
* :mod:`lib.theme` registers the book's Altair theme.
* :mod:`lib.sphinxext` holds the Sphinx extension that serves Vega offline.
"""
