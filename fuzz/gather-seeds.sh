#!/bin/sh
# gather-seeds.sh OUT [SHARED] - copy starting inputs for the fuzz targets
# into OUT/text, OUT/html, OUT/feed, OUT/tokenizer and OUT/query: the sample
# articles in corpus/, the seeds and corpora in ../shared (or SHARED), the
# small feeds in fuzz/seeds/, and queries (fuzz/seeds/queries.txt and the
# evaluation's).  Large corpora are sampled: libFuzzer learns more
# from many small inputs than from a few big ones.
set -eu
out=${1:?usage: gather-seeds.sh OUT [SHARED]}
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
shared=${2:-$top/../shared}
mkdir -p "$out/text" "$out/html" "$out/feed" "$out/tokenizer" "$out/query"

# copy FILE DIR: under a name made from the file's path, so nothing clashes
copy() { cp "$1" "$2/$(printf '%s' "$1" | tr '/' '_')"; }

for f in "$top"/corpus/*.txt; do
    [ -f "$f" ] || continue
    copy "$f" "$out/text"; copy "$f" "$out/tokenizer"
done
if [ -d "$shared/seeds" ]; then
    for f in "$shared"/seeds/*; do [ -f "$f" ] && copy "$f" "$out/text"; done
fi
if [ -d "$shared/corpora/bbc-news" ]; then
    # every 40th article, the five that file(1) misreads among them
    find "$shared/corpora/bbc-news" -name '*.txt' | sort | awk 'NR % 40 == 1' |
        while read -r f; do copy "$f" "$out/text"; copy "$f" "$out/tokenizer"; done
    for f in tech/go-ahead-for-new-internet-names business/go-ahead-for-balkan-oil-pipeline \
             business/bp-surges-ahead-on-high-oil-price business/sbc-plans-post-takeover-job-cuts \
             entertainment/x-factor-show-gets-second-series; do
        [ -f "$shared/corpora/bbc-news/$f.txt" ] && copy "$shared/corpora/bbc-news/$f.txt" "$out/text"
    done
fi
if [ -d "$shared/corpora/readability-pages" ]; then
    # the pages, cut to their first 64 KiB (libFuzzer's -max_len)
    for d in "$shared"/corpora/readability-pages/*/; do
        name=$(basename "$d")
        head -c 65536 "$d/source.html" > "$out/html/$name.html"
        head -c 65536 "$d/expected.html" > "$out/html/$name-expected.html"
    done
fi
# one query per file
n=0
{ cat "$here/queries.txt"; [ -f "$shared/eval/dev-queries.tsv" ] && cut -f2 "$shared/eval/dev-queries.tsv"; } |
    while IFS= read -r q; do n=$((n + 1)); printf '%s' "$q" >"$out/query/q$n"; done
for f in "$here"/seeds/*; do
    [ -f "$f" ] || continue
    copy "$f" "$out/feed"
    case "$f" in *.html) copy "$f" "$out/html" ;; esac
done
echo "seeds in $out: $(ls "$out/text" | wc -l) text, $(ls "$out/html" | wc -l) html," \
     "$(ls "$out/feed" | wc -l) feed, $(ls "$out/tokenizer" | wc -l) tokenizer," \
     "$(ls "$out/query" | wc -l) query"
