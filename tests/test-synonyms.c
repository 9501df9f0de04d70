/* test-synonyms.c - the synonyms file: format, normalisation, symmetry and
 * the messages for malformed lines. */
#include "synonyms.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "thesaurus.h"
#include "tmpdir.h"

static char *key(const char *text)
{
    hs_buf out = HS_BUF_INIT;
    CHECK_INT(hs_synonyms_normalize_key(text, strlen(text), &out), 0);
    return hs_buf_detach(&out);
}

#define CHECK_KEY(text, want)        \
    do {                             \
        char *got_ = key(text);      \
        CHECK_STR(got_, want);       \
        free(got_);                  \
    } while (0)

/* The alternatives of a key as typed, joined by " | ". */
static char *alts(const hs_synonyms *syn, const char *typed)
{
    char *k = key(typed);
    const char *const *a = (const char *const *)"";
    size_t n = hs_synonyms_lookup(syn, k, &a);
    hs_buf out = HS_BUF_INIT;
    CHECK((n == 0) == (a == NULL));
    for (size_t i = 0; i < n; i++) {
        if (i)
            hs_buf_puts(&out, " | ");
        hs_buf_puts(&out, a[i]);
    }
    free(k);
    return hs_buf_detach(&out);
}

#define CHECK_ALTS(syn, typed, want)       \
    do {                                   \
        char *got_ = alts(syn, typed);     \
        CHECK_STR(got_, want);             \
        free(got_);                        \
    } while (0)

/* Parse text, which must be a valid synonyms file: NULL (a failed check)
 * when it is not. */
static hs_synonyms *parse_valid(const char *text, size_t len)
{
    hs_buf why = HS_BUF_INIT;
    hs_synonyms *syn = hs_synonyms_parse(text, len, &why);
    CHECK(syn != NULL);
    CHECK_STR(hs_buf_str(&why), "");
    hs_buf_free(&why);
    return syn;
}

static void test_keys(void)
{
    CHECK_KEY("self-nomination", "self nomination");
    CHECK_KEY("Self Nomination", "self nomination");
    CHECK_KEY("  self \t nomination ", "self nomination");
    CHECK_KEY("SELF‐NOMINATION", "self nomination");  /* U+2010 hyphen */
    CHECK_KEY("selfnomination", "selfnomination");
    CHECK_KEY("Central Election Commission (CEC)", "central election commission cec");
    CHECK_KEY("Самовыдвижение", "самовыдвижение");
    CHECK_KEY("Ёлка", "елка");
    CHECK_KEY("ＣＥＣ", "cec");                          /* NFKC */
    CHECK_KEY("O'Brien", "o'brien");
    CHECK_KEY("", "");
    CHECK_KEY(" -- ", "");
    /* appends */
    hs_buf out = HS_BUF_INIT;
    hs_buf_puts(&out, "key: ");
    CHECK_INT(hs_synonyms_normalize_key("Self-Nomination", 15, &out), 0);
    CHECK_STR(out.data, "key: self nomination");
    hs_buf_free(&out);
}

static const char good[] =
    "\xEF\xBB\xBF# Synonyms for campaign coverage\n"
    "\n"
    "self-nomination = independent candidate, self-nominee\n"
    "   # an indented comment\n"
    "CEC = Central Election Commission   # trailing comment\r\n"
    "Самовыдвижение = самовыдвиженец, независимый кандидат\n"
    "ЦИК = Центральная избирательная комиссия\n"
    "өзін-өзі ұсыну = самовыдвижение\n"
    "poll = vote, ballot\n"
    "vote = ballot, Vote\n"
    "\t\n"
    "turnout=participation";  /* no spaces, no final newline */

