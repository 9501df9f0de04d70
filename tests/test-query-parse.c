/* test-query-parse.c - query strings to trees, and trees to the Xapian
 * query of each tier. */
#include "query.h"

#include <stdlib.h>

#include "check.h"
#include "stopwords.h"

static hs_stemmer *st;

/* Give the words of pq's positive groups the idf 1, 2, 3... in order. */
static int set_idf(hs_qgroup *g, hs_qword *w, void *ctx)
{
    double *next = ctx;
    if (!g->excluded)
        w->idf = (*next)++;
    return 0;
}

/* The description of tier t's query, or with t = -1 of the ranked one
 * (its words' idf 1, 2, 3...). */
static char *tier(const char *q, int t)
{
    hs_parsed_query *pq = hs_query_parse(q, st, NULL);
    if (!pq)
        return strdup("(parse failed)");
    double next = 1;
    hs_query_each_word(pq, set_idf, &next);
    hs_qnode *n = t < 0 ? hs_query_build_ranked(pq) : hs_query_build_tier(pq, t);
    char *d = hs_qnode_describe(n);
    hs_qnode_free(n);
    hs_parsed_query_free(pq);
    return d;
}

#define CHECK_TIER(q, t, want)          \
    do {                                \
        char *got_ = tier(q, t);        \
        CHECK_STR(got_, want);          \
        free(got_);                     \
    } while (0)

/* The parse error of q ("" when it parses). */
static char *error_of(const char *q)
{
    hs_buf err = HS_BUF_INIT;
    hs_parsed_query *pq = hs_query_parse(q, st, &err);
    hs_parsed_query_free(pq);
    if (pq)
        hs_buf_reset(&err);
    return hs_buf_detach(&err);
}

/* The parse error of "NOT NOT ... rise" with n NOTs. */
static char *error_of_nots(int n)
{
    hs_buf q = HS_BUF_INIT;
    for (int i = 0; i < n; i++)
        hs_buf_puts(&q, "NOT ");
    hs_buf_puts(&q, "rise");
    char *err = error_of(hs_buf_str(&q));
    hs_buf_free(&q);
    return err;
}

#define CHECK_ERROR(q, want)            \
    do {                                \
        char *got_ = error_of(q);       \
        CHECK_STR(got_, want);          \
        free(got_);                     \
    } while (0)

/* The respellings of word by every rule, space-separated. */
static char *respellings(const char *word)
{
    hs_buf all = HS_BUF_INIT;
    char out[128];
    for (size_t i = 0; i < hs_respell_rules(); i++)
        if (hs_respell_english(word, i, out, sizeof out))
            hs_buf_printf(&all, "%s%s", all.len ? " " : "", out);
    return all.len ? hs_buf_detach(&all) : strdup("");
}

#define CHECK_RESPELL(word, want)           \
    do {                                    \
        char *got_ = respellings(word);     \
        CHECK_STR(got_, want);              \
        free(got_);                         \
    } while (0)

