#!/usr/bin/env python3
"""serve-webdriver.py - drive the search page of a running hustings-serve in
headless Chromium, through chromedriver's W3C WebDriver protocol (plain
urllib: no selenium).  Used by tests/browser-serve.sh.

usage: serve-webdriver.py BASE_URL OUT_DIR HOSTILE_WORD FRENCH_WORD NO_INDEX_URL NO_INDEX_PATH

BASE_URL serves an index of corpus/, the hostile articles (HOSTILE_WORD)
and a French one (FRENCH_WORD); NO_INDEX_URL a server started on
NO_INDEX_PATH, where no index is yet.

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
import urllib.parse
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


def api(base, endpoint, **params):
    """The JSON answer of the server's API (no token here)."""
    with urllib.request.urlopen(base + endpoint + "?" + urllib.parse.urlencode(params),
                                timeout=30) as r:
        return json.load(r)


def long_date(d):
    """2023-01-21 as the page writes it: 21 January 2023."""
    return time.strftime("%-d %B %Y", time.strptime(d, "%Y-%m-%d"))


def marked(text, highlights):
    """The highlighted words of text, its UTF-8 byte ranges decoded."""
    b = text.encode()
    return [b[s:e].decode() for s, e in highlights]


GROUPS = """Array.from(document.querySelectorAll('#results .result')).map(li => ({
    path: li.querySelector('.path').textContent,
    title: li.querySelector('.title').textContent,
    passages: Array.from(li.querySelectorAll('.passage')).map(p => p.textContent)}))"""

READY = ("!document.body.hasAttribute('aria-busy') && "
         "document.querySelectorAll('#results .result').length > 0")


def run_grouping(b, base):
    """An article once a page, its passages of the page in rank order, and
    the totals of passages, articles and pages."""
    b.go(base + "/?q=self-nomination")
    groups = b.wait(READY + " && " + GROUPS)
    d = api(base, "/api/search", q="self-nomination", limit=10, articles=1)
    want = []
    for r in d["results"]:
        for g in want:
            if g["path"] == r["path"] and g["title"] == r["title"]:
                g["passages"].append(r["text"])
                break
        else:
            want.append({"path": r["path"], "title": r["title"], "passages": [r["text"]]})
    check("self-nomination: the page shows 4 articles for its 10 passages, each once, its "
          "passages in rank order", groups == want and len(want) == 4 and
          [len(g["passages"]) for g in want] == [4, 2, 2, 2])
    status = b.js("return document.querySelector('#status').textContent")
    check("the totals: '37 passages in 11 articles · page 1 of 4'",
          status == "37 passages in 11 articles · page 1 of 4" and d["total"] == 37 and
          d["articles"] == 11)
    check("the pager says 'Page 1 of 4'",
          b.js("return document.querySelector('#pager .page-number').textContent") == "Page 1 of 4")
    b.go(base + "/?q=self-nomination&page=4")
    check("the last page: '37 passages in 11 articles · page 4 of 4', no Next",
          bool(b.wait(READY + " && document.querySelector('#status').textContent == "
                      "'37 passages in 11 articles · page 4 of 4' && "
                      "document.querySelector('#pager a.next') === null")))


def run_languages(b, base, french):
    """Languages by name: the facet, a result's line and the chip."""
    b.go(base + "/?q=" + urllib.parse.quote(french + " OR Almaty OR Алматы"))
    labels = b.wait(READY + " && Array.from(document.querySelectorAll("
                    "'#filters a.facet[data-facet=\"language\"]')).map(a => [a.dataset.value, "
                    "a.querySelector('.facet-label').textContent])")
    check("the language facet names the languages: English, Russian, Kazakh, French",
          sorted(labels or []) == [["en", "English"], ["fr", "French"], ["kk", "Kazakh"],
                                   ["ru", "Russian"]])
    check("a French result says French",
          b.js("return document.querySelector('#results .result[lang=\"fr\"] .meta .lang')"
               ".textContent") == "French")
    b.s("POST", "/element/%s/click" % b.find('#filters a.facet[data-value="fr"]'), {})
    check("its chip says Language: French",
          bool(b.wait("location.search.includes('lang=fr') && " + READY + " && "
                      "document.querySelector('#chips a.chip').textContent == "
                      "'Language: French ×'")))


