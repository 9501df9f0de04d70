#!/usr/bin/env bash
# eval/run.sh - relevance of hustings on the shared dev set, beside its two
# baselines: what `make eval` runs (see eval/README.md).
#
#   eval/run.sh [--unjudged]
#
# Indexes ../shared/corpora/bbc-news and ../shared/seeds into a temporary
# index, scores hustings-query with ../shared/eval/score.py, scores SQLite
# FTS5 and Xapian's BM25 on the same paragraphs, and prints nDCG@10, P@5 and
# MRR side by side, per query and on average, hustings' ten worst topics, and
# whether hustings closes half of the better baseline's distance to 1.
#
# Environment: top_srcdir and top_builddir (default: the folder above this
# script), HUSTINGS_SHARED (default: ../shared beside the source tree),
# HUSTINGS_EVAL_ARGS (extra hustings-query options, for experiments).
set -euo pipefail

# the share of the better baseline's distance to a perfect ranking that
# hustings must close
TARGET=0.5

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top_srcdir=${top_srcdir:-$(dirname "$here")}
top_builddir=${top_builddir:-$top_srcdir}
shared=${HUSTINGS_SHARED:-$(cd "$top_srcdir/.." && pwd)/shared}
index_prog=$top_builddir/indexer/hustings-index
query_prog=$top_builddir/query/hustings-query
python=/usr/bin/python3
unjudged=
case "${1:-}" in
    --unjudged) unjudged=--unjudged ;;
    "") ;;
    *) echo "usage: eval/run.sh [--unjudged]" >&2; exit 2 ;;
esac

say() { printf 'eval: %s\n' "$*" >&2; }

# 1. The Xapian baseline needs Debian's Python bindings.
if ! "$python" -c 'import xapian' 2>/dev/null; then
    say "installing python3-xapian for the Xapian baseline"
    sudo=
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends python3-xapian >/dev/null
    "$python" -c 'import xapian'
fi

for f in "$index_prog" "$query_prog"; do
    [ -x "$f" ] || { say "$f is missing: run make first"; exit 2; }
done
for d in "$shared/corpora/bbc-news" "$shared/seeds" "$shared/eval/score.py"; do
    [ -e "$d" ] || { say "$d is missing (set HUSTINGS_SHARED)"; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hustings-eval.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# 2. One index of both folders; their names must stay bbc-news and seeds,
# since the judgments' keys start with them.
say "indexing bbc-news and seeds"
start=$(date +%s)
"$index_prog" -q -d "$tmp/idx" "$shared/corpora/bbc-news" "$shared/seeds"
say "indexed in $(( $(date +%s) - start )) s"

# 3. The three runs, on the same queries and judgments.
score() {
    "$python" "$shared/eval/score.py" \
        --queries "$shared/eval/dev-queries.tsv" --qrels "$shared/eval/dev-qrels.tsv" \
        --corpus "$shared/corpora/bbc-news" "$shared/seeds" "$@"
}
printf -v cmd '%q -d %q --json --limit 10 %s {query}' \
    "$query_prog" "$tmp/idx" "${HUSTINGS_EVAL_ARGS:-}"
say "scoring hustings"
score --cmd "$cmd" $unjudged >"$tmp/hustings.txt"
say "scoring the FTS5 baseline"
score --baseline fts5 >"$tmp/fts5.txt"
say "scoring the Xapian baseline"
score --baseline xapian >"$tmp/xapian.txt"

if [ -n "$unjudged" ]; then
    grep '^UNJUDGED' "$tmp/hustings.txt" || true
    echo
fi

# 4. Side by side.
"$python" - "$TARGET" "$tmp/hustings.txt" "$tmp/fts5.txt" "$tmp/xapian.txt" <<'PY'
import re, sys

target = float(sys.argv[1])
names = ["hustings", "fts5", "xapian"]

def parse(path):
    per_query, mean, queries = {}, None, {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("mean "):
            mean = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
            continue
        m = re.match(r"(\S+)\tndcg10=([\d.]+)\tp5=([\d.]+)\trr=([\d.]+)\t(.*)", line.rstrip("\n"))
        if m:
            per_query[m[1]] = tuple(float(x) for x in m.group(2, 3, 4))
            queries[m[1]] = m[5]
    if mean is None:
        sys.exit(f"eval: no mean in {path}: did score.py fail?")
    return per_query, mean, queries

runs = [parse(p) for p in sys.argv[2:5]]
qids = list(runs[0][0])
queries = runs[0][2]

head = f"{'':4} {'query':<40}" + "".join(f" | {n:^19}" for n in names)
sub = f"{'':4} {'':<40}" + " | nDCG@10  P@5   MRR " * 3
print(head)
print(sub)
print("-" * len(sub))
for q in qids:
    cells = []
    for per_query, _, _ in runs:
        n, p, r = per_query.get(q, (0.0, 0.0, 0.0))
        cells.append(f" | {n:7.3f} {p:5.2f} {r:5.2f}")
    print(f"{q:4} {queries[q][:40]:<40}" + "".join(cells))
print("-" * len(sub))
means = [mean for _, mean, _ in runs]
print(f"{'mean':4} {len(qids):>2} queries{'':30}" +
      "".join(f" | {m['ndcg10']:7.3f} {m['p5']:5.2f} {m['mrr']:5.2f}" for m in means))

best_name, best = max(zip(names[1:], means[1:]), key=lambda x: x[1]["ndcg10"])
ratio = means[0]["ndcg10"] / best["ndcg10"] if best["ndcg10"] else float("inf")
# the goal: halve the better baseline's distance to a perfect ranking
goal = best["ndcg10"] + target * (1 - best["ndcg10"])
verdict = "meets" if round(means[0]["ndcg10"], 3) >= round(goal, 3) else "misses"
print()
print("the 10 worst topics for hustings:")
for q in sorted(qids, key=lambda q: runs[0][0][q][0])[:10]:
    print(f"  {q:4} {runs[0][0][q][0]:.3f}  {queries[q]}")
print()
print(f"hustings nDCG@10 {means[0]['ndcg10']:.3f} = {ratio:.2f}x {best_name}'s {best['ndcg10']:.3f}; "
      f"goal {goal:.3f} (half of {best_name}'s distance to 1): {verdict} it")
PY
