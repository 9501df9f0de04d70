#!/usr/bin/env bash
# make bench: hustings against omindex (Xapian Omega) and SQLite FTS5 on a
# replicated bbc-news corpus -- full build, no-op re-run, query latency, peak
# RSS and index size -- one table in bench/results.md (see bench/README.md).
#
# Run from anywhere as  bash bench/run.sh ; knobs (environment):
#   BENCH_COPIES    copies of bbc-news (default 21, about 100 MB, 44,000 files)
#   BENCH_QUERIES   queries timed per tool (default 300)
#   BENCH_SEED      seed of the query sample (default 42)
#   BENCH_DIR       scratch folder, must be absent or empty (default: a new
#                   /tmp/hustings-bench.XXXXXX); removed at the end
#   BENCH_KEEP=1    keep the scratch folder (indexes, logs, raw TSVs)
#   BENCH_BUILDDIR  where hustings was built (default: the repository root)
#   BENCH_CORPUS    the corpus to replicate (default: ../shared/corpora/bbc-news
#                   beside the repository)
#   BENCH_OUT       where results.md and results.json go (default: bench/)
set -euo pipefail

BENCH_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_SRC/.." && pwd)

BENCH_COPIES=${BENCH_COPIES:-21}
BENCH_QUERIES=${BENCH_QUERIES:-300}
BENCH_SEED=${BENCH_SEED:-42}
BENCH_KEEP=${BENCH_KEEP:-0}
BENCH_BUILDDIR=${BENCH_BUILDDIR:-$REPO}
BENCH_CORPUS=${BENCH_CORPUS:-$REPO/../shared/corpora/bbc-news}
BENCH_OUT=${BENCH_OUT:-$BENCH_SRC}

# Debian's interpreter, not whatever python3 comes first on PATH (pyenv...):
# its sqlite3 module is built against Debian's libsqlite3, with FTS5.
PY=/usr/bin/python3
SCRATCH=

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 2; }

cleanup() {
    [[ -n $SCRATCH && -d $SCRATCH ]] || return 0
    if [[ $BENCH_KEEP == 1 ]]; then
        say "kept $SCRATCH"
    else
        rm -rf -- "$SCRATCH"
    fi
}
trap cleanup EXIT

check_knobs() {
    [[ $BENCH_COPIES =~ ^[1-9][0-9]*$ ]] || die "BENCH_COPIES must be a positive integer"
    [[ $BENCH_QUERIES =~ ^[1-9][0-9]*$ ]] || die "BENCH_QUERIES must be a positive integer"
    [[ $BENCH_SEED =~ ^[0-9]+$ ]] || die "BENCH_SEED must be a non-negative integer"
    [[ -d $BENCH_CORPUS ]] ||
        die "corpus not found: $BENCH_CORPUS (set BENCH_CORPUS to a copy of bbc-news)"
}

