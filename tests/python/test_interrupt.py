"""Ctrl-C during a long parse: the package passes the C ABI's cancel callback, so SIGINT stops the C
call (WENSHU_E_CANCELLED) and raises KeyboardInterrupt instead of waiting for the whole document."""
import os
import signal
import subprocess
import sys

import wenshu

# The child parses a document whose full parse takes seconds (about 8 s on the 2-core VM of
# 2026-12-03 for these 4.6 MB); the parent interrupts it once the call has started. Before the
# callback, the child only noticed the interrupt after the parse: it printed "finished".
CHILD = r"""
import signal, sys, wenshu
signal.signal(signal.SIGINT, signal.default_int_handler)  # a child may start with SIGINT ignored
doc = "全区有在校学生26341人，比上年增长3.5%。全年接待游客120万人次。\n" * 40000
polls = []
real_cancel = wenshu._cancel
def started(data):
    if not polls:
        print("started", flush=True)  # inside the C call: the library polls the callback
    polls.append(1)
    return real_cancel(data)
wenshu._cancel = wenshu._native.CANCEL(started)
try:
    wenshu.parse(doc)
    print("finished", flush=True)
except KeyboardInterrupt:
    print("interrupted", flush=True)
"""


def test_sigint_interrupts_a_running_parse():
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ))
    try:
        assert child.stdout.readline().strip() == "started"
        child.send_signal(signal.SIGINT)
        rest = child.stdout.read()
    finally:
        child.kill()
        child.wait()
    assert rest.split() == ["interrupted"]


def test_a_handler_that_does_not_raise_lets_the_call_go_on():
    seen = []
    old = signal.signal(signal.SIGUSR1, lambda signum, frame: seen.append(signum))
    try:
        doc = "全区有在校学生26341人，比上年增长3.5%。\n" * 2000  # 120 KB: over _CANCEL_MIN_BYTES
        os.kill(os.getpid(), signal.SIGUSR1)
        report = wenshu.parse(doc)
    finally:
        signal.signal(signal.SIGUSR1, old)
    assert seen == [signal.SIGUSR1]
    assert len(report["quantities"]) == 2000
    assert signal.getsignal(signal.SIGUSR1) is old
