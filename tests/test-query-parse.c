/* test-query-parse.c - query strings to groups, and groups to the Xapian
 * query of each tier. */
#include "query.h"

#include <stdlib.h>

#include "check.h"

static hs_stemmer *st;

static char *tier(const char *q, int t)
{
    hs_parsed_query *pq = hs_query_parse(q, st);
    hs_qnode *n = hs_query_build_tier(pq, t);
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

int main(void)
{
    st = hs_stemmer_new();
    hs_parsed_query *pq;

    /* words, a quoted phrase, an excluded word */
    pq = hs_query_parse("Postal \"general election\" -Blair", st);
    CHECK_INT(pq->n_groups, 3);
    CHECK_INT(pq->groups[0].n_words, 1);
    CHECK_STR(pq->groups[0].words[0].exact, "postal");
    CHECK_STR(pq->groups[0].words[0].stem, "postal");
    CHECK_INT(pq->groups[1].n_words, 2);
    CHECK_STR(pq->groups[1].words[1].exact, "election");
    CHECK_STR(pq->groups[1].words[1].stem, "elect");
    CHECK(pq->groups[1].joined.exact == NULL);
    CHECK_INT(pq->groups[2].excluded, 1);
    CHECK_STR(pq->groups[2].words[0].exact, "blair");
    hs_parsed_query_free(pq);

    /* a compound is a phrase that also offers its joined form */
    pq = hs_query_parse("self-nomination", st);
    CHECK_INT(pq->n_groups, 1);
    CHECK_INT(pq->groups[0].n_words, 2);
    CHECK_STR(pq->groups[0].joined.exact, "selfnomination");
    CHECK_STR(pq->groups[0].joined.stem, "selfnomin");
    hs_parsed_query_free(pq);

    /* inside quotes, and when the chunk is more than the compound, there is
     * no joined form */
    pq = hs_query_parse("\"self-nomination rules\" U.S.-backed", st);
    CHECK_INT(pq->n_groups, 2);
    CHECK_INT(pq->groups[0].n_words, 3);
    CHECK(pq->groups[0].joined.exact == NULL);
    CHECK_INT(pq->groups[1].n_words, 3);
    CHECK(pq->groups[1].joined.exact == NULL);
    hs_parsed_query_free(pq);

    /* what a person may type never fails: stray quotes, dashes, symbols */
    pq = hs_query_parse("\"unclosed phrase", st);
    CHECK_INT(pq->n_groups, 1);
    CHECK_INT(pq->groups[0].n_words, 2);
    hs_parsed_query_free(pq);
    pq = hs_query_parse(" - -- \"\" !!! ( ) ", st);
    CHECK_INT(pq->n_groups, 0);
    hs_parsed_query_free(pq);
    pq = hs_query_parse("", st);
    CHECK_INT(pq->n_groups, 0);
    hs_parsed_query_free(pq);

    /* stop words are marked */
    pq = hs_query_parse("date of the election", st);
    CHECK_INT(pq->n_groups, 4);
    CHECK_INT(pq->groups[0].stopword, 0);
    CHECK_INT(pq->groups[1].stopword, 1);
    CHECK_INT(pq->groups[2].stopword, 1);
    hs_parsed_query_free(pq);
    CHECK(hs_is_stopword("the"));
    CHECK(hs_is_stopword("и"));
    CHECK(!hs_is_stopword("election"));

    /* Cyrillic words are stemmed in Russian */
    pq = hs_query_parse("Выборы", st);
    CHECK_STR(pq->groups[0].words[0].exact, "выборы");
    CHECK_STR(pq->groups[0].words[0].stem, "выбор");
    hs_parsed_query_free(pq);

    /* the tiers: all words in the passage; with the headline; any word */
    CHECK_TIER("hunting ban", HS_TIER_ALL_IN_PASSAGE,
               "(((Zhunt OR 0.5 * hunting OR 0.5 * ZShunt) OR (Zban OR 0.5 * ban OR 0.5 * ZSban)) "
               "FILTER (Zhunt AND Zban))");
    CHECK_TIER("hunting ban", HS_TIER_ALL_WITH_TITLE,
               "((((Zhunt OR 0.5 * hunting OR 0.5 * ZShunt) OR (Zban OR 0.5 * ban OR 0.5 * ZSban)) "
               "FILTER ((Zhunt OR ZShunt) AND (Zban OR ZSban))) AND_NOT ((Zhunt AND Zban)))");
    CHECK_TIER("hunting ban", HS_TIER_ANY,
               "((((Zhunt OR 0.5 * hunting OR 0.5 * ZShunt) OR (Zban OR 0.5 * ban OR 0.5 * ZSban)) "
               "FILTER ((Zhunt OR ZShunt) OR (Zban OR ZSban))) AND_NOT ((Zhunt AND Zban) OR "
               "((Zhunt OR ZShunt) AND (Zban OR ZSban))))");
    /* compounds match as a stem phrase or written together */
    CHECK_TIER("self-nomination", HS_TIER_ALL_IN_PASSAGE,
               "(((((Zself PHRASE 2 Znomin) OR Zselfnomin) OR 0.5 * ((self PHRASE 2 nomination) OR "
               "selfnomination) OR 0.5 * ((ZSself PHRASE 2 ZSnomin) OR ZSselfnomin))) FILTER "
               "(((Zself PHRASE 2 Znomin) OR Zselfnomin)))");
    /* stop words are not required; excluded words are removed */
    CHECK_TIER("the ban -fox", HS_TIER_ALL_IN_PASSAGE,
               "((((Zthe OR 0.5 * the OR 0.5 * ZSthe) OR (Zban OR 0.5 * ban OR 0.5 * ZSban)) "
               "FILTER (Zban)) AND_NOT ((Zfox OR ZSfox)))");
    /* a query of stop words only requires them */
    CHECK_TIER("the", HS_TIER_ALL_IN_PASSAGE,
               "(((Zthe OR 0.5 * the OR 0.5 * ZSthe)) FILTER (Zthe))");
    /* nothing positive to look for matches nothing */
    CHECK_TIER("-fox", HS_TIER_ALL_IN_PASSAGE, "<nothing>");
    CHECK_TIER("", HS_TIER_ANY, "<nothing>");

    hs_stemmer_free(st);
    return check_done();
}
