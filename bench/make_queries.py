#!/usr/bin/python3
"""Draw benchmark queries from the vocabulary of a corpus, deterministically.

Usage: make_queries.py CORPUS_DIR COUNT SEED > queries.txt

Words are lower-cased ASCII runs of 3+ letters, not next to other letters,
digits or apostrophes (so every tool tokenizes them the same way and no
query needs escaping for any query syntax).  A word is of
"medium frequency" when it occurs in 1%-10% of the files: rare words make
trivial queries, very common ones are stopwords that some tools drop.  Each
query has 1, 2 or 3 distinct such words, chosen with random.Random(SEED) from
the sorted vocabulary, so the same corpus and seed always give the same list.
"""
import os
import random
import re
import sys

# Whole words only: not "driscoll" out of "O'Driscoll" nor "caf" out of
# "café", which the tools tokenize differently (FTS5 splits at the
# apostrophe, Xapian does not).
WORD = re.compile(r"(?<![\w'’])[a-z]{3,}(?![\w'’])")


def document_frequencies(corpus):
    df = {}
    files = 0
    for root, dirs, names in os.walk(corpus):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(".txt"):
                continue
            files += 1
            with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                for w in set(WORD.findall(f.read().lower())):
                    df[w] = df.get(w, 0) + 1
    return df, files


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[2])
    corpus, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    df, files = document_frequencies(corpus)
    lo, hi = max(2, files // 100), max(3, files // 10)
    vocab = sorted(w for w, n in df.items() if lo <= n <= hi)
    if len(vocab) < 3:
        sys.exit("make_queries: vocabulary too small in %s" % corpus)
    rng = random.Random(seed)
    for _ in range(count):
        print(" ".join(rng.sample(vocab, rng.randint(1, 3))))
    print("make_queries: %d files, %d medium-frequency words (df %d-%d), %d queries"
          % (files, len(vocab), lo, hi, count), file=sys.stderr)


if __name__ == "__main__":
    main()
