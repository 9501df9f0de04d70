#!/usr/bin/env python3
"""serve-slowloris.py - a slowloris attack on hustings-serve, for
tests/cli-serve-slow.sh (python3's standard library only).

  serve-slowloris.py [--connections N] [--header-timeout SECONDS] BASE_URL

Opens N connections (default 520, more than the server's 512 slots) that
each send a request line and then one more header line every half second,
never ending the head.  Checks, printing "FAIL: ..." on stderr for each
that fails and "CHECKS FAILURES" on stdout at the end:
  - with them all open, GET /healthz on a new connection answers 200
    within 1 s, and so does a request on another one, kept alive;
  - the server closes every one of them within the head deadline it was
    started with (--header-timeout, 1.5 s of slack), although each keeps
    sending;
  - a keep-alive connection that sent one request and then sends its next
    one slowly is closed too;
  - a normal request is answered afterwards.
Exits 77 (skip) when the file descriptor limit cannot be raised to N + 64.
Stops by itself: every wait is bounded.
"""
import argparse
import resource
import select
import socket
import sys
import time
import urllib.parse

checks = failures = 0


def check(desc, ok, why=""):
    global checks, failures
    checks += 1
    if not ok:
        failures += 1
        print("FAIL: " + desc + (" (" + why + ")" if why else ""), file=sys.stderr)


def raise_fd_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= needed:
        return True
    if hard != resource.RLIM_INFINITY and hard < needed:
        return False
    resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))
    return True


def healthz(host, port, timeout):
    """(status, seconds): status 0 when no answer came within timeout."""
    start = time.monotonic()
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            data = b""
            while b"\r\n" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else 0
    except (OSError, ValueError, IndexError):
        status = 0
    return status, time.monotonic() - start


def closed_by_peer(s):
    """Whether the server has closed s (EOF or reset), without blocking."""
    try:
        readable, _, _ = select.select([s], [], [], 0)
        if not readable:
            return False
        return s.recv(4096) == b""  # an answer (none is expected) is not a close
    except OSError:
        return True


def drip(conns, open_, i):
    """One more header line on every connection still open."""
    for k, s in enumerate(conns):
        if open_[k]:
            try:
                s.sendall(b"X-Slow-%d: %d\r\n" % (k, i))
            except OSError:
                open_[k] = False


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--connections", type=int, default=520)
    p.add_argument("--header-timeout", type=float, default=10.0)
    p.add_argument("base")
    a = p.parse_args()
    u = urllib.parse.urlsplit(a.base)
    host, port = u.hostname, u.port
    if not raise_fd_limit(a.connections + 64):
        print("the file descriptor limit is below %d: skipping" % (a.connections + 64),
              file=sys.stderr)
        return 77

    start = time.monotonic()
    conns = []
    for k in range(a.connections):
        s = socket.create_connection((host, port), timeout=5)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
        conns.append(s)
    opened = time.monotonic() - start
    status, took = healthz(host, port, timeout=5)
    check("/healthz answers 200 within 1 s while %d slow connections are open"
          % a.connections, status == 200 and took < 1.0,
          "status %d after %.2f s; opening them took %.2f s" % (status, took, opened))

    # a keep-alive connection: one request answered, the next one slow
    ka = socket.create_connection((host, port), timeout=5)
    try:
        ka.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        answer = ka.recv(4096)
        ka.sendall(b"GET /healthz HTTP/1.1\r\n")
    except OSError as e:
        answer = repr(e).encode()
    check("a keep-alive request is answered", answer.startswith(b"HTTP/1.1 200 "),
          repr(answer[:40]))
    ka_start = time.monotonic()

    # keep dripping until the deadline has passed with some slack
    open_ = [True] * len(conns)
    ka_open = True
    deadline = start + a.header_timeout + 1.5
    i = 0
    while time.monotonic() < deadline and (any(open_) or ka_open):
        time.sleep(0.5)
        i += 1
        drip(conns, open_, i)
        for k, s in enumerate(conns):
            if open_[k] and closed_by_peer(s):
                open_[k] = False
        if ka_open:
            try:
                ka.sendall(b"X-Slow: %d\r\n" % i)
            except OSError:
                ka_open = False
            ka_open = ka_open and not closed_by_peer(ka)
    left = sum(open_)
    check("the server closes every slow connection within %.1f s of its opening, "
          "though each keeps sending" % a.header_timeout, left == 0,
          "%d of %d still open after %.1f s" % (left, len(conns), time.monotonic() - start))
    check("and a keep-alive connection whose next request head is slow",
          not ka_open, "still open after %.1f s" % (time.monotonic() - ka_start))
    for s in conns:
        s.close()
    ka.close()

    status, took = healthz(host, port, timeout=5)
    check("then /healthz answers 200 at once", status == 200 and took < 1.0,
          "status %d after %.2f s" % (status, took))
    print(checks, failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
