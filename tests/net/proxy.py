#!/usr/bin/env python3
"""proxy.py - a loopback TCP proxy for the tests of devices on the network.

Forwards every connection to --target.  Told through the --control file
(one line of text), it cuts the next connection whose request holds that
text at the worst moment: after the request has gone to the server, once
the server's answer starts coming back, and before any byte of it reaches
the client.  The server has done the request; the client never hears of
it.  Each cut is logged as a line "cut TEXT" in --log, for the test to wait
for; the control file is emptied when done (one cut per line written).
"""
import argparse
import os
import select
import socket
import threading


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--target", required=True, help="HOST:PORT of the server")
    ap.add_argument("--port-file", required=True, help="the port listened on is written here")
    ap.add_argument("--control", required=True, help="a file: the text of a request to cut")
    ap.add_argument("--log", required=True, help="a line per connection cut")
    a = ap.parse_args()
    host, port = a.target.rsplit(":", 1)
    lock = threading.Lock()

    def take_cut():
        """The text to cut on, once (the control file emptied)."""
        with lock:
            try:
                with open(a.control) as f:
                    text = f.read().strip()
            except FileNotFoundError:
                return None
            if not text:
                return None
            open(a.control, "w").close()
            return text

    def pending_cut():
        try:
            with open(a.control) as f:
                return f.read().strip() or None
        except FileNotFoundError:
            return None

    def serve(client):
        try:
            server = socket.create_connection((host, int(port)))
        except OSError:  # the server is away: so is the connection
            client.close()
            return
        armed = None  # the text seen in this connection's request
        socks = [client, server]
        try:
            while True:
                r, _, _ = select.select(socks, [], [])
                for s in r:
                    data = s.recv(65536)
                    if not data:
                        return
                    if s is client:
                        want = pending_cut()
                        if armed is None and want and want.encode() in data:
                            armed = take_cut()
                        server.sendall(data)
                    else:
                        if armed is not None:
                            with open(a.log, "a") as f:
                                f.write("cut %s\n" % armed)
                            return  # the answer dropped, both ends closed
                        client.sendall(data)
        except OSError:
            pass
        finally:
            for s in socks:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", 0))
    ls.listen(64)
    tmp = a.port_file + ".new"
    with open(tmp, "w") as f:
        f.write("%d\n" % ls.getsockname()[1])
    os.rename(tmp, a.port_file)
    while True:
        c, _ = ls.accept()
        threading.Thread(target=serve, args=(c,), daemon=True).start()


if __name__ == "__main__":
    main()