def run_undated(b, base):
    """The year facet counts undated matches as a value that is no link:
    no filter selects undated articles alone."""
    b.go(base + "/?q=self-nomination")
    years = b.wait(READY + " && Array.from(document.querySelectorAll("
                   "'#filters [data-facet=\"year\"]')).map(e => [e.tagName, e.dataset.value, "
                   "e.querySelector('.facet-label').textContent, "
                   "e.querySelector('.facet-count').textContent])")
    check("the year facet: 2023 as a link, then Undated (2 passages) as no link",
          years == [["A", "2023", "2023", "35"], ["SPAN", "undated", "Undated", "2"]])


def run_article_marks(b, base, out):
    """The article view marks the search's words as the results do."""
    b.go(base + "/?q=self-nomination")
    b.wait(READY)
    b.s("POST", "/element/%s/click" % b.find("#results .result .title a"), {})
    paras = b.wait("document.querySelector('#article:not([hidden]) .article-body p') && "
                   "Array.from(document.querySelectorAll('#article .article-body p')).map(p => "
                   "[p.textContent, Array.from(p.querySelectorAll('mark')).map(m => m.textContent)])")
    path = b.js("return document.querySelector('#article .path').textContent")
    a = api(base, "/api/article", path=path, q="self-nomination")
    want = [[p["text"], marked(p["text"], p["highlights"])] for p in a["passages"]]
    check("the article view marks what /api/article?q= gives: 4 of its 8 passages, "
          "self-nominated twice, self-nomination twice",
          paras == want and len(want) == 8 and
          sorted(w.lower() for _, m in want for w in m) ==
          ["self-nominated", "self-nominated", "self-nomination", "self-nomination"])
    first = api(base, "/api/search", q="self-nomination", limit=1)["results"][0]
    check("and marks the result's words in its passage, as the result did",
          b.js("return Array.from(document.querySelectorAll('#article .article-body p.hit mark'))"
               ".map(m => m.textContent)") == marked(first["text"], first["highlights"]))
    b.screenshot(os.path.join(out, "browser-serve-article.png"))


def run_back(b, base):
    """Back to the results: the same search, page and scroll position, by
    the link and by the browser's back button; from an address spelt
    otherwise than the page spells it (%20, another order)."""
    b.s("POST", "/window/rect", {"width": 1280, "height": 600})
    b.go(base + "/?page=2&q=general%20election")
    b.wait(READY + " && document.querySelector('#status').textContent.includes('page 2')")
    url = b.s("GET", "/url")
    # scroll down and open a result whose title is in view (so that the
    # click needs no scrolling of its own)
    y = b.js("window.scrollTo(0, Math.min(400, document.documentElement.scrollHeight - "
             "window.innerHeight)); return window.scrollY;")
    link = b.js("""const a = Array.from(document.querySelectorAll('#results .title a')).find(a => {
        const r = a.getBoundingClientRect(); return r.top > 80 && r.bottom < window.innerHeight; });
        if (a) a.setAttribute('data-probe', '1'); return Boolean(a);""")
    check("page 2 of election scrolls down %s px, a result in view" % y, y > 100 and link)
    if not link:
        return
    for how in ("the Back to the results link", "the browser's back button"):
        b.s("POST", "/element/%s/click" % b.find("a[data-probe]"), {})
        if not b.wait("document.querySelector('#article:not([hidden]) .article-body p') !== null"):
            check("the article opens (%s)" % how, False)
            return
        if how.startswith("the Back"):
            b.js("window.scrollTo(0, 0)")  # up to the link, as a reader would scroll
            b.s("POST", "/element/%s/click" % b.find("#article a.back"), {})
        else:
            b.s("POST", "/back", {})
        back = b.wait(READY + " && location.href == %s && Math.abs(window.scrollY - %d) <= 1 && "
                      "document.querySelector('#status').textContent.includes('page 2') && "
                      "document.querySelector('#article').hidden" % (json.dumps(url), y))
        check("%s returns to page 2 of the search, scrolled to %d px as left" % (how, y),
              bool(back))
        b.js("Array.from(document.querySelectorAll('#results .title a')).find(a => {"
             "const r = a.getBoundingClientRect(); return r.top > 80 && r.bottom < "
             "window.innerHeight; }).setAttribute('data-probe', '1')")
    b.s("POST", "/window/rect", {"width": 1280, "height": 1000})


