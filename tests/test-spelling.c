/* test-spelling.c - "did you mean" on real indexes of corpus/ and of the
 * politics articles of ../shared/corpora/bbc-news. */
#include "spelling.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "hustings.h"
#include "tmpdir.h"
#include "tokenizer.h"

/* Index the folder `src` into tmp/name with the public API and open the
 * result as a Xapian database. */
static hx_db *build(const char *tmp, const char *name, const char *src)
{
    char path[4096];
    hustings_index_t *idx = NULL;
    hustings_indexer_t *ix = NULL;
    hx_db *db = NULL;
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    if (hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_WRITE, &idx, NULL) ||
        hustings_indexer_create(idx, &ix) ||
        hustings_indexer_run(ix, &src, 1, NULL)) {
        fprintf(stderr, "cannot index %s into %s\n", src, path);
        exit(99);
    }
    hustings_indexer_destroy(ix);
    hustings_index_close(idx);
    if (hx_db_open(path, 0, &db, NULL) != HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(99);
    }
    return db;
}

/* The suggestion for a word as typed (normalised first), or "" for none. */
static char *suggest(hx_db *db, const char *typed)
{
    hs_buf norm = HS_BUF_INIT, out = HS_BUF_INIT;
    CHECK_INT(hs_normalize_word(typed, strlen(typed), &norm), 0);
    int rc = hs_spelling_suggest(db, hs_buf_str(&norm), &out);
    CHECK(rc == 0 || rc == 1);
    CHECK_INT(rc == 1, out.len > 0);
    hs_buf_free(&norm);
    return hs_buf_detach(&out);
}

#define CHECK_SUGGEST(db, typed, want)       \
    do {                                     \
        char *got_ = suggest(db, typed);     \
        CHECK_STR(got_, want);               \
        free(got_);                          \
    } while (0)

/* The corrected query, or "" when nothing changed. */
static char *suggest_query(hx_db *db, hs_stemmer *st, const char *q)
{
    hs_buf out = HS_BUF_INIT;
    int rc = hs_spelling_suggest_query(db, q, st, &out);
    CHECK(rc == 0 || rc == 1);
    CHECK_INT(rc == 1, out.len > 0);
    return hs_buf_detach(&out);
}

#define CHECK_QUERY(db, st, q, want)               \
    do {                                           \
        char *got_ = suggest_query(db, st, q);     \
        CHECK_STR(got_, want);                     \
        free(got_);                                \
    } while (0)

