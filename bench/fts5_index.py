#!/usr/bin/python3
"""A minimal SQLite FTS5 indexer, the baseline a user might write instead.

Usage: fts5_index.py DB DIR...

Walks each DIR in name order and indexes every *.txt file, one FTS5 row per
paragraph (blocks split at blank lines), tokenizer 'porter unicode61'.

Re-runs are incremental, as omindex's are: the table `files` keeps each
file's size and mtime (ns); a file whose size and mtime are unchanged is
skipped without being opened, a changed file has its rows replaced, and
files that disappeared have their rows deleted.  A no-op re-run therefore
costs one walk, one stat per file and one read of `files`.

Everything happens in one transaction, with SQLite's defaults otherwise
(rollback journal, so the database is one file and readers need no -shm).
Each file's rows have rowids  file_id << 20 | paragraph,  so replacing or
deleting a file is a rowid range delete, which FTS5 does without a scan.
Prints a one-line summary on stderr.
"""
import os
import re
import sqlite3
import sys
import time

PARA_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n")
SHIFT = 20  # up to a million paragraphs per file

SCHEMA = """
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS p USING fts5(
    body, path UNINDEXED, para UNINDEXED, tokenize = 'porter unicode61');
"""


def walk(dirs):
    for top in dirs:
        for root, subdirs, names in os.walk(top):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
            for name in sorted(names):
                if name.endswith(".txt") and not name.startswith("."):
                    yield os.path.abspath(os.path.join(root, name))


def delete_rows(db, file_id):
    db.execute("DELETE FROM p WHERE rowid BETWEEN ? AND ?",
               (file_id << SHIFT, ((file_id + 1) << SHIFT) - 1))


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: fts5_index.py DB DIR...")
    start = time.monotonic()
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.executescript(SCHEMA)
    known = {path: (fid, size, mtime)
             for fid, path, size, mtime in db.execute(
                 "SELECT id, path, size, mtime_ns FROM files")}
    next_id = 1 + max((v[0] for v in known.values()), default=0)
    seen = set()
    added = updated = unchanged = rows = 0
    db.execute("BEGIN")
    for path in walk(sys.argv[2:]):
        seen.add(path)
        st = os.stat(path)
        old = known.get(path)
        if old and old[1] == st.st_size and old[2] == st.st_mtime_ns:
            unchanged += 1
            continue
        if old:
            fid = old[0]
            delete_rows(db, fid)
            db.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE id = ?",
                       (st.st_size, st.st_mtime_ns, fid))
            updated += 1
        else:
            fid = next_id
            next_id += 1
            db.execute("INSERT INTO files VALUES (?, ?, ?, ?)",
                       (fid, path, st.st_size, st.st_mtime_ns))
            added += 1
        with open(path, encoding="utf-8", errors="replace") as f:
            paras = [b.strip() for b in PARA_SPLIT.split(f.read())]
        batch = [((fid << SHIFT) | i, text, path, i)
                 for i, text in enumerate(paras) if text]
        db.executemany("INSERT INTO p(rowid, body, path, para) VALUES (?, ?, ?, ?)", batch)
        rows += len(batch)
    deleted = 0
    for path in known.keys() - seen:
        delete_rows(db, known[path][0])
        db.execute("DELETE FROM files WHERE id = ?", (known[path][0],))
        deleted += 1
    db.execute("COMMIT")
    db.close()
    print("fts5_index: %d added, %d updated, %d unchanged, %d deleted files, "
          "%d paragraphs, %.2f s -> %s" % (added, updated, unchanged, deleted, rows,
                                           time.monotonic() - start, sys.argv[1]),
          file=sys.stderr)


if __name__ == "__main__":
    main()
