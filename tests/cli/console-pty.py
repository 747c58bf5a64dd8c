#!/usr/bin/env python3
"""console-pty.py KEZEK CLERK: drive kezek console 3 on a pseudo-terminal,
as a clerk at a terminal would, and check that the message of the last key
stays on the screen when the hall changes under it (another ticket is
issued): the redraw keeps "> called ...".  Exits 0 when it does; says why
on stderr otherwise.  Runs in the hall lib.sh set up (KEZEK_CONFIG,
KEZEK_DB); waits for each screen with a deadline, never a fixed sleep."""
import os
import pty
import select
import subprocess
import sys
import termios
import time

kezek, clerk = sys.argv[1], sys.argv[2]
NOW = "2026-03-20T11:00"
CLEAR = b"\033[H\033[2J"


def fail(why):
    sys.stderr.write(why + "\n")
    sys.exit(1)


subprocess.run([kezek, "ticket", "A", "--now", NOW], check=True, capture_output=True)
pid, fd = pty.fork()
if pid == 0:
    os.execv(kezek, [kezek, "console", "3", "--clerk", clerk, "--now", NOW])
screen = b""


def wait_for(test, what, seconds=10):
    """Read the terminal until test(screen) holds, or fail after seconds."""
    global screen
    end = time.monotonic() + seconds
    while not test(screen):
        left = end - time.monotonic()
        if left <= 0:
            fail(f"waited for {what}; the terminal shows: {screen[-600:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                screen += os.read(fd, 65536)
            except OSError:
                fail(f"the console ended while waiting for {what}")


def last_frame(s):
    return s.rsplit(CLEAR, 1)[-1]


def echo_off(_):
    """The console has turned echo off for the PIN (typed earlier, it
    would be flushed with the change of mode)."""
    return not termios.tcgetattr(fd)[3] & termios.ECHO


wait_for(lambda s: b"PIN" in s, "the PIN prompt")
wait_for(echo_off, "the PIN's hidden typing")
os.write(fd, b"2468\n")
wait_for(lambda s: b"q quit" in last_frame(s), "the console's first screen")
os.write(fd, b"n")
wait_for(lambda s: b"> called A-" in last_frame(s), "the call's message")
frames = screen.count(CLEAR)
subprocess.run([kezek, "ticket", "A", "--now", NOW], check=True, capture_output=True)
wait_for(lambda s: s.count(CLEAR) > frames and b"waiting 1" in last_frame(s)
         and b"q quit" in last_frame(s), "the redraw after a new ticket")
# the frame's last line is the message: it must come with this redraw
wait_for(lambda s: b"> called A-" in last_frame(s), "the message kept on the redraw", 3)
os.write(fd, b"x")
wait_for(lambda s: b"no-show?" in s, "the question of x")
os.write(fd, b"y")
wait_for(lambda s: b"did not come (no-show)" in last_frame(s), "the no-show's message")
os.write(fd, b"q")
wait_for(lambda s: b"goodbye" in s, "the goodbye")
os.waitpid(pid, 0)
