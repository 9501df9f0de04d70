/* search.c - running a query: by relevance, the best candidates of one
 * ranked pass reordered with their articles' evidence (rank.h); or by
 * date; at most per_article passages of an article when asked (Xapian's
 * collapse on the article's tag), and one result per near-duplicate
 * cluster. */
#include "index_internal.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "exact_phrase.h"
#include "lang.h"
#include "passage_internal.h"
#include "rank.h"
#include "query.h"
#include "schema.h"
#include "spelling.h"
#include "strmap.h"
#include "synonyms.h"
#include "tally.h"
#include "utf8.h"

/* Candidates beyond the results wanted, in parts of them: Xapian applies
 * the per-article limit while matching, so only near-duplicate collapsing
 * sets candidates aside (then a further batch is read). */
#define COLLAPSE_ROOM 2
#define MAX_BATCH 10000
/* Candidates ranked with their articles' evidence (rank.h):
 * far more than a page, since an article's evidence lifts passages from
 * well below it. */
#define RANK_DEPTH 50

struct _hustings_query {
    hustings_index_t *index;
    hs_stemmer *stemmer;
    hs_parsed_query *parsed;
    char *text;                /* the query as typed, for spelling */
    unsigned limit, offset;
    hustings_sort_t sort;
    unsigned per_article;
    int collapse;
    double time_limit;         /* seconds of matching, 0 for no limit */
    int thesaurus;             /* apply the built-in thesaurus */
    hs_synonyms *synonyms;     /* a synonyms file's, to apply with it */
    int prepared;              /* both have been applied */
    hs_exact_check *exact;     /* exact phrases every match needs, or NULL */
    hx_accept accept;          /* its test of each match */
    hs_tally *tally;           /* count, facets, articles, once asked for */
    hs_warnings warnings;      /* hustings_query_get_warning's */
    int undated_counted;       /* the undated articles that its date filters
                                  leave out have been counted (warnings) */
    size_t undated_warning;    /* 1 + where that count's warning is in
                                  warnings; 0: none */
};

/* Drop the kept count and facets, and count anew the undated articles
 * left out, with their warning: the query now matches other passages. */
static void forget_tally(hustings_query_t *query)
{
    hs_tally_free(query->tally);
    query->tally = NULL;
    query->undated_counted = 0;
    if (query->undated_warning)
        hs_warnings_remove(&query->warnings, query->undated_warning - 1);
    query->undated_warning = 0;
}

/* What each match must pass beyond the Xapian query: NULL for all. */
static const hx_accept *accept_of(const hustings_query_t *query)
{
    return query->exact ? &query->accept : NULL;
}

/* st, or the exact phrase check's failure. */
static hustings_status_t checked(const hustings_query_t *query, hustings_status_t st)
{
    return st == HUSTINGS_STATUS_SUCCESS ? hs_exact_check_status(query->exact) : st;
}

