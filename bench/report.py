#!/usr/bin/python3
"""Build the benchmark's table from the measurements run.sh wrote.

Usage: report.py SCRATCH_DIR OUT_DIR

Reads SCRATCH_DIR/meta.tsv (key, value), steps.tsv (tool, step, wall s,
peak RSS KiB, user s, sys s, exit), sizes.tsv (tool, when, bytes) and
latency.tsv (see latency.py).  Prints one Markdown table and writes
OUT_DIR/results.md (the table with the run's context) and OUT_DIR/results.json
(every number the table is built from, plus the per-tool query statistics).

Every measure is "lower is better", and every ratio is  other / hustings,
so a ratio above 1.0x means hustings wins that measure.
"""
import csv
import json
import math
import os
import sys

TOOLS = ["hustings", "omindex", "fts5"]
HEAD = {"hustings": "hustings", "omindex": "omindex (Omega)", "fts5": "SQLite FTS5"}
RSS_LIMIT_MIB = 256
NOOP_LIMIT_S = 1.0


def read_tsv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def percentile(xs, p):
    """Nearest-rank percentile (p in 0-100) of a non-empty list."""
    xs = sorted(xs)
    return xs[max(0, math.ceil(p / 100 * len(xs)) - 1)]


def collect(scratch):
    meta = dict((r[0], r[1]) for r in csv.reader(open(os.path.join(scratch, "meta.tsv")),
                                                 delimiter="\t"))
    steps = {(r["tool"], r["step"]): r for r in read_tsv(os.path.join(scratch, "steps.tsv"))}
    sizes = {(r["tool"], r["when"]): int(r["bytes"])
             for r in read_tsv(os.path.join(scratch, "sizes.tsv"))}
    lat = read_tsv(os.path.join(scratch, "latency.tsv"))
    queries = {}
    for t in TOOLS:
        rows = [r for r in lat if r["tool"] == t]
        ms = [float(r["wall_ms"]) for r in rows]
        queries[t] = {
            "n": len(rows),
            "p50_ms": percentile(ms, 50),
            "p95_ms": percentile(ms, 95),
            "mean_ms": sum(ms) / len(ms),
            "max_ms": max(ms),
            "peak_rss_kib": max(int(r["maxrss_kb"]) for r in rows),
            "median_rss_kib": percentile([int(r["maxrss_kb"]) for r in rows], 50),
            "mean_hits": sum(int(r["hits"]) for r in rows) / len(rows),
            "no_hits": sum(1 for r in rows if int(r["hits"]) == 0),
        }
    return meta, steps, sizes, queries


