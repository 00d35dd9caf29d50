"""Steady notebook execution: the kernel's replies are polled for in one-second slices.

jupyter_client's asyncio channels wait for a kernel message with a single
``socket.poll(timeout)``. After a cell that opens ipywidgets comms, that wait now
and then misses the wake-up of a reply that has already arrived, and returns only
when the cell's whole timeout has run out, with the reply in hand (nbclient issue
312). Here one chapter in about twenty spent its full 180-second timeout on a
widget cell that had finished in under a second. Polling in one-second slices
bounds a missed wake-up to a second; the overall timeout is unchanged.

:func:`install` applies it to the running process. The book's build (the Sphinx
extension :mod:`lib.sphinxext.steady_execution`) and the fresh-environment chapter
test call it before executing notebooks.
"""

from __future__ import annotations

import math
import time
from queue import Empty

from jupyter_client.channels import AsyncZMQSocketChannel

SLICE_SECONDS = 1.0
"""Longest single wait on a kernel socket."""


async def _get_msg_in_slices(self, timeout: float | None = None) -> dict:
    """Drop-in for ``AsyncZMQSocketChannel.get_msg``: the same timeout, polled in slices."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        wait = SLICE_SECONDS if deadline is None else max(0.0, min(SLICE_SECONDS, deadline - time.monotonic()))
        if await self.socket.poll(math.ceil(wait * 1000)):
            return await self._recv()
        if deadline is not None and time.monotonic() >= deadline:
            raise Empty


def install() -> None:
    """Make every asyncio kernel channel of this process poll in slices (idempotent)."""
    AsyncZMQSocketChannel.get_msg = _get_msg_in_slices