hustings_status_t hustings_query_create(hustings_index_t *index, const char *query_string,
                                        hustings_query_t **query)
{
    if (!index || !query_string || !query)
        return HUSTINGS_STATUS_NULL_POINTER;
    /* bytes that are not UTF-8 become U+FFFD, as they do in the articles
     * (article.h): what they match, and what the suggestion and the error
     * messages echo, is text */
    hs_buf typed = HS_BUF_INIT;
    if (hs_utf8_sanitize(query_string, strlen(query_string), &typed) < 0) {
        hs_buf_free(&typed);
        return hs_index_fail(index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    }
    query_string = hs_buf_str(&typed);
    hustings_query_t *q = calloc(1, sizeof *q);
    hs_buf error = HS_BUF_INIT;
    if (!q || !(q->stemmer = hs_stemmer_new()) ||
        !(q->parsed = hs_query_parse(query_string, q->stemmer, &error))) {
        hustings_status_t st = error.len ? HUSTINGS_STATUS_QUERY_SYNTAX
                                         : HUSTINGS_STATUS_OUT_OF_MEMORY;
        hs_index_fail(index, st, error.len ? error.data : "out of memory");
        hs_buf_free(&error);
        hs_buf_free(&typed);
        hustings_query_destroy(q);
        return st;
    }
    hs_buf_free(&error);
    if (hs_query_note_parse(&q->warnings, q->parsed, query_string) < 0) {
        hs_buf_free(&typed);
        hustings_query_destroy(q);
        return hs_index_fail(index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    }
    q->text = hs_buf_detach(&typed);
    q->index = index;
    q->limit = 10;
    q->per_article = 0;
    q->collapse = 1;
    q->thesaurus = 1;
    *query = q;
    return HUSTINGS_STATUS_SUCCESS;
}

void hustings_query_set_limit(hustings_query_t *query, unsigned limit)
{
    if (query)
        query->limit = limit;
}

void hustings_query_set_offset(hustings_query_t *query, unsigned offset)
{
    if (query)
        query->offset = offset;
}

void hustings_query_set_sort(hustings_query_t *query, hustings_sort_t sort)
{
    if (query)
        query->sort = sort;
}

void hustings_query_set_per_article(hustings_query_t *query, unsigned n)
{
    if (query)
        query->per_article = n;
}

void hustings_query_set_collapse(hustings_query_t *query, int collapse)
{
    if (query)
        query->collapse = collapse;
}

void hustings_query_set_time_limit(hustings_query_t *query, double seconds)
{
    if (query)
        query->time_limit = seconds > 0 ? seconds : 0;
}

/* The status of narrowing the query (a date range or a filter) that
 * returned rc: 0, or -1 with the reason in error, empty when memory ran
 * out.  Frees error. */
static hustings_status_t narrowed(hustings_query_t *query, int rc, hs_buf *error)
{
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (rc < 0)
        st = hs_index_fail(query->index,
                           error->len ? HUSTINGS_STATUS_QUERY_SYNTAX
                                      : HUSTINGS_STATUS_OUT_OF_MEMORY,
                           error->len ? error->data : "out of memory");
    hs_buf_free(error);
    return st;
}

hustings_status_t hustings_query_set_date_range(hustings_query_t *query, const char *since,
                                                const char *until)
{
    if (!query)
        return HUSTINGS_STATUS_NULL_POINTER;
    hs_buf error = HS_BUF_INIT;
    forget_tally(query);
    return narrowed(query, hs_query_add_date_range(query->parsed, since, until, &error), &error);
}

hustings_status_t hustings_query_add_filter(hustings_query_t *query, hustings_filter_t filter,
                                            const char *value)
{
    static const hs_field_id field_of[] = {
        [HUSTINGS_FILTER_LANG] = HS_FIELD_LANG,
        [HUSTINGS_FILTER_SOURCE] = HS_FIELD_SOURCE,
        [HUSTINGS_FILTER_SITE] = HS_FIELD_SITE,
        [HUSTINGS_FILTER_AUTHOR] = HS_FIELD_AUTHOR,
        [HUSTINGS_FILTER_PATH] = HS_FIELD_PATH,
    };
    if (!query || !value)
        return HUSTINGS_STATUS_NULL_POINTER;
    if ((unsigned)filter >= sizeof field_of / sizeof *field_of)
        return hs_index_fail(query->index, HUSTINGS_STATUS_QUERY_SYNTAX, "unknown filter");
    hs_buf error = HS_BUF_INIT;
    forget_tally(query);
    int rc = filter == HUSTINGS_FILTER_SOURCE
                 ? hs_query_add_source_filter(query->parsed, value, &error)
                 : hs_query_add_filter(query->parsed, field_of[filter], value,
                                       filter == HUSTINGS_FILTER_SITE, &error);
    return narrowed(query, rc, &error);
}

/* What the index says of the query's words, synonyms' words included:
 * whether a lower-case word is a name, which other forms a name's stem
 * has, which other stems its forms have, and which Kazakh stems a Latin
 * word has. */
static hustings_status_t look_up_words(hustings_query_t *query)
{
    hustings_status_t st = hs_query_settle_names(query->parsed, query->index->db);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_query_add_other_forms(query->parsed, query->index->db, query->stemmer);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_query_add_variants(query->parsed, query->index->db);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_query_add_kk_readings(query->parsed, query->index->db);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_query_add_family(query->parsed, query->index->db);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_query_add_spellings(query->parsed, query->index->db, query->stemmer);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_query_add_idf(query->parsed, query->index->db);
    return st == HUSTINGS_STATUS_SUCCESS ? st : hs_index_fail_db(query->index, st);
}

/* The file is read and checked now, so that its errors show at once, and
 * applied with the thesaurus when the query first runs (prepare). */
hustings_status_t hustings_query_set_synonyms_file(hustings_query_t *query, const char *path)
{
    if (!query || !path)
        return HUSTINGS_STATUS_NULL_POINTER;
    hs_buf why = HS_BUF_INIT;
    hs_synonyms *syn = hs_synonyms_load(path, &why);
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (!syn) {
        hs_buf msg = HS_BUF_INIT;
        hs_buf_printf(&msg, "%s: %s", path, hs_buf_str(&why));
        st = hs_index_fail(query->index, HUSTINGS_STATUS_FILE_ERROR, hs_buf_str(&msg));
        hs_buf_free(&msg);
    } else if (query->prepared) { /* the query has run: apply it alone */
        forget_tally(query);
        if (hs_query_apply_synonyms(query->parsed, syn, query->stemmer) < 0)
            st = hs_index_fail(query->index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
        else
            st = look_up_words(query);
        hs_synonyms_free(syn);
    } else if (query->synonyms) { /* a second file: both apply, in one pass */
        if (hs_synonyms_add_all(query->synonyms, syn) < 0)
            st = hs_index_fail(query->index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
        hs_synonyms_free(syn);
    } else {
        query->synonyms = syn;
    }
    hs_buf_free(&why);
    return st;
}

void hustings_query_set_thesaurus(hustings_query_t *query, int use)
{
    if (query)
        query->thesaurus = use;
}

/* The built-in thesaurus (data/thesaurus.txt), parsed once per process
 * (about 0.1 ms, a few percent of a query) and then only read, by any
 * thread.  NULL when memory ran out then. */
static once_flag thesaurus_once = ONCE_FLAG_INIT;
static hs_synonyms *thesaurus;

static void parse_thesaurus(void)
{
    thesaurus = hs_synonyms_builtin();
}

/* Apply the thesaurus and the synonyms file in one pass (so that neither
 * chains into the other, nor hides a longer entry of the other) when the
 * query first runs, not when it is created, so that the thesaurus can
 * still be turned off; then look the words up in the index.  Once only,
 * even when it fails. */
static hustings_status_t prepare(hustings_query_t *query)
{
    if (query->prepared)
        return HUSTINGS_STATUS_SUCCESS;
    query->prepared = 1;
    const hs_synonyms *builtin = NULL;
    hs_synonyms *own = NULL; /* the thesaurus when the shared one failed */
    int failed = 0;
    if (query->thesaurus) {
        call_once(&thesaurus_once, parse_thesaurus);
        if (!(builtin = thesaurus))
            failed = !(builtin = own = hs_synonyms_builtin());
    }
    const hs_synonyms *apply = query->synonyms ? query->synonyms : builtin;
    if (!failed && query->synonyms && builtin)
        failed = hs_synonyms_add_all(query->synonyms, builtin) < 0;
    if (!failed && apply)
        failed = hs_query_apply_synonyms(query->parsed, apply, query->stemmer) < 0;
    hs_synonyms_free(own);
    hs_synonyms_free(query->synonyms);
    query->synonyms = NULL;
    if (failed)
        return hs_index_fail(query->index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    hustings_status_t st = look_up_words(query);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    /* with the filters that were added to it, does it search for anything? */
    if (hs_query_note_nothing_to_find(&query->warnings, query->parsed, query->text) < 0)
        return hs_index_fail(query->index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    /* after the look-ups: which exact words need reading depends on the
     * forms the index holds */
    if (hs_exact_check_new(query->parsed, query->index->db, &query->exact) < 0)
        return hs_index_fail(query->index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    query->accept.fn = hs_exact_check_keep;
    query->accept.ctx = query->exact;
    query->accept.group_prefix = HS_PREFIX_ARTICLE;
    return HUSTINGS_STATUS_SUCCESS;
}

void hustings_query_destroy(hustings_query_t *query)
{
    if (!query)
        return;
    hs_parsed_query_free(query->parsed);
    hs_tally_free(query->tally);
    hs_exact_check_free(query->exact);
    hs_synonyms_free(query->synonyms);
    hs_stemmer_free(query->stemmer);
    hs_warnings_free(&query->warnings);
    free(query->text);
    free(query);
}

/* ---- candidates ------------------------------------------------------------ */

/* A batch of candidates. */
typedef struct collector {
    hx_db *db;
    hustings_passages_t *list;
    hustings_status_t st;
    const unsigned *ranked;   /* docids already ranked (sorted), to pass
                                 over, or NULL */
    size_t n_ranked;
    size_t read;              /* matches handed over, passed over or not */
} collector;

static int compare_docids(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x > y) - (x < y);
}

static int collect_match(void *ctx, unsigned docid, double weight, const char *data, size_t len)
{
    collector *c = ctx;
    c->read++;
    if (c->ranked && bsearch(&docid, c->ranked, c->n_ranked, sizeof docid, compare_docids))
        return 0;
    c->st = hs_passage_decode(c->list, c->db, docid, weight, data, len);
    return c->st != HUSTINGS_STATUS_SUCCESS;
}

/* The search options of query for matches from..from+n-1. */
static hx_search_opts search_opts(const hustings_query_t *query, unsigned long from,
                                  unsigned long n)
{
    hx_search_opts o = { (unsigned)from, (unsigned)n, -1, 0, -1, 0, accept_of(query), -1 };
    if (query->sort != HUSTINGS_SORT_RELEVANCE) {
        o.sort_slot = HS_SLOT_DATE;
        o.descending = query->sort == HUSTINGS_SORT_DATE_DESC;
    }
    if (query->per_article) {
        o.collapse_slot = HS_SLOT_ARTICLE;
        o.collapse_max = query->per_article;
    }
    return o;
}

/* Candidates from..from+n-1 of q, in order, into c: at most per_article
 * passages of an article (Xapian collapses on the article's tag, while
 * matching). */
static hustings_status_t fetch(hustings_query_t *query, const hs_qnode *q, unsigned long from,
                               unsigned long n, collector *c)
{
    hx_search_opts o = search_opts(query, from, n);
    hustings_status_t st = checked(query, hx_db_search(query->index->db, q, &o, collect_match, c));
    return st == HUSTINGS_STATUS_SUCCESS ? c->st : st;
}

/* ---- choosing results ------------------------------------------------------ */

/* What has been shown so far, to collapse clusters (Xapian applied the
 * per-article limit already). */
typedef struct shown {
    hs_strmap *clusters;     /* cluster key -> first result's index + 1 */
    hs_strmap *passed;       /* cluster key -> article key (owned) of the
                                first of its results skipped for the
                                offset: a later page sets its copies aside
                                as the first page did */
} shown;

/* Whether candidate p may be shown: not when another article of its
 * cluster already is, or was passed over on an earlier page. */
static int admit(hustings_query_t *query, shown *s, hustings_passages_t *out,
                 const hustings_passage_t *p)
{
    if (!query->collapse || !p->cluster)
        return 1;
    size_t at = (size_t)(uintptr_t)hs_strmap_get(s->clusters, p->cluster);
    if (at)
        return strcmp(out->items[at - 1].article, p->article) == 0;
    const char *passed = hs_strmap_get(s->passed, p->cluster);
    return !passed || strcmp(passed, p->article) == 0;
}

/* Remember that p, admitted, was passed over for the offset. */
static hustings_status_t pass_over(shown *s, const hustings_passage_t *p)
{
    if (!p->cluster || hs_strmap_get(s->passed, p->cluster))
        return HUSTINGS_STATUS_SUCCESS;
    char *article = strdup(p->article);
    if (!article || hs_strmap_put(s->passed, p->cluster, article, NULL) < 0) {
        free(article);
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    return HUSTINGS_STATUS_SUCCESS;
}

static hustings_status_t copies_of(hustings_query_t *query, hustings_passage_t *p)
{
    if (!p->cluster)
        return HUSTINGS_STATUS_SUCCESS;
    hustings_status_t st =
        hs_query_term_freq(query->index->db, HS_PREFIX_CLUSTER, p->cluster, &p->copies);
    if (p->copies == 0)
        p->copies = 1;
    return st;
}

/* Move candidate p to out as the next result, with highlights. */
static hustings_status_t take(hustings_query_t *query, shown *s, hustings_passages_t *out,
                              hustings_passage_t *p)
{
    size_t len = strlen(p->text);
    if (hs_highlight(query->parsed, query->stemmer, hs_passage_stem_lang(p->lang, p->text, len),
                     p->text, len, &p->highlights, &p->n_highlights) < 0)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    hustings_status_t st = copies_of(query, p);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    hustings_passage_t *slot = hs_passages_append(out);
    if (!slot)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    *slot = *p;
    slot->rank = query->offset + (unsigned)out->n;
    memset(p, 0, sizeof *p);
    if (slot->cluster && !hs_strmap_get(s->clusters, slot->cluster) &&
        hs_strmap_put(s->clusters, slot->cluster, (void *)(uintptr_t)out->n, NULL) < 0)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    return HUSTINGS_STATUS_SUCCESS;
}

/* Go through candidates in order, skipping collapsed copies and the
 * first `*skip` admitted ones, until `*want` are taken. */
static hustings_status_t choose(hustings_query_t *query, shown *s, const collector *c,
                                hustings_passages_t *out, unsigned long *skip,
                                unsigned long *want)
{
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    hustings_passages_t *found = c->list;
    for (size_t i = 0; i < found->n && *want > 0 && st == HUSTINGS_STATUS_SUCCESS; i++) {
        if (!admit(query, s, out, &found->items[i]))
            continue;
        if (*skip > 0) {
            --*skip;
            if (query->collapse)
                st = pass_over(s, &found->items[i]);
            continue;
        }
        st = take(query, s, out, &found->items[i]);
        --*want;
    }
    return st;
}

static void free_list_items(hustings_passages_t *list)
{
    for (size_t i = 0; i < list->n; i++)
        hs_passage_free(&list->items[i]);
    free(list->items);
    memset(list, 0, sizeof *list);
}

/* "Did you mean": a respelling of the query from the index vocabulary,
 * when one of its words is rare and a much more frequent one is close to
 * it (spelling.h), however many passages the query finds: a misspelt word
 * beside a right one ("immigraton Howard") finds plenty while its own
 * word is lost.  It depends on the words and the index only, never on
 * the page asked for. */
static hustings_status_t suggest(hustings_query_t *query, hustings_passages_t *out)
{
    hs_buf better = HS_BUF_INIT;
    int rc = hs_spelling_suggest_query(query->index->db, query->text, query->stemmer, &better);
    if (rc > 0)
        out->suggestion = hs_buf_detach(&better);
    hs_buf_free(&better);
    return rc < 0 || (rc > 0 && !out->suggestion) ? HUSTINGS_STATUS_OUT_OF_MEMORY
                                                   : HUSTINGS_STATUS_SUCCESS;
}

/* Relevance: the best RANK_DEPTH candidates of q, ranked with their
 * articles' evidence (rank.h), read and chosen in that order; *from gets
 * how many were ranked, where plain batches go on when they did not
 * suffice.  The depth is the same for every page, so that pages follow
 * one order. */
static hustings_status_t choose_ranked(hustings_query_t *query, const hs_qnode *q, shown *s,
                                       hustings_passages_t *out, unsigned long *skip,
                                       unsigned long *want, unsigned long *from,
                                       unsigned **ranked, size_t *n_ranked)
{
    hx_db *db = query->index->db;
    unsigned long depth = RANK_DEPTH;
    hx_search_opts o = search_opts(query, 0, depth);
    hs_candidate *cand = NULL;
    size_t n = 0;
    hustings_status_t st = checked(query, hs_rank_candidates(db, query->parsed, q, &o, &cand, &n));
    for (size_t i = 0; i < n && *want > 0 && st == HUSTINGS_STATUS_SUCCESS; i++) {
        hustings_passages_t one;
        memset(&one, 0, sizeof one);
        collector c = { db, &one, HUSTINGS_STATUS_SUCCESS, NULL, 0, 0 };
        char *data = NULL;
        size_t len = 0;
        st = hx_db_data(db, cand[i].docid, &data, &len);
        if (st == HUSTINGS_STATUS_SUCCESS) {
            collect_match(&c, cand[i].docid, cand[i].score, data, len);
            st = c.st;
        }
        free(data);
        if (st == HUSTINGS_STATUS_SUCCESS)
            st = choose(query, s, &c, out, skip, want);
        free_list_items(&one);
    }
    /* the plain batches go on from the first match, passing over the
     * ranked ones: over several shards, Xapian's order of a later range
     * need not continue that of the first (a passage came twice, another
     * not at all) */
    *ranked = n ? malloc(n * sizeof **ranked) : NULL;
    if (n && !*ranked && st == HUSTINGS_STATUS_SUCCESS)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; *ranked && i < n; i++)
        (*ranked)[i] = cand[i].docid;
    if (*ranked)
        qsort(*ranked, n, sizeof **ranked, compare_docids);
    *n_ranked = *ranked ? n : 0;
    free(cand);
    *from = n < depth ? ULONG_MAX : 0;
    return st;
}

static hustings_status_t search_passages(hustings_query_t *query,
                                         hustings_passages_t **passages)
{
    hustings_status_t st = prepare(query);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    hustings_passages_t *out = calloc(1, sizeof *out);
    shown s = { hs_strmap_new(), hs_strmap_new() };
    st = out && s.clusters && s.passed ? HUSTINGS_STATUS_SUCCESS : HUSTINGS_STATUS_OUT_OF_MEMORY;
    unsigned long skip = query->offset, want = query->limit;
    unsigned long n = skip + want;
    if (query->collapse)
        n += n / COLLAPSE_ROOM + 1;
    /* by relevance: the ranked candidates first; by date: every match */
    int ranked = query->sort == HUSTINGS_SORT_RELEVANCE;
    hs_qnode *q = ranked ? hs_query_build_ranked(query->parsed)
                         : hs_query_build_all(query->parsed);
    if (!q)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    unsigned long from = 0, batch = n;
    unsigned *ranked_ids = NULL;
    size_t n_ranked = 0;
    for (int attempt = 0; q && ranked && st == HUSTINGS_STATUS_SUCCESS && want > 0; attempt++) {
        free(ranked_ids);
        ranked_ids = NULL;
        st = choose_ranked(query, q, &s, out, &skip, &want, &from, &ranked_ids, &n_ranked);
        if (st == HUSTINGS_STATUS_SUCCESS || st == HUSTINGS_STATUS_OUT_OF_MEMORY || attempt > 0 ||
            query->index->writable)
            break;
        /* the candidates' data is read after their search: a writer that
         * committed in between (a re-index removing one) is met, as a search
         * meets it, by starting again once on its latest commit */
        free_list_items(out);
        hs_strmap_free(s.clusters, NULL);
        hs_strmap_free(s.passed, free);
        s.clusters = hs_strmap_new();
        s.passed = hs_strmap_new();
        skip = query->offset;
        want = query->limit;
        st = s.clusters && s.passed ? hx_db_reopen(query->index->db)
                                    : HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    /* Then candidates come in batches: when collapsing sets many aside (a
     * story republished many times), the next batch is read, twice as
     * large, until enough are taken or the matches end. */
    while (q && st == HUSTINGS_STATUS_SUCCESS && want > 0 && from != ULONG_MAX) {
        hustings_passages_t found;
        memset(&found, 0, sizeof found);
        collector c = { query->index->db, &found, HUSTINGS_STATUS_SUCCESS, ranked_ids, n_ranked,
                        0 };
        st = fetch(query, q, from, batch, &c);
        if (st == HUSTINGS_STATUS_SUCCESS)
            st = choose(query, &s, &c, out, &skip, &want);
        size_t got = c.read;
        free_list_items(&found);
        if (got < batch)
            break;
        from += got;
        if (batch < MAX_BATCH)
            batch *= 2;
    }
    hs_qnode_free(q);
    free(ranked_ids);
    hs_strmap_free(s.clusters, NULL);
    hs_strmap_free(s.passed, free);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = suggest(query, out);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
            hs_index_fail(query->index, st, "out of memory");
        else
            hs_index_fail_db(query->index, st);
        hustings_passages_destroy(out);
        return st;
    }
    *passages = out;
    return st;
}

static hustings_status_t count_matches(hustings_query_t *query, unsigned long *count)
{
    hustings_status_t st = prepare(query);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    if (query->tally) { /* counted with the facets */
        *count = hs_tally_total(query->tally);
        return HUSTINGS_STATUS_SUCCESS;
    }
    hs_qnode *q = hs_query_build_all(query->parsed);
    st = q ? checked(query, hx_db_tally(query->index->db, q, accept_of(query), NULL, 0, count,
                                        NULL, NULL))
           : HUSTINGS_STATUS_OUT_OF_MEMORY;
    hs_qnode_free(q);
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        return hs_index_fail(query->index, st, "out of memory");
    return st == HUSTINGS_STATUS_SUCCESS ? st : hs_index_fail_db(query->index, st);
}

/* ---- count and facets ------------------------------------------------------ */

/* The tally of query, kept with it (tally.h); with_articles: the
 * articles counted too. */
static hustings_status_t tally_up(hustings_query_t *query, int with_articles)
{
    hs_qnode *q = hs_query_build_all(query->parsed);
    hs_tally *t = NULL;
    hustings_status_t st =
        q ? checked(query, hs_tally_new(query->index->db, q, accept_of(query), with_articles, &t))
          : HUSTINGS_STATUS_OUT_OF_MEMORY;
    hs_qnode_free(q);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        hs_tally_free(query->tally);
        query->tally = t;
    } else {
        hs_tally_free(t);
    }
    return st;
}

/* The query's tally, made when it has none, or, with_articles, none that
 * counted the articles. */
static hustings_status_t tallied(hustings_query_t *query, int with_articles)
{
    hustings_status_t st = prepare(query);
    if (st == HUSTINGS_STATUS_SUCCESS &&
        !(query->tally && (!with_articles || hs_tally_has_articles(query->tally))))
        st = tally_up(query, with_articles);
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        return hs_index_fail(query->index, st, "out of memory");
    if (st != HUSTINGS_STATUS_SUCCESS)
        return hs_index_fail_db(query->index, st);
    return HUSTINGS_STATUS_SUCCESS;
}

/* Facet's k (tally.h), tallied, into *k. */
static hustings_status_t facet_counts(hustings_query_t *query, const char *facet, int *k)
{
    *k = hs_tally_facet(facet);
    if (*k < 0) {
        hs_buf msg = HS_BUF_INIT;
        hs_buf_printf(&msg, "unknown facet '%s': year, month, source or lang", facet);
        hs_index_fail(query->index, HUSTINGS_STATUS_QUERY_SYNTAX, hs_buf_str(&msg));
        hs_buf_free(&msg);
        return HUSTINGS_STATUS_QUERY_SYNTAX;
    }
    return tallied(query, 0);
}

/* ---- warnings --------------------------------------------------------------- */

/* hx_value_count_fn: one more article (the slot is the article's tag). */
static int count_article(void *ctx, size_t slot_index, const char *value, size_t len,
                         unsigned long count)
{
    (void)slot_index;
    (void)value;
    (void)len;
    (void)count;
    ++*(unsigned long *)ctx;
    return 0;
}

/* Warn, once, of the undated articles that match the query but that its
 * date filters leave out (an archive without dates loses them all). */
static hustings_status_t count_undated_left_out(hustings_query_t *query)
{
    if (query->undated_counted)
        return HUSTINGS_STATUS_SUCCESS;
    hs_qnode *q = NULL;
    if (hs_query_build_undated_left_out(query->parsed, &q) < 0)
        return hs_index_fail(query->index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    if (!q) {
        query->undated_counted = 1;
        return HUSTINGS_STATUS_SUCCESS;
    }
    static const unsigned article_slot[] = { HS_SLOT_ARTICLE };
    unsigned long passages = 0, articles = 0;
    hustings_status_t st = checked(query, hx_db_tally(query->index->db, q, accept_of(query),
                                                      article_slot, 1, &passages, count_article,
                                                      &articles));
    hs_qnode_free(q);
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        return hs_index_fail(query->index, st, "out of memory");
    if (st != HUSTINGS_STATUS_SUCCESS)
        return hs_index_fail_db(query->index, st);
    query->undated_counted = 1;
    if (!articles)
        return HUSTINGS_STATUS_SUCCESS;
    hs_buf msg = HS_BUF_INIT;
    int rc = hs_buf_printf(&msg, "%lu undated article%s matched but %s not in the date range",
                           articles, articles == 1 ? "" : "s", articles == 1 ? "is" : "are");
    size_t before = query->warnings.n;
    if (rc == 0)
        rc = hs_warnings_add(&query->warnings, hs_buf_str(&msg));
    if (rc == 0 && query->warnings.n > before)
        query->undated_warning = query->warnings.n;
    hs_buf_free(&msg);
    return rc < 0 ? hs_index_fail(query->index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory")
                  : HUSTINGS_STATUS_SUCCESS;
}

unsigned hustings_query_count_warnings(hustings_query_t *query)
{
    return query ? (unsigned)query->warnings.n : 0;
}

const char *hustings_query_get_warning(hustings_query_t *query, unsigned i)
{
    return query && i < query->warnings.n ? query->warnings.items[i] : NULL;
}

/* The public calls: each gives its Xapian work the query's time limit,
 * and, once it has run, notes what its date filters left out. */
hustings_status_t hustings_query_search(hustings_query_t *query, hustings_passages_t **passages)
{
    if (!query || !passages)
        return HUSTINGS_STATUS_NULL_POINTER;
    hx_db_set_time_limit(query->index->db, query->time_limit);
    hustings_status_t st = search_passages(query, passages);
    if (st == HUSTINGS_STATUS_SUCCESS &&
        (st = count_undated_left_out(query)) != HUSTINGS_STATUS_SUCCESS) {
        hustings_passages_destroy(*passages);
        *passages = NULL;
    }
    hx_db_set_time_limit(query->index->db, 0);
    return st;
}

static hustings_status_t count_articles(hustings_query_t *query, unsigned long *articles)
{
    hustings_status_t st = tallied(query, 1);
    if (st == HUSTINGS_STATUS_SUCCESS)
        *articles = hs_tally_articles(query->tally);
    return st;
}

/* A count of query's (count_matches, count_articles) within its time
 * limit, with the warning of the undated articles its date filters leave
 * out; *out is set once both have succeeded. */
static hustings_status_t counted(hustings_query_t *query,
                                 hustings_status_t (*count)(hustings_query_t *, unsigned long *),
                                 unsigned long *out)
{
    hx_db_set_time_limit(query->index->db, query->time_limit);
    unsigned long n = 0;
    hustings_status_t st = count(query, &n);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = count_undated_left_out(query);
    hx_db_set_time_limit(query->index->db, 0);
    if (st == HUSTINGS_STATUS_SUCCESS)
        *out = n;
    return st;
}

hustings_status_t hustings_query_count(hustings_query_t *query, unsigned long *count)
{
    if (!query || !count)
        return HUSTINGS_STATUS_NULL_POINTER;
    return counted(query, count_matches, count);
}

hustings_status_t hustings_query_count_articles(hustings_query_t *query,
                                                unsigned long *articles)
{
    if (!query || !articles)
        return HUSTINGS_STATUS_NULL_POINTER;
    return counted(query, count_articles, articles);
}

hustings_status_t hustings_query_facets(hustings_query_t *query, const char *facet,
                                        hustings_facet_fn fn, void *context)
{
    if (!query || !facet || !fn)
        return HUSTINGS_STATUS_NULL_POINTER;
    hx_db_set_time_limit(query->index->db, query->time_limit);
    int k = -1;
    hustings_status_t st = facet_counts(query, facet, &k);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = count_undated_left_out(query);
    hx_db_set_time_limit(query->index->db, 0);
    /* the values once nothing can fail any more */
    for (size_t i = 0; st == HUSTINGS_STATUS_SUCCESS && i < hs_tally_n_values(query->tally, k); i++)
        if (fn(context, hs_tally_value(query->tally, k, i), hs_tally_count(query->tally, k, i)))
            break;
    return st;
}