# Install the competitors (and GNU time, Debian's python3, the sqlite3 CLI)
# when one is missing.  --no-install-recommends: xapian-omega would
# otherwise pull in Apache for its CGI, which the benchmark does not use.
ensure_tools() {
    local missing=()
    command -v omindex >/dev/null || missing+=(xapian-omega)
    command -v quest >/dev/null || missing+=(xapian-tools)
    command -v xapian-compact >/dev/null || missing+=(xapian-tools)
    command -v g++ >/dev/null || missing+=(g++)
    pkg-config --exists xapian-core 2>/dev/null || missing+=(libxapian-dev pkg-config)
    command -v sqlite3 >/dev/null || missing+=(sqlite3)
    [[ -x $PY ]] || missing+=(python3)
    [[ -x /usr/bin/time ]] || missing+=(time)
    if ((${#missing[@]})); then
        local sudo=
        [[ $(id -u) == 0 ]] || sudo=sudo
        say "installing ${missing[*]} with apt-get"
        $sudo apt-get update -qq
        $sudo env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    $PY -c 'import sqlite3; sqlite3.connect(":memory:").execute(
        "CREATE VIRTUAL TABLE t USING fts5(x, tokenize=\"porter unicode61\")")' ||
        die "$PY has no sqlite3 module with FTS5"
}

make_scratch() {
    if [[ -n ${BENCH_DIR:-} ]]; then
        # Never delete a folder we did not make: it must be absent or empty.
        if [[ -e $BENCH_DIR ]] && [[ -n $(ls -A -- "$BENCH_DIR") ]]; then
            die "BENCH_DIR $BENCH_DIR is not empty"
        fi
        mkdir -p -- "$BENCH_DIR"
        SCRATCH=$(cd "$BENCH_DIR" && pwd)
    else
        SCRATCH=$(mktemp -d /tmp/hustings-bench.XXXXXX)
    fi
    mkdir -p "$SCRATCH/bin" "$SCRATCH/logs" "$SCRATCH/idx"
}

# Copy the built programs and libhustings into the scratch folder, so that a
# rebuild of the tree during the run (make, another engineer) cannot change
# what is measured halfway.  The real binaries under .libs are used, not the
# libtool wrapper scripts, so no shell start-up is timed.  The programs find
# the library through LD_PRELOAD, which satisfies their NEEDED
# libhustings.so.0 by its soname: LD_LIBRARY_PATH would instead make the
# loader try every hwcaps subfolder of it for each of their dozen libraries
# (about 120 failed open(2) per query, which an installed hustings does not
# pay).  HRUN is the prefix that runs a hustings program that way.
needs_libhustings() {
    readelf -d "$1" 2>/dev/null | grep -q 'NEEDED.*libhustings'
}

snapshot_hustings() {
    local b=$BENCH_BUILDDIR prog
    for prog in indexer/hustings-index query/hustings-query; do
        if [[ -x $b/$prog ]] && ! grep -q 'libtool' "$b/$prog"; then
            cp "$b/$prog" "$SCRATCH/bin/"             # not a libtool wrapper
        elif [[ -x $b/${prog%/*}/.libs/${prog#*/} ]]; then
            cp "$b/${prog%/*}/.libs/${prog#*/}" "$SCRATCH/bin/"
        else
            die "$b/$prog is not built: run 'make' first (or set BENCH_BUILDDIR)"
        fi
    done
    HRUN=()
    unset HUSTINGS_PRELOAD
    HINDEX=$SCRATCH/bin/hustings-index
    HQUERY=$SCRATCH/bin/hustings-query
    if [[ -e $b/.libs/libhustings.so.0 ]]; then
        cp -L "$b/.libs/libhustings.so.0" "$SCRATCH/bin/"
        # hustings-query links the library statically (Makefile.am): only
        # a program that loads libhustings.so gets it preloaded
        if needs_libhustings "$HQUERY"; then
            export HUSTINGS_PRELOAD=$SCRATCH/bin/libhustings.so.0    # for latency.py
        fi
        if needs_libhustings "$HINDEX"; then
            HRUN=(env "LD_PRELOAD=$SCRATCH/bin/libhustings.so.0")
        fi
    fi
    "${HRUN[@]}" "$HINDEX" --version >/dev/null || die "the hustings-index snapshot does not run"
}

# CORPUS/copy-NN/<topic>/<slug>.txt: real copies (not links), so each
# indexer reads BENCH_COPIES times the bytes, under distinct paths, so none
# of them can recognise a copy as an already indexed file.  Only the .txt
# files: the only files all three indexers take.
build_corpus() {
    CORPUS=$SCRATCH/corpus
    local first=$CORPUS/copy-01 i
    mkdir -p "$CORPUS"
    cp -r -- "$BENCH_CORPUS" "$first"
    find "$first" -type f ! -name '*.txt' -delete
    for ((i = 2; i <= BENCH_COPIES; i++)); do
        cp -r -- "$first" "$CORPUS/copy-$(printf %02d "$i")"
    done
    CORPUS_FILES=$(find "$CORPUS" -type f -name '*.txt' | wc -l)
    CORPUS_BYTES=$(find "$CORPUS" -type f -name '*.txt' -printf '%s\n' |
        awk '{ s += $1 } END { print s + 0 }')
    ((CORPUS_FILES > 0)) || die "no .txt files in $BENCH_CORPUS"
    # Just written, so in the page cache: every build below reads warm files.
    say "corpus: $CORPUS_FILES files, $((CORPUS_BYTES / 1000000)) MB in $CORPUS"
}

# timed TOOL STEP OK_EXITS CMD...: run CMD once, its output to a log; append
# wall seconds (bash's clock), peak RSS and CPU time (GNU time) to steps.tsv.
# OK_EXITS is a regex of acceptable exit statuses.
timed() {
    local tool=$1 step=$2 ok=$3
    shift 3
    local log=$SCRATCH/logs/$tool-$step.log tout=$SCRATCH/logs/$tool-$step.time
    local t0 t1 rc=0 rss user sys
    t0=${EPOCHREALTIME/,/.}  # "," in some locales
    /usr/bin/time -f '%M %U %S' -o "$tout" "$@" >"$log" 2>&1 || rc=$?
    t1=${EPOCHREALTIME/,/.}
    if [[ ! $rc =~ ^($ok)$ ]]; then
        tail -n 20 "$log" >&2
        die "$tool $step failed (exit $rc): $*"
    fi
    # time(1) prefixes "Command exited with non-zero status N" when rc != 0.
    read -r rss user sys < <(tail -n 1 "$tout")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$step" \
        "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')" \
        "$rss" "$user" "$sys" "$rc" >>"$SCRATCH/steps.tsv"
    say "$(printf '%-8s %-5s %8.2f s  %6d MiB  (%s)' "$tool" "$step" \
        "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" $((rss / 1024)) "$(tail -n 1 "$log")")"
}

# The three indexers, each writing its own index from the same CORPUS.
# hustings-index exits 1 when it skipped some file: counted, not fatal.
# (env(1) in HRUN execs the program: time(1) measures hustings-index itself.)
index_hustings() {
    timed hustings "$1" '0|1' "${HRUN[@]}" "$HINDEX" -d "$SCRATCH/idx/hustings" "$CORPUS"
}
# omindex re-runs skip files whose mtime is unchanged.  The MIME type is
# given by extension so that libmagic cannot misread a text file.
index_omindex() {
    timed omindex "$1" 0 omindex --db "$SCRATCH/idx/omindex" --url / \
        --mime-type txt:text/plain "$CORPUS"
}
index_fts5() { timed fts5 "$1" 0 "$PY" "$BENCH_SRC/fts5_index.py" "$SCRATCH/idx/fts5.db" "$CORPUS"; }

record_sizes() {
    local when=$1
    printf 'hustings\t%s\t%s\n' "$when" "$(du -sb "$SCRATCH/idx/hustings" | cut -f1)"
    printf 'omindex\t%s\t%s\n' "$when" "$(du -sb "$SCRATCH/idx/omindex" | cut -f1)"
    printf 'fts5\t%s\t%s\n' "$when" "$(du -sb "$SCRATCH/idx/fts5.db" | cut -f1)"
}

run_builds() {
    printf 'tool\tstep\twall_s\tmaxrss_kb\tuser_s\tsys_s\texit\n' >"$SCRATCH/steps.tsv"
    printf 'tool\twhen\tbytes\n' >"$SCRATCH/sizes.tsv"
    say "full builds"
    index_hustings build
    index_omindex build
    index_fts5 build
    record_sizes build >>"$SCRATCH/sizes.tsv"
    say "no-op re-runs (nothing changed)"
    index_hustings noop
    index_omindex noop
    index_fts5 noop
    record_sizes noop >>"$SCRATCH/sizes.tsv"
}

# The ceiling: a bare Xapian writer fed hustings' own passages (their text
# from --dump, taken untimed), two at a time and compacted (ceiling.sh), to
# say how close to Xapian's own cost hustings-index builds.
run_ceiling() {
    say "the bare-Xapian ceiling: hustings' passages into two writers, compacted"
    g++ -O2 -o "$SCRATCH/bin/ceiling" "$BENCH_SRC/ceiling.cc" \
        $(pkg-config --cflags --libs xapian-core) || die "bench/ceiling.cc does not build"
    "$HQUERY" -d "$SCRATCH/idx/hustings" --dump |
        "$PY" -c 'import json, sys
for line in sys.stdin:
    print(" ".join(json.loads(line)["text"].split()))' >"$SCRATCH/passages.txt"
    timed ceiling build 0 bash "$BENCH_SRC/ceiling.sh" "$SCRATCH/bin/ceiling" \
        "$SCRATCH/passages.txt" "$SCRATCH/idx/ceiling"
    printf 'ceiling\tbuild\t%s\n' "$(du -sb "$SCRATCH/idx/ceiling" | cut -f1)" >>"$SCRATCH/sizes.tsv"
}

run_queries() {
    # Drawn from the one original corpus: replicas change no frequency.
    "$PY" "$BENCH_SRC/make_queries.py" "$BENCH_CORPUS" "$BENCH_QUERIES" "$BENCH_SEED" \
        >"$SCRATCH/queries.txt"
    say "query latency: $BENCH_QUERIES queries x 3 tools, then again for peak RSS"
    "$PY" "$BENCH_SRC/latency.py" "$SCRATCH/queries.txt" "$SCRATCH/latency.tsv" \
        "$HQUERY" "$SCRATCH/idx/hustings" "$SCRATCH/idx/omindex" "$SCRATCH/idx/fts5.db"
}

# meta.tsv: what results.md says about the run, the machine and the tools.
write_meta() {
    local git dirty=
    git=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
    if [[ -n $(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
        dirty=" + uncommitted changes"
    fi
    {
        printf 'date\t%s\n' "$(date '+%Y-%m-%d %H:%M %Z')"
        printf 'copies\t%s\nqueries\t%s\nseed\t%s\n' "$BENCH_COPIES" "$BENCH_QUERIES" "$BENCH_SEED"
        printf 'nproc\t%s\n' "$(nproc)"
        printf 'cpu\t%s\n' "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
        printf 'mem_gib\t%s\n' "$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)"
        printf 'kernel\t%s\n' "$(uname -r)"
        printf 'corpus_files\t%s\ncorpus_bytes\t%s\n' "$CORPUS_FILES" "$CORPUS_BYTES"
        printf 'git\t%s%s\n' "$git" "$dirty"
        printf 'v_hustings\t%s\n' "$("${HRUN[@]}" "$HINDEX" --version | head -n 1)"
        printf 'v_omindex\t%s\n' "$(omindex --version | head -n 1)"
        printf 'v_quest\t%s\n' "$(quest --version | head -n 1)"
        printf 'v_xapian\t%s\n' "$(dpkg-query -W -f '${Version}' libxapian30 2>/dev/null || echo unknown)"
        printf 'v_sqlite3\t%s\n' "$(sqlite3 --version | cut -d' ' -f1)"
        printf 'v_python\t%s\n' "$("$PY" -c 'import platform; print(platform.python_version())')"
        printf 'v_pysqlite\t%s\n' "$("$PY" -c 'import sqlite3; print(sqlite3.sqlite_version)')"
    } >"$SCRATCH/meta.tsv"
}

# record_load KEY: the 1-minute load average into meta.tsv.
record_load() { printf '%s\t%s\n' "$1" "$(cut -d' ' -f1 /proc/loadavg)" >>"$SCRATCH/meta.tsv"; }

main() {
    check_knobs
    ensure_tools
    make_scratch
    snapshot_hustings
    say "scratch folder $SCRATCH"
    build_corpus
    write_meta
    record_load load_start
    run_builds
    run_ceiling
    record_load load_queries
    run_queries
    record_load load_end
    printf 'elapsed_min\t%.1f\n' "$(awk -v s="$SECONDS" 'BEGIN { print s / 60 }')" \
        >>"$SCRATCH/meta.tsv"
    mkdir -p "$BENCH_OUT"
    "$PY" "$BENCH_SRC/report.py" "$SCRATCH" "$BENCH_OUT"
    say "wrote $BENCH_OUT/results.md and $BENCH_OUT/results.json in $((SECONDS / 60)) min $((SECONDS % 60)) s"
}

main "$@"
