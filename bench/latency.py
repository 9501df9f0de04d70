#!/usr/bin/python3
"""Whole-process query latency of hustings-query, quest and sqlite3 (FTS5).

Usage: latency.py QUERIES OUT.tsv HUSTINGS_QUERY HUSTINGS_IDX OMEGA_DB FTS5_DB

When HUSTINGS_PRELOAD is set in the environment, hustings-query (and only it)
runs with LD_PRELOAD set to it: the snapshot's libhustings.so (see run.sh).

Every query runs once per tool as a fresh process, as a user at a shell
would run it: the time measured is from spawning the process to reaping
it (so it includes exec, dynamic linking, opening the index, searching and
printing).  Their output goes to a pipe that is read to the end, as a
terminal or `| less` would.

Peak RSS is measured in a second pass over the same queries, each process
run under `/usr/bin/time -f %M`.  Not in the timed pass: time(1) adds about
2 ms per process.  Not from this script's own wait4(2): a child spawned by
Python inherits Python's ~10 MB high-water mark through fork and exec, which
would hide the RSS of small tools.

The three tools take turns query by query, and the order of the turn rotates,
so that whatever else the machine does (and the page cache warming) is spread
evenly over them.  The first WARMUP queries run once per tool untimed.

Queries are OR of their words everywhere (each tool's default, made explicit
for FTS5 whose default is AND): quest's QueryParser default operator is OR;
hustings ranks passages with every word first but also returns those with
some; FTS5 gets  "w1" OR "w2" OR "w3".  Each asks for the 10 best.

Writes one TSV row per query and tool: tool, query number, wall ms, peak
RSS KiB, exit status, results printed; and hustings-query's options to
OUT.tsv.hustings-options.
"""
import os
import re
import subprocess
import sys
import time

WARMUP = 10
LIMIT = 10

HUSTINGS_HIT = re.compile(rb"^\d+\. ", re.M)       # "1. Title" (text is indented)
QUEST_HIT = re.compile(rb"^\d+: \[", re.M)          # "333: [9.35]"
SQLITE_HIT = re.compile(rb"^/", re.M)               # rows start with the path


class Tool:
    def __init__(self, name, argv, hit, ok, env=None):
        self.name = name
        self.argv = argv          # query -> argv
        self.hit = hit            # regex counting the results printed
        self.ok = ok              # exit statuses that are not failures
        self.env = env or {}      # added to the environment


def hustings_options(hq, env):
    """--no-collapse when this hustings-query has it.  Every story of the
    replicated corpus has BENCH_COPIES identical copies; folding them into
    one result is work (and a result count) the other tools do not have,
    and that an ordinary archive would rarely trigger."""
    help_text = subprocess.run([hq, "--help"], env=dict(os.environ, **env),
                               capture_output=True, text=True).stdout
    return ["--no-collapse"] if "--no-collapse" in help_text else []


def tools(hq, hidx, odb, fdb, opts_file):
    def fts5(q):
        # Words are [a-z]+ (see make_queries.py), so quoting them is enough.
        match = " OR ".join('"%s"' % w for w in q.split())
        sql = ("SELECT path, para, snippet(p, 0, '[', ']', '...', 32) FROM p "
               "WHERE p MATCH '%s' ORDER BY bm25(p) LIMIT %d;" % (match, LIMIT))
        return ["sqlite3", "-readonly", fdb, sql]

    preload = os.environ.get("HUSTINGS_PRELOAD")
    henv = {"LD_PRELOAD": preload} if preload else {}
    hopts = ["--limit", str(LIMIT), "--color=always"] + hustings_options(hq, henv)
    print("latency: hustings-query -d IDX %s QUERY" % " ".join(hopts), file=sys.stderr)
    with open(opts_file, "w") as f:      # for report.py
        f.write(" ".join(hopts) + "\n")
    return [
        # hustings-query exits 1 when nothing matched: not an error here.
        Tool("hustings", lambda q: [hq, "-d", hidx] + hopts + q.split(),
             HUSTINGS_HIT, (0, 1), henv),
        Tool("omindex", lambda q: ["quest", "-d", odb, "-m", str(LIMIT), q],
             QUEST_HIT, (0,)),
        Tool("fts5", fts5, SQLITE_HIT, (0,)),
    ]


def run_once(tool, q):
    """(wall ms, exit status, stdout) of one whole process."""
    env = dict(os.environ, **tool.env)
    t0 = time.perf_counter_ns()
    p = subprocess.run(tool.argv(q), env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    t1 = time.perf_counter_ns()
    return (t1 - t0) / 1e6, p.returncode, p.stdout


def peak_rss(tool, q, rss_file):
    """Peak RSS (KiB) of one run, as GNU time reports it.  The extra
    environment is set by env(1), which execs the tool in the same process,
    so that it does not apply to time(1) itself."""
    env = ["env"] + ["%s=%s" % kv for kv in tool.env.items()] if tool.env else []
    subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file] + env + tool.argv(q),
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    with open(rss_file) as f:
        return int(f.read().split()[-1])


def rotations(queries, tools):
    """(query number, query, tool) in turns whose order rotates."""
    for i, q in enumerate(queries):
        k = i % len(tools)
        for tool in tools[k:] + tools[:k]:
            yield i, q, tool


def main():
    if len(sys.argv) != 7:
        sys.exit("usage: " + __doc__.strip().splitlines()[2].split(": ", 1)[1])
    qfile, out_tsv, hq, hidx, odb, fdb = sys.argv[1:]
    with open(qfile) as f:
        queries = [line.strip() for line in f if line.strip()]
    ts = tools(hq, hidx, odb, fdb, out_tsv + ".hustings-options")

    for q in queries[:WARMUP]:
        for tool in ts:
            run_once(tool, q)

    timed = {}
    for i, q, tool in rotations(queries, ts):
        ms, code, stdout = run_once(tool, q)
        if code not in tool.ok:
            err = subprocess.run(tool.argv(q), env=dict(os.environ, **tool.env),
                                 capture_output=True).stderr.decode(errors="replace")
            sys.exit("latency: %s failed (exit %d) on query %r:\n%s"
                     % (tool.name, code, q, err))
        timed[tool.name, i] = (ms, code, len(tool.hit.findall(stdout)))

    rss_file = out_tsv + ".rss"
    rss = {(tool.name, i): peak_rss(tool, q, rss_file)
           for i, q, tool in rotations(queries, ts)}
    os.unlink(rss_file)

    with open(out_tsv, "w") as out:
        out.write("tool\tquery\twall_ms\tmaxrss_kb\texit\thits\n")
        for tool in ts:
            for i in range(len(queries)):
                ms, code, hits = timed[tool.name, i]
                out.write("%s\t%d\t%.3f\t%d\t%d\t%d\n"
                          % (tool.name, i, ms, rss[tool.name, i], code, hits))
    print("latency: %d queries x %d tools -> %s" % (len(queries), len(ts), out_tsv),
          file=sys.stderr)


if __name__ == "__main__":
    main()
