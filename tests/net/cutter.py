#!/usr/bin/env python3
"""cutter.py - a loopback TCP forwarder that cuts connections when told, for
the tests of devices talking to kezek-hall over a network that fails.

    cutter.py TARGET_PORT PORT_FILE

listens on 127.0.0.1 (a free port) and forwards each connection to
127.0.0.1:TARGET_PORT; writes "LISTEN_PORT CONTROL_PORT" to PORT_FILE once
ready.  A line sent to the control port is a command, answered with one line:

    down              cut every connection now and refuse new ones ("ok")
    up                forward again ("ok")
    target PORT       forward new connections to PORT (a restarted server) ("ok")
    drop-answer TEXT  the next request whose bytes contain TEXT reaches the
                      server, but its answer never reaches the client: the
                      connection is cut when the answer comes, and the cutter
                      goes down ("ok")
    drop-request TEXT the next request whose bytes contain TEXT never reaches
                      the server: the connection is cut instead, and the
                      cutter goes down ("ok")
    dropped           how many requests and answers were dropped so far
    seen TEXT         how many requests so far contained TEXT
"""
import os
import selectors
import socket
import struct
import sys

sel = selectors.DefaultSelector()
target = int(sys.argv[1])
state = {"down": False, "drop": None, "drop_request": None, "dropped": 0, "seen": []}
pairs = {}  # socket -> (its peer, "client" or "server", the pair's record)


def close_pair(rec):
    for s in (rec["client"], rec["server"]):
        if s is None:
            continue
        try:
            sel.unregister(s)
        except (KeyError, ValueError):
            pass
        try:  # a reset, as a pulled cable ends up
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        s.close()
        pairs.pop(s, None)


def accept(lsock):
    c, _ = lsock.accept()
    if state["down"]:
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        c.close()
        return
    try:
        s = socket.create_connection(("127.0.0.1", target))
    except OSError:
        c.close()
        return
    rec = {"client": c, "server": s, "cut_on_answer": False}
    pairs[c] = (s, "client", rec)
    pairs[s] = (c, "server", rec)
    sel.register(c, selectors.EVENT_READ, relay)
    sel.register(s, selectors.EVENT_READ, relay)


def cut_all():
    state["down"] = True
    for r in {id(v[2]): v[2] for v in pairs.values()}.values():
        close_pair(r)


def relay(sock):
    if sock not in pairs:  # cut by an event before this one
        return
    peer, side, rec = pairs[sock]
    try:
        data = sock.recv(65536)
    except OSError:
        data = b""
    if not data:
        close_pair(rec)
        return
    if side == "client":
        state["seen"].append(data)
        if state["drop_request"] is not None and state["drop_request"] in data:
            state["drop_request"] = None
            state["dropped"] += 1
            cut_all()
            return
        if state["drop"] is not None and state["drop"] in data:
            state["drop"] = None
            rec["cut_on_answer"] = True
    elif rec["cut_on_answer"]:
        state["dropped"] += 1
        cut_all()
        return
    try:
        peer.sendall(data)
    except OSError:
        close_pair(rec)


def control(csock):
    global target
    try:
        line = csock.recv(4096).decode().strip()
    except OSError:
        line = ""
    if not line:
        sel.unregister(csock)
        csock.close()
        return
    cmd, _, arg = line.partition(" ")
    answer = "ok"
    if cmd == "down":
        cut_all()
    elif cmd == "up":
        state["down"] = False
    elif cmd == "target":
        target = int(arg)
    elif cmd == "drop-answer":
        state["drop"] = arg.encode()
    elif cmd == "drop-request":
        state["drop_request"] = arg.encode()
    elif cmd == "dropped":
        answer = str(state["dropped"])
    elif cmd == "seen":
        answer = str(sum(chunk.count(arg.encode()) for chunk in state["seen"]))
    else:
        answer = "unknown command"
    csock.sendall((answer + "\n").encode())


def control_accept(lsock):
    c, _ = lsock.accept()
    sel.register(c, selectors.EVENT_READ, control)


def main():
    lsock = socket.socket()
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(64)
    csock = socket.socket()
    csock.bind(("127.0.0.1", 0))
    csock.listen(8)
    sel.register(lsock, selectors.EVENT_READ, accept)
    sel.register(csock, selectors.EVENT_READ, control_accept)
    with open(sys.argv[2] + ".new", "w") as f:
        f.write("%d %d\n" % (lsock.getsockname()[1], csock.getsockname()[1]))
    os.rename(sys.argv[2] + ".new", sys.argv[2])
    while True:
        for key, _ in sel.select():
            if key.fileobj.fileno() >= 0:
                key.data(key.fileobj)


if __name__ == "__main__":
    main()