static void test_parse(void)
{
    hs_buf why = HS_BUF_INIT;
    hs_synonyms *syn = parse_valid(good, sizeof good - 1);
    if (!syn)
        return;
    CHECK_ALTS(syn, "self-nomination", "independent candidate | self nominee");
    CHECK_ALTS(syn, "self nomination", "independent candidate | self nominee");
    /* symmetric, and right sides are each other's synonyms */
    CHECK_ALTS(syn, "Independent Candidate", "self nomination | self nominee");
    CHECK_ALTS(syn, "self-nominee", "self nomination | independent candidate");
    CHECK_ALTS(syn, "cec", "central election commission");
    CHECK_ALTS(syn, "central election commission", "cec");
    CHECK_ALTS(syn, "central election", "");
    CHECK_ALTS(syn, "selfnomination", "");
    /* Cyrillic, merged over lines, not transitive */
    CHECK_ALTS(syn, "самовыдвижение",
               "самовыдвиженец | независимый кандидат | өзін өзі ұсыну");
    CHECK_ALTS(syn, "Самовыдвиженец", "самовыдвижение | независимый кандидат");
    CHECK_ALTS(syn, "өзін-өзі ұсыну", "самовыдвижение");
    CHECK_ALTS(syn, "цик", "центральная избирательная комиссия");
    /* lines merge; a word is never its own synonym */
    CHECK_ALTS(syn, "vote", "poll | ballot");
    CHECK_ALTS(syn, "ballot", "poll | vote");
    CHECK_ALTS(syn, "poll", "vote | ballot");
    CHECK_ALTS(syn, "participation", "turnout");
    CHECK_ALTS(syn, "nothing", "");
    CHECK_INT(hs_synonyms_count(syn), 16);
    CHECK_INT(hs_synonyms_max_words(syn), 3);
    hs_synonyms_free(syn);

    /* an empty file, and one of comments only */
    syn = hs_synonyms_parse("", 0, &why);
    CHECK(syn != NULL);
    CHECK_INT(hs_synonyms_count(syn), 0);
    CHECK_INT(hs_synonyms_max_words(syn), 0);
    hs_synonyms_free(syn);
    syn = hs_synonyms_parse("# nothing yet\n\n", 15, &why);
    CHECK(syn != NULL && hs_synonyms_count(syn) == 0);
    hs_synonyms_free(syn);
    hs_synonyms_free(NULL);
    hs_buf_free(&why);
}

static char *error_of(const char *text, size_t len)
{
    hs_buf why = HS_BUF_INIT;
    hs_synonyms *syn = hs_synonyms_parse(text, len, &why);
    CHECK(syn == NULL);
    hs_synonyms_free(syn);
    return hs_buf_detach(&why);
}

#define CHECK_ERROR(text, want)                            \
    do {                                                   \
        char *got_ = error_of(text, sizeof(text) - 1);     \
        CHECK_STR(got_, want);                             \
        free(got_);                                        \
    } while (0)

static void test_malformed(void)
{
    CHECK_ERROR("a = b\nno equals sign here\n",
                "line 2: no '=' (the form is \"word = synonym, other synonym\")");
    CHECK_ERROR("# c\n\n = b\n", "line 3: the left side is empty");
    CHECK_ERROR("a =\n", "line 1: synonym 1 is empty");
    CHECK_ERROR("a = b,, c\n", "line 1: synonym 2 is empty");
    CHECK_ERROR("a = b, c,\n", "line 1: synonym 3 is empty");
    CHECK_ERROR("a = b = c\n", "line 1: more than one '='");
    CHECK_ERROR("a, b = c\n",
                "line 1: a ',' before '=' (the left side is one word or phrase)");
    CHECK_ERROR("a = b\n-- = c\n", "line 2: the left side \"--\" has no words");
    CHECK_ERROR("a = b, ***\n", "line 1: synonym 2 \"***\" has no words");
    CHECK_ERROR("a = b\r\nc = \xff\xfe\r\n", "line 2: not valid UTF-8");
    CHECK_ERROR("a = b\nc = d\0e\n", "line 2: not valid UTF-8");
    /* the message is appended */
    hs_buf why = HS_BUF_INIT;
    hs_buf_puts(&why, "syn.txt: ");
    CHECK(hs_synonyms_parse("x\n", 2, &why) == NULL);
    CHECK(strncmp(hs_buf_str(&why), "syn.txt: line 1: no '='", 23) == 0);
    hs_buf_free(&why);
}

/* "=>": the left side finds the right, not the other way round. */
static void test_one_way(void)
{
    static const char text[] = "election => poll, ballot\n"
                               "General Election => national poll\n"
                               "tory = conservative\n"
                               "poll => survey\n";
    hs_synonyms *syn = parse_valid(text, sizeof text - 1);
    if (syn) {
        CHECK_ALTS(syn, "election", "poll | ballot");
        CHECK_ALTS(syn, "ballot", "");
        CHECK_ALTS(syn, "poll", "survey");       /* its own line, one way too */
        CHECK_ALTS(syn, "survey", "");
        CHECK_ALTS(syn, "general election", "national poll");
        CHECK_ALTS(syn, "national poll", "");
        CHECK_ALTS(syn, "conservative", "tory");
        /* only the left sides are keys: "national poll" is no run to look up */
        CHECK_INT(hs_synonyms_count(syn), 5);
        CHECK_INT(hs_synonyms_max_words(syn), 2);
        hs_synonyms_free(syn);
    }
    CHECK_ERROR("a, b => c\n",
                "line 1: a ',' before '=>' (the left side is one word or phrase)");
    CHECK_ERROR("a => b => c\n", "line 1: more than one '='");
    CHECK_ERROR("a =>\n", "line 1: synonym 1 is empty");
    CHECK_ERROR(" => b\n", "line 1: the left side is empty");
}

