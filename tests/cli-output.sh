#!/bin/sh
# hustings-query's output: JSON fields, text for people, exit codes, help.
. "${top_srcdir:-.}/tests/lib.sh"

run "$INDEX" -d "$tmp/idx" "$CORPUS"
check "indexing corpus/ succeeds" test "$rc" -eq 0
n=$(ls "$CORPUS"/*.txt | wc -l)
check "the summary counts every article of corpus/" grep -q "^hustings-index: $n new, .*; $n articles, " "$tmp/err"

# JSON Lines: every field, with its type
run "$QUERY" -d "$tmp/idx" --json --limit 5 self-nomination
check "exit 0 with results" test "$rc" -eq 0
check "five JSON objects" json_true 'len(rows) == 5'
check "every field is there with its type, in order" json_true '
all(list(r) == ["type", "rank", "score", "path", "title", "date", "date_source", "source",
                "byline", "lang", "site", "passage", "paragraph", "text", "highlights", "copies",
                "suggestion"]
    and r["type"] == "result"
    and r["date_source"] == ("article" if r["date"] else None)
    and r["copies"] == 1 and r["suggestion"] is None
    and isinstance(r["rank"], int) and isinstance(r["score"], float)
    and isinstance(r["passage"], int) and isinstance(r["paragraph"], int)
    and r["path"].endswith(".txt") and r["title"] and r["text"]
    and (r["date"] is None or len(r["date"]) == 10)
    and (r["source"] is None or r["source"].startswith("https://"))
    for r in rows)'
check "ranks count from 1" json_true '[r["rank"] for r in rows] == [1, 2, 3, 4, 5]'
check "highlights are byte ranges of matched words in text" json_true '
all(r["highlights"] and all(r["text"].encode()[s:e].decode().lower().startswith("self") for s, e in r["highlights"])
    for r in rows)'

# an article without a date or a Source line gives nulls
run "$QUERY" -d "$tmp/idx" --json --limit 50 "youth voters"
check "undated articles have a null date" json_true 'any(r["date"] is None for r in rows)'
run "$QUERY" -d "$tmp/idx" --json --limit 50 maslikhat
check "articles without a Source line have a null source" json_true 'any(r["source"] is None for r in rows)'

# any form of a word matches, and weighs the same: the form typed is not
# preferred (on the dev topics that lost as often as it won)
mkdir "$tmp/forms"
printf 'Candidates\n\nThe bloc backs self-nominated people.\n' >"$tmp/forms/a.txt"
printf 'Candidates\n\nThe bloc backs self-nomination people.\n' >"$tmp/forms/b.txt"
run "$INDEX" -d "$tmp/forms.idx" "$tmp/forms"
run "$QUERY" -d "$tmp/forms.idx" --json self-nomination
check "'self-nomination' finds both forms, with one score" \
    json_true 'len(rows) == 2 and rows[0]["score"] == rows[1]["score"] and rows[0]["score"] > 0'
run "$QUERY" -d "$tmp/forms.idx" --json self-nominated
check "'self-nominated' finds both forms, with one score" \
    json_true 'len(rows) == 2 and rows[0]["score"] == rows[1]["score"] and rows[0]["score"] > 0'

# but a name spelt as typed ranks first: Browne and Brown share a stem
mkdir "$tmp/names"
printf 'Ministers\n\nThe minister Browne spoke to the voters.\n' >"$tmp/names/a.txt"
printf 'Ministers\n\nThe minister Brown spoke to the voters.\n' >"$tmp/names/b.txt"
run "$INDEX" -d "$tmp/names.idx" "$tmp/names"
run "$QUERY" -d "$tmp/names.idx" --json Browne
check "'Browne' ranks Browne above Brown" \
    json_true 'len(rows) == 2 and rows[0]["path"].endswith("/a.txt") and rows[0]["score"] > rows[1]["score"]'
run "$QUERY" -d "$tmp/names.idx" --json Brown
check "'Brown' ranks Brown above Browne" \
    json_true 'len(rows) == 2 and rows[0]["path"].endswith("/b.txt") and rows[0]["score"] > rows[1]["score"]'

# passages holding every word (in the passage or its headline) rank above
# partial matches here
run "$QUERY" -d "$tmp/idx" --json --limit 40 "deposit signatures"
check "passages with both words come before those with one" json_true '
(lambda both: both == sorted(both, reverse=True) and True in both and False in both)(
    [all(w in (r["text"] + " " + r["title"]).lower() for w in ("deposit", "signature")) for r in rows])'
# but holding a word is evidence by its rarity, not a hard line: a word in
# every article adds next to nothing, so a passage about the rare word
# outranks one that merely has both
mkdir "$tmp/cover"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    printf 'Council minutes %s\n\nThe council met on day %s and the council adjourned.\n' "$i" "$i" >"$tmp/cover/f$i.txt"
done
printf 'Agenda\n\nThe council also mentioned a quango.\n' >"$tmp/cover/a.txt"
printf 'Arms-length bodies\n\nThe quango chief said the quango review would close the quango.\n' >"$tmp/cover/b.txt"
run "$INDEX" -d "$tmp/cover.idx" "$tmp/cover"
run "$QUERY" -d "$tmp/cover.idx" --json --limit 3 "council quango"
check "a passage about the rare word outranks one with both words" \
    json_true 'rows[0]["path"].endswith("/b.txt") and rows[1]["path"].endswith("/a.txt")'

# Russian: a word finds its forms
run "$QUERY" -d "$tmp/idx" --json выборы
check "выборы finds выборах" json_true 'any("выборах" in r["text"] for r in rows)'
run "$QUERY" -d "$tmp/idx" --json самовыдвижение
check "самовыдвижение finds the Russian article" json_true 'rows and "/ru-" in rows[0]["path"]'

# text for people: plain when piped, bold when asked, never with NO_COLOR
run "$QUERY" -d "$tmp/idx" --limit 2 self-nomination
check "text output has rank and title lines" grep -q "^1\. " "$tmp/out"
check "text output names the file" grep -q "corpus/en-" "$tmp/out"
check "no escape codes when piped" sh -c "! grep -q \"$(printf '\033')\" '$tmp/out'"
run "$QUERY" -d "$tmp/idx" --json --limit 10 candidates
cp "$tmp/out" "$tmp/grouped.json"
run "$QUERY" -d "$tmp/idx" --limit 10 candidates
check "an article's passages that follow each other are grouped under its headline" "$PYTHON" -c '
import json, re, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
heads = [l for l in open(sys.argv[2]) if re.match(r"[0-9]+\. ", l)]
same = [i > 0 and (r["path"], r["title"]) == (rows[i - 1]["path"], rows[i - 1]["title"]) for i, r in enumerate(rows)]
ok = len(heads) == len(rows) == 10 and any(same) and not all(same)
for i, (r, h) in enumerate(zip(rows, heads)):
    want = "%d. same article, passage %d · score " % (i + 1, r["passage"]) if same[i] else "%d. %s\n" % (i + 1, r["title"])
    ok = ok and h.startswith(want)
sys.exit(0 if ok else 1)' "$tmp/grouped.json" "$tmp/out"
run "$QUERY" -d "$tmp/idx" --limit 2 --color=always self-nomination
check "--color=always marks matches in bold" grep -q "$(printf '\033\\[1m')[Ss]elf-nomination" "$tmp/out"
NO_COLOR=1 run "$QUERY" -d "$tmp/idx" --limit 2 --color=auto self-nomination
check "NO_COLOR keeps text plain" sh -c "! grep -q \"$(printf '\033')\" '$tmp/out'"

# exit codes: 0 found, 1 none, 2 error
run "$QUERY" -d "$tmp/idx" zzyzxqwv
check "exit 1 when nothing matches" test "$rc" -eq 1
check "and prints nothing" test ! -s "$tmp/out"
run "$QUERY" -d "$tmp/nope" election
check "exit 2 for a missing index" test "$rc" -eq 2
check "naming the index" grep -q "$tmp/nope" "$tmp/err"
run "$QUERY" -d "$tmp/idx" --limit x election
check "exit 2 for a bad option value" test "$rc" -eq 2
check "saying what was wrong" grep -q "invalid limit 'x'" "$tmp/err"
run "$QUERY" -d "$tmp/idx"
check "exit 2 without a query" test "$rc" -eq 2
run "$QUERY" --bogus
check "exit 2 for an unknown option" test "$rc" -eq 2

# options go anywhere among the words, as GNU getopt permutes them; "--"
# ends them; a word that begins with '-' goes after "--" (or inside one
# argument), and elsewhere is refused, saying how to write it
run "$QUERY" -d "$tmp/idx" --json --limit 3 --per-article 1 'candidates -party'
cp "$tmp/out" "$tmp/one-arg"
check "the query 'candidates -party' finds 3 passages" json_true 'len(rows) == 3'
run "$QUERY" -d "$tmp/idx" --json --limit 3 --per-article 1 -- candidates -party
check "after --, -word is a query word" cmp -s "$tmp/out" "$tmp/one-arg"
run "$QUERY" -d "$tmp/idx" --json --limit 3 --per-article 1 -- -party candidates
check "after --, -word is a query word even first" cmp -s "$tmp/out" "$tmp/one-arg"
run "$QUERY" -d "$tmp/idx" candidates -j -n 3 --per-article=1 -- -party
check "short and long options among and after the words are options" cmp -s "$tmp/out" "$tmp/one-arg"
run "$QUERY" -d "$tmp/idx" --json candidates -n3 --per-article 1 -- -party
check "-n3, its value attached, among the words" cmp -s "$tmp/out" "$tmp/one-arg"
run "$QUERY" -d "$tmp/idx" candidates -jn3 --per-article 1 -- -party
check "-jn3, bundled, among the words" cmp -s "$tmp/out" "$tmp/one-arg"
run "$QUERY" -d "$tmp/idx" --json --limit 3 candidates -party
check "-party after a word is refused as an option (exit 2, nothing printed)" \
    test "$rc" -eq 2 -a ! -s "$tmp/out"
check "saying how to leave out a word" test "$(cat "$tmp/err")" = "hustings-query: unknown option '-party'
hustings-query: to leave out a word, put the query after '--': hustings-query [OPTION]... -- candidates -party"
run "$QUERY" -d "$tmp/idx" --json -party candidates
check "-party first: the same, with the words to come" test "$rc" -eq 2 -a "$(cat "$tmp/err")" = "hustings-query: unknown option '-party'
hustings-query: to leave out a word, put the query after '--': hustings-query [OPTION]... -- -party ..."
# words that begin with an option's letter are not read as that option
# with a value (-d haka, -n ation) nor as flags (-h would print the help)
for word in -dhaka -nation -jobs -hustings -Vote -date:2005 -выборы -5; do
    run "$QUERY" -d "$tmp/idx" candidates "$word"
    check "'candidates $word' is refused as a word to leave out" \
        test "$rc" -eq 2 -a ! -s "$tmp/out" -a "$(head -n 1 "$tmp/err")" = "hustings-query: unknown option '$word'"
done
# what a single argument holds is the query, whatever it looks like
for words in "candidates -date:2023" "candidates -n 3" "candidates -V"; do
    run "$QUERY" -d "$tmp/idx" --json "$words"
    check "'$words' in one argument is the query" test "$rc" -eq 0 -a -s "$tmp/out" -a ! -s "$tmp/err"
done
run "$QUERY" -d "$tmp/idx" --json 'candidates -n 3'
check "'candidates -n 3' in one argument finds more than 3 passages (-n is a word)" json_true 'len(rows) == 10'
run "$QUERY" -d "$tmp/idx" --json candidates -n 3
check "candidates -n 3 as separate arguments: 3 passages" json_true 'len(rows) == 3'
run "$QUERY" -d "$tmp/idx" -n 2 --json candidates
check "a short option before the query still applies" json_true 'len(rows) == 2'
run "$QUERY" -d "$tmp/idx" --count candidates -- --json
check "after --, --json is a query word (a word left out: its stray dash is passed over)" \
    test "$rc" -eq 0 -a "$(cat "$tmp/out")" = 47 -a ! -s "$tmp/err"
run "$QUERY" -d "$tmp/idx" -n 1 candidates -- --json
check "and the output stays text" grep -q "^1\. " "$tmp/out"
run "$QUERY" -d "$tmp/idx" candidates -d
check "-d at the end wants its value" \
    test "$rc" -eq 2 -a "$(head -n 1 "$tmp/err")" = "$QUERY: option requires an argument -- 'd'"
run "$QUERY" --help
check "--help says where options go" grep -q "^Options may go before, among or after the words of QUERY; '--' ends them.$" "$tmp/out"
check "--help says -n and -j are not hustings-index's" \
    sh -c 'grep -q "hustings-index.s\$" "$1" && grep -q "^ *-n is another option, --dry-run\$" "$1" && grep -q "hustings-index.s -j is --jobs\$" "$1"' sh "$tmp/out"

# -n 0 prints no passage, but the exit status says whether any matches
run "$QUERY" -d "$tmp/idx" --facets lang turnout
facet=$(tail -n 1 "$tmp/out")
run "$QUERY" -d "$tmp/idx" -n 0 --facets lang turnout
check "-n 0 with matches exits 0" test "$rc" -eq 0
check "-n 0 prints only the facets" test "$(cat "$tmp/out")" = "$(printf '\n%s' "$facet")"
run "$QUERY" -d "$tmp/idx" -n 0 turnout
check "-n 0 without facets exits 0 and prints nothing" test "$rc" -eq 0 -a ! -s "$tmp/out"
run "$QUERY" -d "$tmp/idx" -n 0 --facets lang zzyzxqwv
check "-n 0 without matches exits 1" test "$rc" -eq 1 -a "$(cat "$tmp/out")" = "$(printf '\nlang: none')"

# text is wrapped to the terminal's width, else $COLUMNS, else 80 columns
"$QUERY" -d "$tmp/idx" --json -n 1 turnout >"$tmp/passage.json"
# Whether $tmp/out holds the passage of passage.json wrapped to $1 columns
# (greedy, under a three-space indent).
wrapped_to() {
    "$PYTHON" -c '
import json, re, sys, textwrap
text = json.load(open(sys.argv[1], encoding="utf-8"))["text"]
words = re.split("[ \t\r\n]+", text.strip(" \t\r\n"))
want = textwrap.fill(" ".join(words), width=int(sys.argv[3]), initial_indent="   ",
                     subsequent_indent="   ", break_long_words=False, break_on_hyphens=False)
out = open(sys.argv[2], encoding="utf-8").read().replace("\r\n", "\n")
sys.exit(0 if "\n" + want + "\n\n" in out else 1)' "$tmp/passage.json" "$tmp/out" "$1"
}
# Run the command with stdout on a terminal $1 columns wide, into $tmp/out.
on_terminal() {
    cols=$1
    shift
    "$PYTHON" -c '
import fcntl, os, pty, struct, subprocess, sys, termios
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, int(sys.argv[1]), 0, 0))
child = subprocess.Popen(sys.argv[3:], stdout=slave, stderr=subprocess.DEVNULL)
os.close(slave)
out = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:  # EIO: the child closed the terminal
        break
    if not chunk:
        break
    out += chunk
child.wait()
open(sys.argv[2], "wb").write(out)' "$cols" "$tmp/out" "$@"
}
run "$QUERY" -d "$tmp/idx" -n 1 turnout
check "piped: 80 columns" wrapped_to 80
COLUMNS=120 run "$QUERY" -d "$tmp/idx" -n 1 turnout
check "piped: COLUMNS=120 wraps to 120 columns" wrapped_to 120
for bad in 0 -5 abc ''; do
    COLUMNS=$bad run "$QUERY" -d "$tmp/idx" -n 1 turnout
    check "piped: COLUMNS='$bad' is ignored" wrapped_to 80
done
if "$PYTHON" -c 'import pty; pty.openpty()' 2>/dev/null; then
    COLUMNS=120 on_terminal 60 "$QUERY" -d "$tmp/idx" -n 1 --color=never turnout
    check "a terminal's width wins over COLUMNS" wrapped_to 60
    COLUMNS=120 on_terminal 0 "$QUERY" -d "$tmp/idx" -n 1 --color=never turnout
    check "a terminal of width 0: COLUMNS" wrapped_to 120
fi

# a failed write is an error, whichever output fails
if [ -w /dev/full ]; then
    for args in "--count turnout" "--dump" "turnout" "--json --limit 100 --per-article 0 candidates" \
        "--limit 0 --facets year,lang turnout" "--format tsv --facets year turnout" "--help" "--version"; do
        rc=0
        # shellcheck disable=SC2086 # the options, split
        "$QUERY" -d "$tmp/idx" $args >/dev/full 2>"$tmp/err" || rc=$?
        check "$args >/dev/full: exit 2" test "$rc" -eq 2
        check "$args >/dev/full: says why, once" \
            test "$(cat "$tmp/err")" = "hustings-query: cannot write the results: No space left on device"
    done
    for args in "--extract $CORPUS/en-01-self-nomination-returns.txt" "--stats -d $tmp/idx" \
        "-n -d $tmp/none $CORPUS" "--help"; do
        rc=0
        # shellcheck disable=SC2086 # the options, split
        "$INDEX" $args >/dev/full 2>"$tmp/err" || rc=$?
        check "hustings-index $args >/dev/full: exit 2" test "$rc" -eq 2
        check "hustings-index $args >/dev/full: says why" \
            grep -q "^hustings-index: cannot write the output: No space left on device" "$tmp/err"
    done
fi

# a closed pipe is such a failed write for hustings-index, not SIGPIPE:
# the run goes on to its end and commits, then says so and exits 2
rc=0
rc=$("$PYTHON" -c 'import subprocess, sys
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
p.stdout.readline(); p.stdout.close(); sys.exit(p.wait())' "$INDEX" -v -d "$tmp/piped2.idx" "$CORPUS") || rc=$?
check "hustings-index -v | head -n 1: exit 2, not SIGPIPE" test "$rc" -eq 2
run "$INDEX" --stats -d "$tmp/piped2.idx"
check "... and every article of corpus/ indexed" \
    grep -qx "articles    $(ls "$CORPUS"/*.txt | wc -l)" "$tmp/out"

# every long option --help lists is in the program's manual page
for name in hustings-index hustings-query hustings-serve; do
    missing=$("$top_builddir/${name#hustings-}"*/"$name" --help |
        grep -o -- '--[a-z][a-z-]*' | sort -u | while read -r opt; do
            grep -q -- "$(echo "$opt" | sed 's/-/\\\\-/g')" "$top_srcdir/doc/$name.1" ||
                echo "$opt"
        done)
    check "$name(1) documents every option of --help${missing:+ (not: $missing)}" test -z "$missing"
