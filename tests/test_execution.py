"""Sliced polling of kernel channels (lib.execution)."""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from queue import Empty

import pytest
from jupyter_client.channels import AsyncZMQSocketChannel

from lib import execution


class _Socket:
    """Answers ``poll`` with False until its message is 'noticed' on the given call."""

    def __init__(self, noticed_on_call: int | None):
        self.noticed_on_call, self.calls, self.timeouts = noticed_on_call, 0, []

    async def poll(self, timeout_ms):
        self.calls += 1
        self.timeouts.append(timeout_ms)
        if self.noticed_on_call is not None and self.calls >= self.noticed_on_call:
            return True
        await asyncio.sleep(timeout_ms / 1000)  # a missed wake-up: the whole wait passes
        return False


class _Channel:
    def __init__(self, socket):
        self.socket = socket

    async def _recv(self):
        return {"msg_type": "execute_reply"}


def _run(coroutine):
    """Run a coroutine on its own thread's event loop (the browser tests keep one running on this thread)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(autouse=True)
def short_slices(monkeypatch):
    monkeypatch.setattr(execution, "SLICE_SECONDS", 0.01)


def test_a_missed_wake_up_costs_one_slice_not_the_whole_timeout():
    socket = _Socket(noticed_on_call=3)
    reply = _run(execution._get_msg_in_slices(_Channel(socket), timeout=60))
    assert reply == {"msg_type": "execute_reply"}
    assert socket.calls == 3 and max(socket.timeouts) == 10  # every wait is one slice (10 ms)


def test_the_overall_timeout_still_raises_empty():
    socket = _Socket(noticed_on_call=None)
    with pytest.raises(Empty):
        _run(execution._get_msg_in_slices(_Channel(socket), timeout=0.05))
    assert max(socket.timeouts) <= 10  # every wait was one slice or less, however slow the machine


def test_no_timeout_waits_until_a_message_comes():
    socket = _Socket(noticed_on_call=20)
    assert _run(execution._get_msg_in_slices(_Channel(socket), timeout=None))["msg_type"] == "execute_reply"


def test_install_replaces_the_channel_method(monkeypatch):
    monkeypatch.setattr(AsyncZMQSocketChannel, "get_msg", AsyncZMQSocketChannel.get_msg)
    execution.install()
    assert AsyncZMQSocketChannel.get_msg is execution._get_msg_in_slices