static void test_words(hx_db *db)
{
    CHECK_SUGGEST(db, "electoin", "election");      /* transposition */
    CHECK_SUGGEST(db, "candidats", "candidates");   /* ties: the more frequent */
    CHECK_SUGGEST(db, "nominaton", "nomination");
    CHECK_SUGGEST(db, "Мажлис", "мажилис");         /* code points, not bytes */
    CHECK_SUGGEST(db, "мәжілсті", "мәжілісті");    /* Kazakh letters */
    CHECK_SUGGEST(db, "ыажилис", "мажилис");        /* wrong first letter */
    CHECK_SUGGEST(db, "ңәжіліс", "мәжіліс");
    CHECK_SUGGEST(db, "lection", "election");       /* missing first letter */
    CHECK_SUGGEST(db, "xelection", "election");     /* extra first letter */
    CHECK_SUGGEST(db, "lelction", "election");      /* first two swapped */
    /* words of the index are not corrected to rarer or equal ones */
    CHECK_SUGGEST(db, "election", "");
    CHECK_SUGGEST(db, "candidates", "");
    /* nothing near; too short; numbers */
    CHECK_SUGGEST(db, "qqqqzzzz", "");
    CHECK_SUGGEST(db, "xq", "");
    CHECK_SUGGEST(db, "2024", "");
    CHECK_SUGGEST(db, "202e", "");
    /* short words allow one edit only */
    CHECK_SUGGEST(db, "vxte", "vote");
    CHECK_SUGGEST(db, "vxxe", "");
    /* not a normalised word */
    CHECK_SUGGEST(db, "", "");
    hs_buf out = HS_BUF_INIT;
    CHECK_INT(hs_spelling_suggest(db, "Election", &out), 0);
    CHECK_INT(hs_spelling_suggest(db, "\xff\xfe\xfd", &out), 0);
    char longer[300];
    memset(longer, 'e', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    CHECK_INT(hs_spelling_suggest(db, longer, &out), 0);
    CHECK_INT(out.len, 0);
    /* the suggestion is appended */
    hs_buf_puts(&out, "did you mean ");
    CHECK_INT(hs_spelling_suggest(db, "electoin", &out), 1);
    CHECK_STR(out.data, "did you mean election");
    hs_buf_free(&out);
}

static void test_queries(hx_db *db, hs_stemmer *st)
{
    CHECK_QUERY(db, st, "electoin", "election");
    CHECK_QUERY(db, st, "Electoin  results", "Election  results");
    CHECK_QUERY(db, st, "ELECTOIN", "ELECTION");
    CHECK_QUERY(db, st, "Мажлис", "Мажилис");
    CHECK_QUERY(db, st, "self-nominaton", "self-nomination");
    CHECK_QUERY(db, st, "candidats for the Mazhilis", "candidates for the Mazhilis");
    /* what exists is kept: words, other forms of them (stems), headline
     * words, compounds written together */
    CHECK_QUERY(db, st, "election", "");
    CHECK_QUERY(db, st, "elections nominated", "");
    CHECK_QUERY(db, st, "выбором", "");             /* Russian stem выбор */
    CHECK_QUERY(db, st, "self-nomination", "");
    CHECK_QUERY(db, st, "qqqqzzzz", "");
    CHECK_QUERY(db, st, "", "");
    /* syntax is kept as typed */
    CHECK_QUERY(db, st, "\"electoin day\" -deposit", "\"election day\" -deposit");
    CHECK_QUERY(db, st, "\"electoin day", "\"election day");
    CHECK_QUERY(db, st, "(electoin OR candidats) AND NOT deposit",
                "(election OR candidates) AND NOT deposit");
    CHECK_QUERY(db, st, "electoin NEAR/3 candidats", "election NEAR/3 candidates");
    CHECK_QUERY(db, st, "title:electoin date:2023-01..2023-03",
                "title:election date:2023-01..2023-03");
    CHECK_QUERY(db, st, "title:\"electoin day\"", "title:\"election day\"");
    /* '=' asks for the words exactly as typed, which may quote a
     * misspelling: they are never corrected, rare or absent */
    CHECK_QUERY(db, st, "=electoin", "");
    CHECK_QUERY(db, st, "=\"electoin\"", "");
    CHECK_QUERY(db, st, "=\"electoin day\" candidats", "=\"electoin day\" candidates");
    CHECK_QUERY(db, st, "=nominated", "");
    /* a field the language does not have keeps its name (the query warns
     * of it); its value is checked as words are */
    CHECK_QUERY(db, st, "titel:observers", "");
    CHECK_QUERY(db, st, "titel:electoin", "titel:election");
    CHECK_QUERY(db, st, "Titel:\"electoin day\"", "Titel:\"election day\"");
    /* ... and what is not a word to check is left alone */
    CHECK_QUERY(db, st, "electoin -candidats", "election -candidats");
    CHECK_QUERY(db, st, "electoin NOT candidats", "election NOT candidats");
    CHECK_QUERY(db, st, "electoin -\"candidats list\"", "election -\"candidats list\"");
    CHECK_QUERY(db, st, "electoin source:electoin author:\"Jon Smiht\"",
                "election source:electoin author:\"Jon Smiht\"");
    CHECK_QUERY(db, st, "electoin* candidats", "electoin* candidates");
    CHECK_QUERY(db, st, "lang:kk path:electoin", "");
    /* fields in any case, as the parser reads them (the rewriter used to
     * take "Title:" for a word and respell it) */
    CHECK_QUERY(db, st, "Title:electoin", "Title:election");
    CHECK_QUERY(db, st, "Source:electoin candidats", "Source:electoin candidates");
    /* typographic quotes are a phrase's, and are kept */
    CHECK_QUERY(db, st, "\u201Celectoin day\u201D -\u00ABcandidats\u00BB",
                "\u201Celection day\u201D -\u00ABcandidats\u00BB");
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void test_bbc(hx_db *db, hs_stemmer *st)
{
    CHECK_SUGGEST(db, "goverment", "government");
    CHECK_SUGGEST(db, "parliment", "parliament");
    CHECK_SUGGEST(db, "consevative", "conservative");
    CHECK_SUGGEST(db, "bleir", "blair");           /* nearest before frequent */
    /* "blair" and "general" are their own stems, so they have no exact
     * term: a stem is a candidate once the text writes it as a word, and
     * "immigr", the stem of "immigration" one edit away, is not one */
    CHECK_SUGGEST(db, "generel", "general");
    CHECK_SUGGEST(db, "immigrr", "");
    CHECK_SUGGEST(db, "immigartion", "immigration");
    CHECK_SUGGEST(db, "kilroy", "");
    CHECK_SUGGEST(db, "mrs", "");                  /* not rare: meant */
    /* a rare name the index holds is meant, whatever is near it and more
     * frequent (hs_spelling_suggest, which knows no names, would
     * "correct" it); an absent one may be a misspelling */
    CHECK_SUGGEST(db, "annan", "annual");
    CHECK_QUERY(db, st, "Annan", "");
    CHECK_QUERY(db, st, "annan", "");
    CHECK_QUERY(db, st, "Arafat peace", "");
    CHECK_QUERY(db, st, "Allawi", "");
    CHECK_QUERY(db, st, "Bercow", "Borrow");
    /* an acronym typed in capitals is meant, held or not (bbc-news has
     * no MRSA); typed in lower case it is a word like others */
    CHECK_QUERY(db, st, "hospital superbugs MRSA", "");
    CHECK_QUERY(db, st, "OSCE", "");
    CHECK_QUERY(db, st, "hospital superbugs mrsa", "hospital superbugs mrs");
    CHECK_QUERY(db, st, "GOVERMENT", "GOVERNMENT");
    /* among candidates as many edits away, the likelier mistake */
    CHECK_SUGGEST(db, "yong", "young");            /* left out, not "long" */
    CHECK_SUGGEST(db, "postel", "postal");         /* a vowel, not "poster" */
    CHECK_QUERY(db, st, "Tony Bleir immigartion polcy", "Tony Blair immigration policy");
    CHECK_QUERY(db, st, "postal voting fraud", "");
    CHECK_QUERY(db, st, "Mrs Thatcher", "");

    /* fast enough to run after every query that finds little (the bound is
     * loose for sanitizer builds; without them a query takes a few ms) */
    const char *typos[] = { "electoin", "candidats", "secretery", "lection",
                            "xlection", "consevative", "qqqqzzzz", "manifestoe" };
    size_t n = sizeof typos / sizeof *typos;
    double start = now();
    for (size_t i = 0; i < n; i++)
        free(suggest(db, typos[i]));
    double per_word = (now() - start) / (double)n;
    printf("bbc-news/politics: %.2f ms per word\n", per_word * 1000);
    CHECK(per_word < 0.5);
}

int main(void)
{
    const char *top = getenv("top_srcdir");
    char corpus[4096];
    snprintf(corpus, sizeof corpus, "%s/corpus", top && *top ? top : ".");
    char *tmp = tmpdir_make();
    hs_stemmer *st = hs_stemmer_new();
    if (!st)
        return 99;

    hx_db *db = build(tmp, "corpus.idx", corpus);
    test_words(db);
    test_queries(db, st);
    hx_db_free(db);

    const char *shared = check_shared_dir();
    if (shared) {
        char bbc[4096];
        snprintf(bbc, sizeof bbc, "%s/corpora/bbc-news/politics", shared);
        db = build(tmp, "bbc.idx", bbc);
        test_bbc(db, st);
        hx_db_free(db);
    }
    hs_stemmer_free(st);
    tmpdir_remove(tmp);
    return check_done();
}