/* The built-in thesaurus (data/thesaurus.txt) is a valid synonyms file,
 * the only one, and holds what its comments promise. */
static void test_thesaurus(void)
{
    const embedded_file *f = &hs_thesaurus_files[0];
    CHECK_STR(f->name, "thesaurus.txt");
    CHECK(hs_thesaurus_files[1].name == NULL);
    CHECK_INT(strlen((const char *)f->data), f->len);
    hs_synonyms *syn = parse_valid((const char *)f->data, f->len);
    if (syn) {
        CHECK_ALTS(syn, "Tory", "conservative");
        CHECK_ALTS(syn, "Lib Dems", "liberal democrats | libdems");
        CHECK_ALTS(syn, "ID cards", "identity cards");
        CHECK_ALTS(syn, "election", "poll");
        CHECK_ALTS(syn, "poll", "");              /* an opinion poll is no election */
        CHECK_ALTS(syn, "ЦИК", "центризбирком | центральная избирательная комиссия");
        CHECK_ALTS(syn, "ОСК", "орталық сайлау комиссиясы");
        CHECK_ALTS(syn, "CEC", "central election commission");
        CHECK(hs_synonyms_count(syn) > 60);
        /* hs_synonyms_builtin parses the same text */
        hs_synonyms *builtin = hs_synonyms_builtin();
        CHECK(builtin != NULL);
        if (builtin) {
            CHECK_INT(hs_synonyms_count(builtin), hs_synonyms_count(syn));
            CHECK_INT(hs_synonyms_max_words(builtin), hs_synonyms_max_words(syn));
            CHECK_ALTS(builtin, "Tory", "conservative");
            hs_synonyms_free(builtin);
        }
        hs_synonyms_free(syn);
    }
}

/* hs_synonyms_add_all: the entries of one table added to another, as if
 * its lines were the other's (so they do not chain). */
static void test_add_all(void)
{
    static const char mine[] = "vote = election\n";
    static const char other[] = "election => poll\nmembers of the european parliament = meps\n";
    hs_synonyms *a = parse_valid(mine, sizeof mine - 1);
    hs_synonyms *b = parse_valid(other, sizeof other - 1);
    if (!a || !b) {
        hs_synonyms_free(a);
        hs_synonyms_free(b);
        return;
    }
    CHECK_INT(hs_synonyms_add_all(a, b), 0);
    CHECK_ALTS(a, "vote", "election");           /* not poll: no chaining */
    CHECK_ALTS(a, "election", "vote | poll");
    CHECK_ALTS(a, "meps", "members of the european parliament");
    CHECK_INT(hs_synonyms_count(a), 4);
    CHECK_INT(hs_synonyms_max_words(a), 5);
    CHECK_ALTS(b, "election", "poll");           /* src is unchanged */
    hs_synonyms_free(a);
    hs_synonyms_free(b);
}

static void test_load(void)
{
    char *tmp = tmpdir_make();
    char *path = tmpdir_write(tmp, "synonyms.txt", good, sizeof good - 1);
    hs_buf why = HS_BUF_INIT;
    hs_synonyms *syn = hs_synonyms_load(path, &why);
    CHECK(syn != NULL);
    if (syn) {
        CHECK_ALTS(syn, "self-nomination", "independent candidate | self nominee");
        hs_synonyms_free(syn);
    }
    free(path);

    static const char bad[] = "# header\nself-nomination = independent candidate\n"
                              "oops\n";
    path = tmpdir_write(tmp, "bad.txt", bad, sizeof bad - 1);
    CHECK(hs_synonyms_load(path, &why) == NULL);
    CHECK(strncmp(hs_buf_str(&why), "line 3: no '='", 14) == 0);
    free(path);

    hs_buf_reset(&why);
    char missing[4096];
    snprintf(missing, sizeof missing, "%s/missing.txt", tmp);
    CHECK(hs_synonyms_load(missing, &why) == NULL);
    CHECK_STR(hs_buf_str(&why), "No such file or directory");
    hs_buf_reset(&why);
    CHECK(hs_synonyms_load(tmp, &why) == NULL);
    CHECK(why.len > 0);
    hs_buf_free(&why);
    tmpdir_remove(tmp);
}

int main(void)
{
    test_keys();
    test_parse();
    test_malformed();
    test_one_way();
    test_thesaurus();
    test_add_all();
    test_load();
    return check_done();
}