def run_nothing(b, base, out):
    """Nothing matches: what to try."""
    b.go(base + "/?q=zqnothing+zqnever&lang=ru&from=2023-01&to=2023-02")
    tips = b.wait("!document.querySelector('#nothing').hidden && "
                  "document.querySelector('#nothing .index-dates').textContent && "
                  "Array.from(document.querySelectorAll('#nothing li')).map(li => li.textContent)")
    st = api(base, "/api/stats")
    check("no match with filters and dates: remove a filter, fewer words, the date range "
          "and the dates the index holds", tips == [
              "Remove a filter: without the language Russian, without the dates, "
              "without any filter.",
              'Use fewer words, or other words for the same thing: a "quoted phrase", AND or '
              "a field needs all it names.",
              "Check the date range (January 2023 – February 2023): undated articles are left "
              "out when one is set. The index holds articles dated %s to %s, and %d undated "
              "articles." % (long_date(st["first_date"]), long_date(st["last_date"]),
                             st["undated"])])
    links = b.js("return Array.from(document.querySelectorAll('#nothing a.unfilter')).map(a => "
                 "a.getAttribute('href'))")
    check("each removes what it says", links == [
        "/?q=zqnothing+zqnever&from=2023-01&to=2023-02",
        "/?q=zqnothing+zqnever&lang=ru", "/?q=zqnothing+zqnever"])
    b.screenshot(os.path.join(out, "browser-serve-nothing.png"))
    b.go(base + "/?q=electon&lang=kk")
    dym = b.wait("!document.querySelector('#nothing').hidden && "
                 "document.querySelector('#nothing a.did-you-mean')")
    check("a misspelling that finds nothing: Did you mean election?, first",
          bool(dym) and b.js("return document.querySelector('#nothing li').textContent") ==
          "Did you mean election?" and b.js(
              "return document.querySelector('#nothing a.did-you-mean').getAttribute('href')")
          == "/?q=election&lang=kk")


def run_no_index(b, base, path, out):
    """A server started before the first build says so on the page."""
    want = "no index at %s yet: run hustings-index -d %s FOLDER" % (path, path)
    for page in ("/", "/?q=election"):
        b.go(base + page)
        text = b.wait("!document.querySelector('#message').hidden && "
                      "document.querySelector('#message').textContent")
        check("no index yet: %s says '%s'" % (page, want), text == want)
    b.screenshot(os.path.join(out, "browser-serve-noindex.png"))


def run(b, base, out, hostile, french, no_index_base, no_index_path):
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

    run_grouping(b, base)
    run_languages(b, base, french)
    run_undated(b, base)
    run_article_marks(b, base, out)
    run_back(b, base)
    run_nothing(b, base, out)
    run_no_index(b, no_index_base, no_index_path, out)

    # a narrow window (a phone)
    b.s("POST", "/window/rect", {"width": 420, "height": 900})
    b.go(base + "/?q=self-nomination")
    narrow = b.wait("document.querySelectorAll('#results .result').length > 0 && "
                    "document.documentElement.scrollWidth <= window.innerWidth + 1")
    check("a narrow window needs no sideways scrolling", bool(narrow))
    b.screenshot(os.path.join(out, "browser-serve-narrow.png"))


def main():
    base, out, hostile, french, no_index_base, no_index_path = sys.argv[1:7]
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
        run(b, base, out, hostile, french, no_index_base, no_index_path)
    except WebDriverError as e:
        check("WebDriver: %s" % e, False)
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