int main(void)
{
    st = hs_stemmer_new();
    hs_parsed_query *pq;

    /* words, a quoted phrase, an excluded word */
    pq = hs_query_parse("Postal \"general election\" -Blair", st, NULL);
    CHECK_INT(pq->root->kind, HS_QK_DEFAULT);
    CHECK_INT(pq->root->n_kids, 3);
    CHECK_INT(pq->n_groups, 2); /* the excluded one is not highlighted */
    CHECK_STR(pq->groups[0]->words[0].exact, "postal");
    CHECK_INT(pq->groups[1]->n_words, 2);
    CHECK_STR(pq->groups[1]->words[1].exact, "election");
    CHECK_STR(pq->groups[1]->words[1].stem, "elect");
    CHECK(pq->groups[1]->joined.exact == NULL);
    CHECK_INT(pq->root->kids[2]->excluded, 1);
    CHECK_STR(pq->root->kids[2]->group.words[0].exact, "blair");
    hs_parsed_query_free(pq);

    /* a compound is a phrase that also offers its joined form */
    pq = hs_query_parse("self-nomination", st, NULL);
    CHECK_INT(pq->root->kind, HS_QK_GROUP);
    CHECK_INT(pq->groups[0]->n_words, 2);
    CHECK_STR(pq->groups[0]->joined.exact, "selfnomination");
    CHECK_STR(pq->groups[0]->joined.stem, "selfnomin");
    hs_parsed_query_free(pq);

    /* inside quotes, and when the chunk is more than the compound, there is
     * no joined form */
    pq = hs_query_parse("\"self-nomination rules\" U.S.-backed", st, NULL);
    CHECK_INT(pq->n_groups, 2);
    CHECK_INT(pq->groups[0]->n_words, 3);
    CHECK(pq->groups[0]->joined.exact == NULL);
    CHECK_INT(pq->groups[1]->n_words, 3);
    CHECK(pq->groups[1]->joined.exact == NULL);
    hs_parsed_query_free(pq);

    /* =exact, prefix*, NOT, operators */
    pq = hs_query_parse("=nominated elect* NOT fox", st, NULL);
    CHECK_INT(pq->n_groups, 2);
    CHECK_INT(pq->groups[0]->exact_only, 1);
    CHECK_INT(pq->groups[1]->prefix, 1);
    CHECK_STR(pq->groups[1]->words[0].exact, "elect");
    CHECK_INT(pq->root->kids[2]->excluded, 1);
    hs_parsed_query_free(pq);

    /* what a person may type never fails: stray quotes, brackets, dashes */
    pq = hs_query_parse("\"unclosed phrase", st, NULL);
    CHECK_INT(pq->n_groups, 1);
    CHECK_INT(pq->groups[0]->n_words, 2);
    hs_parsed_query_free(pq);
    pq = hs_query_parse("Blair (Labour", st, NULL);
    CHECK(pq != NULL);
    CHECK_INT(pq ? pq->n_groups : 0, 2);
    hs_parsed_query_free(pq);
    pq = hs_query_parse(" - -- \"\" !!! ( ) ", st, NULL);
    CHECK(pq != NULL && pq->n_groups == 0);
    hs_parsed_query_free(pq);
    pq = hs_query_parse("", st, NULL);
    CHECK(pq != NULL && pq->root == NULL);
    hs_parsed_query_free(pq);
    /* lower-case and/or/not are words; unknown fields are words */
    pq = hs_query_parse("rock and roll note:this", st, NULL);
    CHECK_INT(pq->n_groups, 4); /* note:this is a phrase, as U.S. is */
    CHECK_INT(pq->groups[1]->stopword, 1);
    CHECK_INT(pq->groups[3]->n_words, 2);
    hs_parsed_query_free(pq);

    /* advanced queries get messages that point at the mistake */
    CHECK_ERROR("tax AND (rise", "query error at column 9: this '(' has no matching ')'\n"
                                 "  tax AND (rise\n"
                                 "          ^");
    CHECK_ERROR("tax OR", "query error at column 5: OR needs a word after it\n"
                          "  tax OR\n"
                          "      ^");
    CHECK_ERROR("tax lang:klingon", "query error at column 5: lang: needs a language code, "
                                    "e.g. lang:en, lang:ru or lang:kk\n"
                                    "  tax lang:klingon\n"
                                    "      ^");
    CHECK_ERROR("date:2005-13", "query error at column 1: a date is YYYY, YYYY-MM, "
                                "YYYY-MM-DD or a time ago (7d, 2w, 3m, 1y), or a range "
                                "FROM..TO\n"
                                "  date:2005-13\n"
                                "  ^");
    CHECK_ERROR("title: vote", "query error at column 1: title: needs a value, e.g. "
                               "title:word or title:\"two words\"\n"
                               "  title: vote\n"
                               "  ^");
    CHECK_ERROR("tax NEAR/x rise", "query error at column 5: NEAR/n needs a number and one "
                                   "word on each side, e.g. tax NEAR/5 rise\n"
                                   "  tax NEAR/x rise\n"
                                   "      ^");
    CHECK_ERROR("AND tax", "query error at column 1: AND needs a word before it\n"
                           "  AND tax\n"
                           "  ^");
    CHECK_ERROR("a* OR b", "query error at column 1: a prefix* needs one word of at least "
                           "two letters\n"
                           "  a* OR b\n"
                           "  ^");
    CHECK_ERROR("\xD0\xB2\xD1\x8B OR", "query error at column 4: OR needs a word after it\n"
                                       "  \xD0\xB2\xD1\x8B OR\n"
                                       "     ^");

    /* nesting is bounded (the parser recurses): an advanced query that nests
     * deeper than 100 is an error, a plain one ignores its brackets */
    {
        hs_buf q = HS_BUF_INIT;
        for (int i = 0; i < 100000; i++)
            hs_buf_putc(&q, '(');
        hs_buf_puts(&q, "tax");
        pq = hs_query_parse(hs_buf_str(&q), st, NULL);
        CHECK(pq && pq->root && pq->root->kind == HS_QK_GROUP);
        CHECK_STR(pq ? pq->groups[0]->words[0].exact : "", "tax");
        hs_parsed_query_free(pq);
        hs_buf_puts(&q, " AND rise");
        char *err = error_of(hs_buf_str(&q));
        const char *deep = "query error at column 101: brackets and NOTs nest too deep here "
                           "(at most 100)\n";
        CHECK(strncmp(err, deep, strlen(deep)) == 0);
        free(err);
        hs_buf_free(&q);
        err = error_of_nots(100);
        CHECK_STR(err, "");
        free(err);
        err = error_of_nots(101);
        CHECK(strncmp(err, "query error at column 401: brackets", 35) == 0);
        free(err);
    }

    /* typographic quotes make a phrase, as straight ones do */
    {
        char *straight = tier("\"general election\"", HS_TIER_ALL_IN_PASSAGE);
        CHECK_TIER("\u201Cgeneral election\u201D", HS_TIER_ALL_IN_PASSAGE, straight);
        CHECK_TIER("\u00ABgeneral election\u00BB", HS_TIER_ALL_IN_PASSAGE, straight);
        CHECK_TIER("\u201Egeneral election\u201C", HS_TIER_ALL_IN_PASSAGE, straight);
        CHECK(strstr(straight, "PHRASE") != NULL);
        free(straight);
    }

    /* stop words are marked */
    CHECK(hs_is_stopword("the"));
    CHECK(hs_is_stopword("и"));
    CHECK(!hs_is_stopword("election"));

    /* Cyrillic words are stemmed in Russian */
    pq = hs_query_parse("Выборы", st, NULL);
    CHECK_STR(pq->groups[0]->words[0].exact, "выборы");
    CHECK_STR(pq->groups[0]->words[0].stem, "выбор");
    hs_parsed_query_free(pq);

    /* the tiers: all words in the passage; with the headline; any word */
    CHECK_TIER("hunting ban", HS_TIER_ALL_IN_PASSAGE,
               "(((Zhunt OR 0.25 * ZShunt) OR (Zban OR 0.25 * ZSban)) FILTER (Zhunt AND Zban))");
    CHECK_TIER("hunting ban", HS_TIER_ALL_WITH_TITLE,
               "(((Zhunt OR 0.25 * ZShunt) OR (Zban OR 0.25 * ZSban)) FILTER ((Zhunt OR ZShunt) "
               "AND (Zban OR ZSban)))");
    CHECK_TIER("hunting ban", HS_TIER_ANY,
               "(((Zhunt OR 0.25 * ZShunt) OR (Zban OR 0.25 * ZSban)) FILTER (((Zhunt OR ZShunt) "
               "OR (Zban OR ZSban))))");
    /* compounds match as a stem phrase or written together */
    CHECK_TIER("self-nomination", HS_TIER_ALL_IN_PASSAGE,
               "(((((Zself PHRASE 2 Znomin) OR Zselfnomin) OR 0.25 * ((ZSself PHRASE 2 ZSnomin) "
               "OR ZSselfnomin))) FILTER ((Zself PHRASE 2 Znomin) OR Zselfnomin))");
    /* stop words are not required, not even alone; excluded words go */
    CHECK_TIER("the ban -fox", HS_TIER_ALL_IN_PASSAGE,
               "(((<nothing> OR 0.25 * <nothing>) OR (Zban OR 0.25 * ZSban)) FILTER ((Zban) AND_NOT "
               "((Zfox OR ZSfox))))");
    /* a query of stop words only finds nothing: they have no terms */
    CHECK_TIER("the", HS_TIER_ALL_IN_PASSAGE, "(((<nothing> OR 0.25 * <nothing>)) FILTER <nothing>)");
    /* exact forms, prefixes, NEAR, title: */
    CHECK_TIER("=nominated", HS_TIER_ALL_IN_PASSAGE,
               "((((nominated OR Znominated) OR 0.25 * (Snominated OR ZSnominated))) FILTER "
               "(nominated OR Znominated))");
    /* a form that is its own stem has only its stem term (schema.h) */
    CHECK_TIER("elect*", HS_TIER_ALL_IN_PASSAGE,
               "((((elect* OR Zelect*) OR 0.25 * (Select* OR ZSelect*))) FILTER (elect* OR "
               "Zelect*))");
    CHECK_TIER("tax NEAR/3 rise", HS_TIER_ALL_IN_PASSAGE,
               "(((Ztax NEAR 4 Zrise) OR 0.25 * (ZStax NEAR 4 ZSrise)) FILTER (Ztax NEAR 4 "
               "Zrise))");
    CHECK_TIER("title:vote", HS_TIER_ANY, "((ZSvote) FILTER ZSvote)");
    CHECK_TIER("Title:vote", HS_TIER_ANY, "((ZSvote) FILTER ZSvote)"); /* any case */
    /* stop words have no terms, only places: a phrase steps over them in a
     * window as wide as the whole phrase; with fewer than two other words
     * it is an AND of them, with none it matches nothing */
    CHECK_TIER("\"date of the poll\"", HS_TIER_ALL_IN_PASSAGE,
               "((((Zdate PHRASE 4 Zpoll) OR 0.25 * (ZSdate PHRASE 4 ZSpoll))) FILTER (Zdate "
               "PHRASE 4 Zpoll))");
    CHECK_TIER("\"the poll\"", HS_TIER_ALL_IN_PASSAGE,
               "((((Zpoll) OR 0.25 * (ZSpoll))) FILTER (Zpoll))");
    CHECK_TIER("\"of the\"", HS_TIER_ALL_IN_PASSAGE,
               "(((<nothing> OR 0.25 * <nothing>)) FILTER <nothing>)");
    /* an exact phrase needs its exact forms but the stop words' (checked in
     * the text, exact_phrase.c) */
    CHECK_TIER("=\"date of the poll\"", HS_TIER_ALL_IN_PASSAGE,
               "((((((date OR Zdate) AND (poll OR Zpoll)) FILTER (Zdate PHRASE 4 Zpoll)) OR 0.25 "
               "* (((Sdate OR ZSdate) AND (Spoll OR ZSpoll)) FILTER (ZSdate PHRASE 4 ZSpoll)))) "
               "FILTER (((date OR Zdate) AND (poll OR Zpoll)) FILTER (Zdate PHRASE 4 Zpoll)))");
    /* leading stop words do not widen the window; a word with a stop
     * word's stem ("cans": "can") has no stem term either */
    CHECK_TIER("\"the united nations\"", HS_TIER_ALL_IN_PASSAGE,
               "((((Zunit PHRASE 2 Znation) OR 0.25 * (ZSunit PHRASE 2 ZSnation))) FILTER (Zunit "
               "PHRASE 2 Znation))");
    CHECK_TIER("\"cans of beer\"", HS_TIER_ALL_IN_PASSAGE,
               "((((Zbeer) OR 0.25 * (ZSbeer))) FILTER (Zbeer))");
    CHECK_TIER("the NEAR/3 poll", HS_TIER_ALL_IN_PASSAGE,
               "(((Zpoll) OR 0.25 * (ZSpoll)) FILTER (Zpoll))");

    /* explicit AND and OR */
    CHECK_TIER("tax AND rise", HS_TIER_ANY,
               "(((Ztax OR 0.25 * ZStax) OR (Zrise OR 0.25 * ZSrise)) FILTER ((Ztax OR ZStax) "
               "AND (Zrise OR ZSrise)))");
    CHECK_TIER("tax OR rise", HS_TIER_ALL_IN_PASSAGE,
               "(((Ztax OR 0.25 * ZStax) OR (Zrise OR 0.25 * ZSrise)) FILTER (Ztax OR Zrise))");
    /* fields are filters, in every tier */
    CHECK_TIER("lang:ru path:bbc-news/politics", HS_TIER_ALL_IN_PASSAGE,
               "((<all> AND_NOT XK) FILTER (Lru AND (XPbbc-news AND XPpolitics)))");
    /* a language by any of its tags, or its English name */
    CHECK_TIER("lang:RU-ru", HS_TIER_ALL_IN_PASSAGE, "((<all> AND_NOT XK) FILTER Lru)");
    CHECK_TIER("lang:kz", HS_TIER_ALL_IN_PASSAGE, "((<all> AND_NOT XK) FILTER Lkk)");
    CHECK_TIER("lang:Russian", HS_TIER_ALL_IN_PASSAGE, "((<all> AND_NOT XK) FILTER Lru)");
    CHECK_TIER("source:www.BBC.co.uk site:\"BBC News\" author:Smith", HS_TIER_ALL_IN_PASSAGE,
               "((<all> AND_NOT XK) FILTER ((XSbbc.co.uk) AND (XSNbbc news) AND (Asmith)))");
    /* a URL pasted whole is its host */
    CHECK_TIER("source:https://www.bbc.co.uk:443/news/uk?x=1", HS_TIER_ALL_IN_PASSAGE,
               "((<all> AND_NOT XK) FILTER (XSbbc.co.uk))");
    CHECK_TIER("date:2005-04", HS_TIER_ALL_IN_PASSAGE,
               "((<all> AND_NOT XK) FILTER VALUE_RANGE 0 2005-04 2005-04\xff)");
    CHECK_TIER("date:2005-04-01..2005-05-05", HS_TIER_ALL_IN_PASSAGE,
               "((<all> AND_NOT XK) FILTER VALUE_RANGE 0 2005-04-01 2005-05-05)");
    CHECK_TIER("date:..2005", HS_TIER_ALL_IN_PASSAGE,
               "((<all> AND_NOT XK) FILTER VALUE_RANGE 0  2005\xff)");
    /* nothing positive to look for matches nothing */
    CHECK_TIER("-fox", HS_TIER_ALL_IN_PASSAGE, "((<all> AND_NOT XK) FILTER <nothing>)");
    CHECK_TIER("", HS_TIER_ANY, "<nothing>");

    /* ranked: the words' weight, plus the idf of each item of the list
     * that the passage or its headline holds (coverage), instead of hard
     * tiers; plain words need no filter, their weight matches what "any
     * word" does */
    CHECK_TIER("hunting ban", -1,
               "(((Zhunt OR 0.25 * ZShunt) OR (Zban OR 0.25 * ZSban)) OR 1 IF (Zhunt OR ZShunt) "
               "OR 2 IF (Zban OR ZSban))");
    /* excluded words add nothing, nor stop words, which have no terms; a
     * phrase counts its rarest word */
    CHECK_TIER("the ban -fox", -1,
               "((((<nothing> OR 0.25 * <nothing>) OR (Zban OR 0.25 * ZSban)) OR 2 IF (Zban OR "
               "ZSban)) FILTER ((((Zban OR ZSban))) AND_NOT ((Zfox OR ZSfox))))");
    CHECK_TIER("\"general election\" tax", -1,
               "((((Zgeneral PHRASE 2 Zelect) OR 0.25 * (ZSgeneral PHRASE 2 ZSelect)) OR (Ztax "
               "OR 0.25 * ZStax)) OR 2 IF ((Zgeneral PHRASE 2 Zelect) OR (ZSgeneral PHRASE 2 "
               "ZSelect)) OR 3 IF (Ztax OR ZStax))");
    /* a single item, or fields alone, need no coverage */
    CHECK_TIER("hunting", -1, "(((Zhunt OR 0.25 * ZShunt)))");
    CHECK_TIER("lang:en", -1, "(((<all> AND_NOT XK)) FILTER Len)");
    /* explicit operators: an OR's alternatives count too */
    CHECK_TIER("tax OR levy", -1,
               "((((Ztax OR 0.25 * ZStax) OR (Zlevi OR 0.25 * ZSlevi)) OR 1 IF (Ztax OR ZStax) "
               "OR 2 IF (Zlevi OR ZSlevi)) FILTER ((Ztax OR ZStax) OR (Zlevi OR ZSlevi)))");

    /* --since and --until */
    pq = hs_query_parse("tax", st, NULL);
    hs_buf err = HS_BUF_INIT;
    CHECK_INT(hs_query_add_date_range(pq, "2005", "2005-06", &err), 0);
    hs_qnode *n = hs_query_build_tier(pq, HS_TIER_ALL_IN_PASSAGE);
    char *d = hs_qnode_describe(n);
    CHECK_STR(d, "(((Ztax OR 0.25 * ZStax)) FILTER (Ztax AND VALUE_RANGE 0 2005 2005-06\xff))");
    free(d);
    hs_qnode_free(n);
    CHECK_INT(hs_query_add_date_range(pq, "May 2005", NULL, &err), -1);
    CHECK_STR(err.data, "invalid --since 'May 2005': YYYY, YYYY-MM, YYYY-MM-DD or a time ago "
                        "(7d, 2w, 3m, 1y)");
    hs_buf_reset(&err);
    CHECK_INT(hs_query_add_date_range(pq, "", NULL, &err), -1); /* no silent open end */
    CHECK_STR(err.data, "invalid --since '': YYYY, YYYY-MM, YYYY-MM-DD or a time ago "
                        "(7d, 2w, 3m, 1y)");
    hs_buf_reset(&err);
    CHECK_INT(hs_query_add_date_range(pq, NULL, "", &err), -1);
    CHECK_STR(err.data, "invalid --until '': YYYY, YYYY-MM, YYYY-MM-DD or a time ago "
                        "(7d, 2w, 3m, 1y)");
    hs_buf_reset(&err);
    CHECK_INT(hs_query_add_date_range(pq, "2005-06", "2005-05", &err), -1);
    CHECK_STR(err.data, "--since 2005-06 is after --until 2005-05");
    hs_buf_free(&err);
    CHECK_ERROR("date:2005..2004", "query error at column 1: this date range ends before it "
                                   "starts\n"
                                   "  date:2005..2004\n"
                                   "  ^");
    CHECK_ERROR("date:2005-05-31..2005-05", "");
    hs_parsed_query_free(pq);

    /* British and American spellings, both ways; short words are left
     * alone (four is no for, filled no filed, intense no intence) */
    CHECK_RESPELL("colour", "color");
    CHECK_RESPELL("favourites", "favorites");
    CHECK_RESPELL("labor", "labour");
    CHECK_RESPELL("four", "");
    CHECK_RESPELL("door", "");
    CHECK_RESPELL("organise", "organize");
    CHECK_RESPELL("organization", "organisation");
    CHECK_RESPELL("criticised", "criticized");
    CHECK_RESPELL("rise", "");
    CHECK_RESPELL("analyse", "analyze");
    CHECK_RESPELL("paralyzed", "paralysed");
    CHECK_RESPELL("centres", "centers");
    CHECK_RESPELL("theater", "theatre");
    CHECK_RESPELL("after", "");
    CHECK_RESPELL("fibre", "fiber");
    CHECK_RESPELL("defence", "defense");
    CHECK_RESPELL("offense", "offence");
    CHECK_RESPELL("licence", "license");
    CHECK_RESPELL("pretense", "pretence");
    CHECK_RESPELL("intense", "");
    CHECK_RESPELL("fence", "");
    CHECK_RESPELL("catalogue", "catalog");
    CHECK_RESPELL("dialog", "dialogue");
    CHECK_RESPELL("blog", "");
    CHECK_RESPELL("programme", "program");
    CHECK_RESPELL("programs", "programmes");
    CHECK_RESPELL("program", "programme");
    CHECK_RESPELL("travelled", "traveled");
    CHECK_RESPELL("canceling", "cancelling");
    CHECK_RESPELL("signalled", "signaled");
    CHECK_RESPELL("filled", "");
    CHECK_RESPELL("spelled", "");
    CHECK_RESPELL("judgement", "judgment");
    CHECK_RESPELL("acknowledgment", "acknowledgement");

    hs_stemmer_free(st);
    return check_done();
}
