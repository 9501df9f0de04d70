#!/usr/bin/env python3
"""serve-webdriver.py - drive the search page of a running hustings-serve in
headless Chromium, through chromedriver's W3C WebDriver protocol (plain
urllib: no selenium).  Used by tests/browser-serve.sh.

usage: serve-webdriver.py BASE_URL OUT_DIR HOSTILE_WORD

Prints one line per check ("ok: ..." or "FAIL: ..."), saves screenshots in
OUT_DIR, and exits 0 when every check passed, 1 otherwise, 99 when the
browser could not be driven at all.
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
TIMEOUT = 15  # seconds for any wait


class WebDriverError(Exception):
    pass


class Browser:
    def __init__(self, chromedriver, chromium, profile):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.log = open(os.path.join(profile, "chromedriver.log"), "w")
        self.proc = subprocess.Popen([chromedriver, "--port=%d" % self.port],
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.base = "http://127.0.0.1:%d" % self.port
        deadline = time.time() + TIMEOUT
        while True:
            try:
                if self.call("GET", "/status")["ready"]:
                    break
            except (OSError, WebDriverError):
                pass
            if time.time() > deadline or self.proc.poll() is not None:
                raise WebDriverError("chromedriver did not start")
            time.sleep(0.1)
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--disable-extensions", "--lang=en-GB", "--window-size=1280,1000",
                "--user-data-dir=" + os.path.join(profile, "chromium")]
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.load(r)["value"]
        except urllib.error.HTTPError as e:
            try:
                value = json.load(e)["value"]
            except ValueError:
                value = {"error": str(e)}
            raise WebDriverError(value.get("error", "") + ": " + value.get("message", "")[:200])

    def s(self, method, path, body=None):
        return self.call(method, "/session/%s%s" % (self.session, path), body)

    def go(self, url):
        self.s("POST", "/url", {"url": url})

    def js(self, script, *args):
        return self.s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css):
        return self.s("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def wait(self, script, *args):
        """Poll a JS expression until it is truthy; returns its value or None."""
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            value = self.js("return (" + script + ");", *args)
            if value:
                return value
            time.sleep(0.1)
        return None

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.s("GET", "/screenshot")))

    def alert_open(self):
        try:
            self.s("GET", "/alert/text")
            return True
        except WebDriverError:
            return False

    def close(self):
        try:
            self.s("DELETE", "")
        except (OSError, WebDriverError):
            pass
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


failures = 0


def check(desc, ok):
    global failures
    print(("ok: " if ok else "FAIL: ") + desc, flush=True)
    if not ok:
        failures += 1


RESULTS = """Array.from(document.querySelectorAll('#results .result')).map(li => ({
    title: li.querySelector('.title').textContent,
    text: li.querySelector('.passage').textContent,
    path: li.querySelector('.path').textContent,
    marks: Array.from(li.querySelectorAll('.passage mark')).map(m => m.textContent),
    links: Array.from(li.querySelectorAll('a')).map(a => a.getAttribute('href')),
    elements: Array.from(li.querySelectorAll('*')).map(e => e.tagName.toLowerCase())}))"""


def run(b, base, out, hostile):
    b.go(base + "/")
    check("the page loads with a search box", b.wait("document.querySelector('#q') !== null"))

    # type a query and press Enter, as a person would
    box = b.find("#q")
    b.s("POST", "/element/%s/value" % box, {"text": "self-nomination\ue007"})
    results = b.wait("document.querySelectorAll('#results .result').length > 0 && " + RESULTS)
    check("searching self-nomination shows results", bool(results))
    if not results:
        return
    first = results[0]
    check("the first result is a passage of the article about self-nomination",
          first["path"].endswith("en-01-self-nomination-returns.txt") and
          "self-nominat" in first["text"].lower())
    check("the matched word is highlighted in a <mark>",
          any(m.lower() in ("self-nomination", "self-nominated") for m in first["marks"]))
    check("the result shows its title", "Self-Nomination" in first["title"])
    check("the result links its source", any(h and h.startswith("https://example.kz/")
                                              for h in first["links"]))
    url = b.s("GET", "/url")
    check("the query is in the URL", "q=self-nomination" in url)
    b.screenshot(os.path.join(out, "browser-serve.png"))

    # a facet narrows the search and goes into the URL
    facet = b.wait("document.querySelector('#filters a.facet[data-facet=\"source\"]') !== null")
    check("facets are shown", bool(facet))
    if facet:
        b.s("POST", "/element/%s/click" % b.find('#filters a.facet[data-facet="source"]'), {})
        pressed = b.wait("location.search.includes('source=') && "
                         "document.querySelector('#filters a.facet.active') !== null && "
                         "!document.body.hasAttribute('aria-busy') && "
                         "document.querySelectorAll('#results .result').length > 0")
        check("clicking a source facet filters by it", bool(pressed))
        check("the filter shows as a removable chip",
              bool(b.js("return document.querySelector('#chips a.chip') !== null")))
        b.screenshot(os.path.join(out, "browser-serve-facet.png"))
        b.s("POST", "/back", {})
        check("the back button returns to the unfiltered search",
              bool(b.wait("!location.search.includes('source=') && "
                          "document.querySelector('#filters a.facet.active') === null && "
                          "document.querySelectorAll('#results .result').length > 0")))

    # a shared link opens the same search, on its page
    b.go(base + "/?q=self-nomination&page=2")
    check("a bookmarked URL opens page 2 of the search",
          bool(b.wait("document.querySelector('#status').textContent.includes('page 2')")))

    # an article's own markup is text, and a javascript: source no link
    b.go(base + "/?q=" + hostile)
    hostile_results = b.wait("document.querySelectorAll('#results .result').length >= 2 && " + RESULTS)
    check("the hostile articles are found", bool(hostile_results))
    if hostile_results:
        titles = " ".join(r["title"] for r in hostile_results)
        texts = " ".join(r["text"] for r in hostile_results)
        tags = {t for r in hostile_results for t in r["elements"]}
        links = [h for r in hostile_results for h in r["links"]]
        check("<script> in a passage shows as text", "<script>alert(1)</script>" in texts)
        check("<img onerror> in a title shows as text", "<img src=x onerror=alert(1)>" in titles)
        check("no element came from article text", tags <= {"h2", "a", "p", "mark", "time",
                                                             "span"})
        check("a javascript: source is not a link",
              not any(h.lower().startswith("javascript") for h in links))
        check("no script ran (no alert)", not b.alert_open())
        # the article view renders the same strings as text
        b.s("POST", "/element/%s/click" % b.find("#results .result .title a"), {})
        body = b.wait("document.querySelector('#article:not([hidden]) .article-body p') && "
                      "document.querySelector('#article').textContent")
        check("the article view opens", bool(body))
        check("the article view shows markup as text",
              bool(body) and "onerror=alert" in body and not b.js(
                  "return document.querySelector('#article img, #article script') !== null"))
        check("still no script ran", not b.alert_open())

    # a narrow window (a phone)
    b.s("POST", "/window/rect", {"width": 420, "height": 900})
    b.go(base + "/?q=self-nomination")
    narrow = b.wait("document.querySelectorAll('#results .result').length > 0 && "
                    "document.documentElement.scrollWidth <= window.innerWidth + 1")
    check("a narrow window needs no sideways scrolling", bool(narrow))
    b.screenshot(os.path.join(out, "browser-serve-narrow.png"))


def main():
    base, out, hostile = sys.argv[1:4]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        print("chromium or chromedriver is missing", file=sys.stderr)
        return 99
    profile = tempfile.mkdtemp(prefix="hustings-chromium.")
    try:
        b = Browser(chromedriver, chromium, profile)
    except (OSError, WebDriverError) as e:
        print("cannot drive chromium: %s" % e, file=sys.stderr)
        with open(os.path.join(profile, "chromedriver.log")) as f:
            sys.stderr.write(f.read()[-2000:])
        shutil.rmtree(profile, ignore_errors=True)
        return 99
    try:
        run(b, base, out, hostile)
    except WebDriverError as e:
        check("WebDriver: %s" % e, False)
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