def measures(meta, steps, sizes, queries):
    """The table's rows: (label, {tool: value}, unit format, target, verdict)."""
    def step(s, key, scale=1.0):
        return {t: float(steps[t, s][key]) * scale for t in TOOLS}

    def cpu(s):
        return {t: float(steps[t, s]["user_s"]) + float(steps[t, s]["sys_s"]) for t in TOOLS}

    mib = 1 / 1024
    files = int(meta["corpus_files"])
    build = step("build", "wall_s")
    noop = step("noop", "wall_s")
    rows = []

    ok = build["omindex"] >= 3 * build["hustings"] and build["hustings"] <= build["fts5"]
    rows.append(("Full build, wall (s)", build, "%.1f",
                 "≥ 3× faster than omindex and ≤ FTS5", ok))
    rows.append(("Full build, CPU user+sys (s)", cpu("build"), "%.1f", "", None))
    v = step("build", "maxrss_kb", mib)
    rows.append(("Full build, peak RSS (MiB)", v, "%.0f",
                 "≤ %d MiB" % RSS_LIMIT_MIB, v["hustings"] <= RSS_LIMIT_MIB))
    rows.append(("No-op re-run, wall (s)", noop, "%.2f",
                 "≤ %g s for 44,000 files (here %s)" % (NOOP_LIMIT_S, format(files, ",")),
                 noop["hustings"] <= NOOP_LIMIT_S))
    v = step("noop", "maxrss_kb", mib)
    rows.append(("No-op re-run, peak RSS (MiB)", v, "%.0f",
                 "≤ %d MiB" % RSS_LIMIT_MIB, v["hustings"] <= RSS_LIMIT_MIB))
    v = {t: sizes[t, "build"] / 1e6 for t in TOOLS}
    rows.append(("Index size after full build (MB)", v, "%.1f",
                 "≤ omindex's", v["hustings"] <= v["omindex"]))
    v = {t: sizes[t, "noop"] / 1e6 for t in TOOLS}
    rows.append(("Index size after no-op re-run (MB)", v, "%.1f",
                 "≤ omindex's", v["hustings"] <= v["omindex"]))
    v = {t: queries[t]["p50_ms"] for t in TOOLS}
    rows.append(("Query p50, whole process (ms)", v, "%.1f",
                 "≤ quest's", v["hustings"] <= v["omindex"]))
    rows.append(("Query p95, whole process (ms)",
                 {t: queries[t]["p95_ms"] for t in TOOLS}, "%.1f", "", None))
    v = {t: queries[t]["peak_rss_kib"] * mib for t in TOOLS}
    rows.append(("Query peak RSS, worst query (MiB)", v, "%.1f",
                 "≤ %d MiB" % RSS_LIMIT_MIB, v["hustings"] <= RSS_LIMIT_MIB))
    return rows


CEILING_LIMIT = 1.3


def ceiling_rows(steps, sizes):
    """hustings' full build against the bare-Xapian ceiling (ceiling.cc):
    (label, hustings, ceiling, format, target, verdict), or [] when the run
    has no ceiling."""
    if ("ceiling", "build") not in steps:
        return []
    def cpu(t):
        return float(steps[t, "build"]["user_s"]) + float(steps[t, "build"]["sys_s"])
    wall = {t: float(steps[t, "build"]["wall_s"]) for t in ("hustings", "ceiling")}
    return [
        ("Full build, wall (s)", wall["hustings"], wall["ceiling"], "%.1f",
         "≤ %g× the ceiling" % CEILING_LIMIT, wall["hustings"] <= CEILING_LIMIT * wall["ceiling"]),
        ("Full build, CPU user+sys (s)", cpu("hustings"), cpu("ceiling"), "%.1f", "", None),
        ("Index size (MB)", sizes["hustings", "build"] / 1e6, sizes["ceiling", "build"] / 1e6,
         "%.1f", "", None),
    ]


def ceiling_table(rows):
    if not rows:
        return ""
    out = ["| measure | hustings | bare Xapian (ceiling) | hustings / ceiling | target (hustings) | |",
           "|---|---:|---:|---:|---|---|"]
    for label, h, c, fmt, target, verdict in rows:
        out.append("| %s | %s | %s | %s | %s | %s |" % (
            label, fmt % h, fmt % c, "%.2f×" % (h / c) if c > 0 else "—", target or "—",
            "" if verdict is None else ("PASS" if verdict else "MISS")))
    return ("\n\nThe same passages (hustings' own, from `--dump`) given to a bare Xapian "
            "writer: one document per passage, English stems with positions, two writers "
            "and `xapian-compact` (bench/ceiling.cc, bench/ceiling.sh).\n\n" + "\n".join(out))


def ratio(other, hustings):
    return "%.2f×" % (other / hustings) if hustings > 0 and other > 0 else "—"


def table(rows):
    out = ["| measure | %s | omindex / hustings | FTS5 / hustings | target (hustings) | |"
           % " | ".join(HEAD[t] for t in TOOLS),
           "|---|" + "---:|" * len(TOOLS) + "---:|---:|---|---|"]
    for label, v, fmt, target, verdict in rows:
        out.append("| %s | %s | %s | %s | %s | %s |" % (
            label, " | ".join(fmt % v[t] for t in TOOLS),
            ratio(v["omindex"], v["hustings"]), ratio(v["fts5"], v["hustings"]),
            target or "—", "" if verdict is None else ("PASS" if verdict else "MISS")))
    return "\n".join(out)


