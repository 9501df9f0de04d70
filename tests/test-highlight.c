/* test-highlight.c - marking what matched in a passage. */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"

static hs_stemmer *st;

/* The text with each highlight in [brackets]. */
static char *marked(const char *query, const char *text)
{
    hs_parsed_query *pq = hs_query_parse(query, st, NULL);
    hs_range *r = NULL;
    size_t n = 0, at = 0;
    CHECK_INT(hs_highlight(pq, st, NULL, text, strlen(text), &r, &n), 0);
    hs_buf out = HS_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        hs_buf_append(&out, text + at, r[i].start - at);
        hs_buf_putc(&out, '[');
        hs_buf_append(&out, text + r[i].start, r[i].end - r[i].start);
        hs_buf_putc(&out, ']');
        at = r[i].end;
    }
    hs_buf_puts(&out, text + at);
    free(r);
    hs_parsed_query_free(pq);
    return hs_buf_detach(&out);
}

/* hs_highlight_holds for the groups of query q in text, stemming with st
 * or, when exact_only, without a stemmer. */
static int holds_with(const char *q, const char *text, int exact_only)
{
    hs_parsed_query *pq = hs_query_parse(q, st, NULL);
    int rc = hs_highlight_holds(pq->groups, pq->n_groups, exact_only ? NULL : st,
                                exact_only ? NULL : "en", text, strlen(text));
    hs_parsed_query_free(pq);
    return rc;
}

static int holds(const char *q, const char *text)
{
    return holds_with(q, text, 0);
}

#define CHECK_MARKED(q, text, want)         \
    do {                                    \
        char *got_ = marked(q, text);       \
        CHECK_STR(got_, want);              \
        free(got_);                         \
    } while (0)

int main(void)
{
    st = hs_stemmer_new();

    /* words match by stem, whatever their case */
    CHECK_MARKED("election", "Elections, elected and the election.",
                 "[Elections], [elected] and the [election].");
    /* a phrase only where its words stand together, in order */
    CHECK_MARKED("\"general election\"",
                 "A general election, not an election in general.",
                 "A [general election], not an election in general.");
    /* a compound query: its parts in order, or written together */
    CHECK_MARKED("self-nomination",
                 "The right to self-nomination; self-nominated candidates; "
                 "selfnomination; nomination of self.",
                 "The right to [self-nomination]; [self-nominated] candidates; "
                 "[selfnomination]; nomination of self.");
    /* a stop word inside a phrase holds a place for any word */
    CHECK_MARKED("\"date of the election\"",
                 "The date of an election; the date of the poll.",
                 "The [date of an election]; the date of the poll.");
    /* a phrase across a line break */
    CHECK_MARKED("\"general election\"", "the general\nelection", "the [general\nelection]");
    /* excluded words are not marked; stop words only on their own */
    CHECK_MARKED("ban -fox", "The fox hunting ban", "The fox hunting [ban]");
    CHECK_MARKED("the ban", "The ban on the hunt", "The [ban] on the hunt");
    CHECK_MARKED("the", "The ban on the hunt", "[The] ban on [the] hunt");
    /* overlapping matches merge */
    CHECK_MARKED("\"general election\" election", "the general election",
                 "the [general election]");
    /* Cyrillic, by Russian stems, ё folded */
    CHECK_MARKED("выборы", "На выборах и после выборов", "На [выборах] и после [выборов]");
    CHECK_MARKED("ещё", "еще раз", "[еще] раз");
    /* nothing to mark */
    CHECK_MARKED("absent", "nothing here", "nothing here");
    CHECK_MARKED("", "nothing here", "nothing here");
    /* invalid UTF-8 in the text does not disturb the offsets */
    CHECK_MARKED("vote", "\xFF vote \xC3", "\xFF [vote] \xC3");

    /* whether every group stands in a text: an exact phrase only with its
     * very words in order */
    CHECK_INT(holds("=\"general elections\"", "The general elections of 2005."), 1);
    CHECK_INT(holds("=\"general elections\"", "A general election, and local elections."), 0);
    CHECK_INT(holds("=\"general elections\"", "General Elections"), 1);
    CHECK_INT(holds("\"general elections\"", "A general election."), 1); /* by stem */
    CHECK_INT(holds("tax \"general election\"", "A general election."), 0); /* every group */
    CHECK_INT(holds("tax \"general election\"", "Tax in a general election."), 1);
    /* exact groups need no stemmer; an exact phrase's stop words are the
     * ones written, a plain phrase's hold any word's place */
    CHECK_INT(holds_with("=vote", "The vote was cast.", 1), 1);
    CHECK_INT(holds_with("=vote", "The votes were cast.", 1), 0);
    CHECK_INT(holds_with("=\"date of the election\"", "The date of the election.", 1), 1);
    CHECK_INT(holds_with("=\"date of the election\"", "The date for the election.", 1), 0);
    CHECK_INT(holds("\"date of the election\"", "The date for an election."), 1);
    CHECK_INT(holds("\"the united nations\"", "By United Nations rules."), 1);

    hs_stemmer_free(st);
    return check_done();
}