done

# --help and --version, GNU style, on both programs
for prog in "$INDEX" "$QUERY"; do
    name=$(basename "$prog")
    run "$prog" --help
    check "$name --help exits 0" test "$rc" -eq 0
    check "$name --help starts with Usage" grep -q "^Usage: $name " "$tmp/out"
    run "$prog" --version
    check "$name --version names the package" grep -q "^$name (hustings) [0-9]" "$tmp/out"
done

# two items of one feed with one title are two articles in the text
mkdir "$tmp/live"
cat >"$tmp/live/desk.rss" <<'RSS'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Desk</title>
<item><title>Live updates</title><link>https://example.kz/live/1</link><pubDate>Mon, 20 Feb 2023 08:00:00 +0600</pubDate><description>Turnout at noon was thirty percent in Almaty.</description></item>
<item><title>Live updates</title><link>https://example.kz/live/2</link><pubDate>Tue, 21 Feb 2023 08:00:00 +0600</pubDate><description>Turnout at noon was forty percent in Astana.</description></item>
</channel></rss>
RSS
run "$INDEX" -d "$tmp/live.idx" "$tmp/live"
run "$QUERY" -d "$tmp/live.idx" --limit 2 --color never turnout
check "each item under its own headline, with its own date" \
    sh -c "[ \$(grep -c '^[12]\. Live updates' '$tmp/out') -eq 2 ] && grep -q '2023-02-20' '$tmp/out' && grep -q '2023-02-21' '$tmp/out'"
finish