def context(meta, steps, queries):
    m = meta
    lines = [
        "- Date: %s; run took %s min (BENCH_COPIES=%s, BENCH_QUERIES=%s, seed %s)"
        % (m["date"], m.get("elapsed_min", "?"), m["copies"], m["queries"], m["seed"]),
        "- Machine: %s cores, %s, %s GiB RAM, Linux %s"
        % (m["nproc"], m["cpu"], m["mem_gib"], m["kernel"]),
        "- Load average (1 min) before the builds %s, before the queries %s, at the end %s"
        " (other work on the machine skews wall times; CPU times less so)"
        % (m["load_start"], m["load_queries"], m["load_end"]),
        "- Corpus: %s × bbc-news = %s files, %.1f MB of text; full build throughput %s"
        % (m["copies"], format(int(m["corpus_files"]), ","), int(m["corpus_bytes"]) / 1e6,
           ", ".join("%s %.2f MB/s" % (t, int(m["corpus_bytes"]) / 1e6
                                       / float(steps[t, "build"]["wall_s"])) for t in TOOLS)),
        "- hustings: %s (git %s)" % (m["v_hustings"], m["git"]),
        "- omindex/quest: %s; %s; Xapian library %s"
        % (m["v_omindex"], m["v_quest"], m["v_xapian"]),
        "- SQLite: CLI %s; Python %s with SQLite %s (bench/fts5_index.py)"
        % (m["v_sqlite3"], m["v_python"], m["v_pysqlite"]),
    ]
    opts_file = os.path.join(m["_scratch"], "latency.tsv.hustings-options")
    if os.path.exists(opts_file):
        lines.append("- Queries: %s, OR of 1-3 words, 10 results; `hustings-query %s`, "
                     "`quest -m 10`, `sqlite3` with `snippet()` and `bm25()`"
                     % (m["queries"], open(opts_file).read().strip()))
    bad = ["%s %s exited %s" % (t, s, r["exit"]) for (t, s), r in sorted(steps.items())
           if r["exit"] != "0"]
    if bad:
        lines.append("- Non-zero exits: " + "; ".join(bad))
    lines.append("- Results per query (mean, of 10 asked; queries with none): "
                 + "; ".join("%s %.2f, %d" % (t, queries[t]["mean_hits"], queries[t]["no_hits"])
                             for t in TOOLS))
    return "\n".join(lines)


def main():
    scratch, out_dir = sys.argv[1], sys.argv[2]
    meta, steps, sizes, queries = collect(scratch)
    meta["_scratch"] = scratch
    rows = measures(meta, steps, sizes, queries)
    crows = ceiling_rows(steps, sizes)
    tab = table(rows) + ceiling_table(crows)
    ctx = context(meta, steps, queries)
    print(tab)
    print()
    print(ctx)
    with open(os.path.join(out_dir, "results.md"), "w") as f:
        f.write("# hustings benchmark results\n\n"
                "Written by `make bench` (bench/run.sh); see bench/README.md for what each "
                "row measures. Ratios are other / hustings: above 1.0× hustings is better.\n\n")
        f.write(ctx + "\n\n" + tab + "\n")
    with open(os.path.join(out_dir, "results.json"), "w") as f:
        json.dump({
            "meta": {k: v for k, v in meta.items() if not k.startswith("_")},
            "steps": [dict(r) for r in steps.values()],
            "index_bytes": [{"tool": t, "when": w, "bytes": b} for (t, w), b in sorted(sizes.items())],
            "queries": queries,
            "table": [{"measure": label, "values": v, "target": target or None,
                       "pass": verdict} for label, v, _, target, verdict in rows],
            "ceiling": [{"measure": label, "hustings": h, "ceiling": c, "target": target or None,
                         "pass": verdict} for label, h, c, _, target, verdict in crows],
        }, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
