#!/usr/bin/env python3
"""serve-http.py - a small HTTP client for tests/cli-serve.sh (python3's
standard library only, so no curl is needed).

  serve-http.py [-X METHOD] [-H 'Name: value']... [--data-bytes N]
                [--pad N] [-o BODY_FILE] [-D HEADERS_FILE] URL
      one request; prints the status code (000 when there was no answer),
      writes the body and the headers ("name: value" lines, names lower
      case) to the files given.  --pad N adds N bytes to the URL's query
      (a URL longer than a command line may be).
  serve-http.py --load SECONDS [--threads N] [-H ...] URL...
      requests the URLs in turn from N threads (default 4) for SECONDS;
      prints "STATUS COUNT" lines, e.g. "200 5123".
  serve-http.py --raw REQUEST_FILE [-o BODY_FILE] BASE_URL
      sends the bytes of REQUEST_FILE as they are (a request line or
      header no client library would send: NUL, bytes that are not UTF-8)
      on a new connection, and prints the status code of the answer
      (000 for none), writing its body to BODY_FILE.
  serve-http.py --batch BASE_URL <RECORDS
      runs checks queued by cli-serve.sh's `expect` (Python starts slowly,
      so one process runs many): records end with \036, their fields
      (description, status, path, expression, request options) with \037;
      the options are those above and --param NAME=VALUE, added to the
      query string URL-encoded.
      The expression sees d (the JSON body or None), h (headers, names in
      lower case), body (bytes) and status.  Prints "FAIL: ..." on stderr
      for each failed check, then "CHECKS FAILURES" on stdout.
"""
import argparse
import collections
import http.client
import json
import socket
import sys
import threading
import time
import urllib.parse


def request(url, method="GET", headers=(), body=None, conn=None):
    """(status, headers, body); status 0 when the connection failed."""
    u = urllib.parse.urlsplit(url)
    target = u.path + ("?" + u.query if u.query else "")
    own = conn is None
    if own:
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    try:
        own_host = any(h.partition(":")[0].strip().lower() == "host" for h in headers)
        conn.putrequest(method, target, skip_accept_encoding=True, skip_host=own_host)
        for h in headers:
            name, _, value = h.partition(":")
            conn.putheader(name.strip(), value.lstrip())  # a trailing space is sent
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        r = conn.getresponse()
        data = r.read()
        return r.status, r.getheaders(), data
    except (OSError, http.client.HTTPException):
        conn.close()
        return 0, [], b""
    finally:
        if own:
            conn.close()


def load(urls, seconds, threads, headers):
    counts = collections.Counter()
    lock = threading.Lock()
    deadline = time.time() + seconds

    def worker(k):
        u = urllib.parse.urlsplit(urls[0])
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        i = k
        while time.time() < deadline:
            status, _, _ = request(urls[i % len(urls)], headers=headers, conn=conn)
            if status == 0:  # reconnect after a failure
                conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
            with lock:
                counts[status] += 1
            i += 1
        conn.close()

    pool = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    for status, n in sorted(counts.items()):
        print(status, n)


def batch(base):
    checks = failures = 0
    for record in sys.stdin.read().split("\036"):
        fields = record.split("\037")
        if len(fields) < 4:
            continue
        desc, want, path, expr = fields[:4]
        opts = argparse.ArgumentParser()
        opts.add_argument("-X", dest="method", default="GET")
        opts.add_argument("-H", dest="headers", action="append", default=[])
        opts.add_argument("--data-bytes", type=int)
        opts.add_argument("--pad", type=int, default=0)
        opts.add_argument("--param", action="append", default=[])
        a = opts.parse_args([f for f in fields[4:] if f])
        url = base + path + ("&pad=" + "a" * a.pad if a.pad else "")
        if a.param:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(
                [tuple(p.split("=", 1)) for p in a.param])
        data = b"x" * a.data_bytes if a.data_bytes is not None else None
        status, headers, body = request(url, a.method, a.headers, data)
        h = {name.lower(): value for name, value in headers}
        try:
            d = json.loads(body)
        except ValueError:
            d = None
        env = {"d": d, "h": h, "body": body, "status": status}
        try:
            ok = (want == "-" or str(status) == want) and (not expr or eval("(" + expr + "\n)", env))
            why = "" if ok else " (status %s, body %r)" % (status, body[:300])
        except Exception as e:  # a check that cannot be evaluated fails
            ok, why = False, " (%s: %s; status %s, body %r)" % (type(e).__name__, e, status, body[:200])
        checks += 1
        failures += not ok
        if not ok:
            print("FAIL: " + desc + why, file=sys.stderr)
    print(checks, failures)


def raw(base, request_file, body_file):
    """Send a request file's bytes as they are; print the answer's status."""
    u = urllib.parse.urlsplit(base)
    with open(request_file, "rb") as f:
        request_bytes = f.read()
    answer = b""
    with socket.create_connection((u.hostname, u.port), timeout=10) as s:
        s.sendall(request_bytes)
        while True:
            data = s.recv(65536)
            if not data:
                break
            answer += data
    head, _, body = answer.partition(b"\r\n\r\n")
    if body_file:
        with open(body_file, "wb") as f:
            f.write(body)
    print(head[9:12].decode() if head.startswith(b"HTTP/") else "000")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("-X", dest="method", default="GET")
    p.add_argument("-H", dest="headers", action="append", default=[])
    p.add_argument("--data-bytes", type=int)
    p.add_argument("--pad", type=int, default=0)
    p.add_argument("-o", dest="body_file")
    p.add_argument("-D", dest="headers_file")
    p.add_argument("--load", type=float)
    p.add_argument("--batch", action="store_true")
    p.add_argument("--raw", dest="raw_file")
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("urls", nargs="+")
    a = p.parse_args()
    if a.batch:
        batch(a.urls[0])
        return 0
    if a.raw_file:
        raw(a.urls[0], a.raw_file, a.body_file)
        return 0
    if a.load:
        load(a.urls, a.load, a.threads, a.headers)
        return 0
    body = b"x" * a.data_bytes if a.data_bytes is not None else None
    url = a.urls[0] + ("&pad=" + "a" * a.pad if a.pad else "")
    status, headers, data = request(url, a.method, a.headers, body)
    if a.body_file:
        with open(a.body_file, "wb") as f:
            f.write(data)
    if a.headers_file:
        with open(a.headers_file, "w", encoding="utf-8") as f:
            for name, value in headers:
                f.write("%s: %s\n" % (name.lower(), value))
    print("%03d" % status)
    return 0


if __name__ == "__main__":
    sys.exit(main())
