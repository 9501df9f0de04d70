/* query.h - parsed queries, their Xapian trees and highlighting
 * (internal).
 *
 * A query string is parsed (query_parse.c) into a tree of hs_qexpr; the
 * builder (query_build.c) turns the tree into a Xapian query that ranks
 * passages by their words and their coverage of the query; the
 * highlighter (highlight.c) marks the tree's positive word groups in
 * result passages.
 */
#ifndef HUSTINGS_QUERY_H
#define HUSTINGS_QUERY_H

#include <stddef.h>

#include "buf.h"
#include "qnode.h"
#include "query_lex.h"
#include "stem.h"

typedef struct hs_qword {
    char *exact;  /* normalised word, as the tokenizer gives it */
    char *stem;   /* its stem in the first language its script suggests */
    char *stem2;  /* its stem in a second one (Cyrillic: Russian and
                     Kazakh), when different; else NULL */
    char *key;    /* transliteration key (translit.h), or NULL */
    char *maybe_key; /* the key of a word typed in lower case, until
                        hs_query_settle_names makes it the key or drops it */
#define HS_QWORD_VARIANTS 4
    char *variants[HS_QWORD_VARIANTS]; /* other stems of its forms that the
                        index holds (hs_query_add_variants) */
    size_t n_variants;
    char *kazakh[HS_QWORD_VARIANTS]; /* a Latin word read as Kazakh: the
                        Cyrillic stems of its readings that the index holds
                        (hs_query_add_kk_readings), matched in Kazakh
                        passages only */
    size_t n_kazakh;
#define HS_QWORD_FAMILY 6
    char *family[HS_QWORD_FAMILY]; /* stems of other words of its root that
                        the index holds (самовыдвиженец for
                        самовыдвижение; hs_query_add_family), searched for
                        at a lower weight; of a Latin word, those of its
                        Kazakh readings, in Kazakh passages only */
    size_t n_family;
#define HS_QWORD_OTHER_FORMS 16
    char *other_forms[HS_QWORD_OTHER_FORMS]; /* for an =word, or a name that
                        is its own stem ("vote", "brown"): the index's other
                        words whose stem it is ("votes", "voting", "browne";
                        "electioneering" for "election";
                        hs_query_add_other_forms) */
    size_t n_other_forms;
    int forms_complete; /* other_forms are all the index has */
    double idf;   /* how rare its stems are in the index (hs_query_add_idf);
                     0 until looked up */
    int acronym;  /* typed as one (two to four capitals: IT, WHO), which the
                     index keeps even when it spells a stop word */
} hs_qword;

/* One unit of a query: a word, or a phrase (quoted, or a chunk such as
 * "self-nomination" or "U.S." that the tokenizer splits). */
typedef struct hs_qgroup {
    hs_qword *words;     /* 1 for a word, more for a phrase */
    size_t n_words;
    hs_qword joined;     /* a compound's parts written together
                            ("selfnomination"); exact NULL when none */
    int excluded;        /* written with '-' or NOT: not highlighted */
    int stopword;        /* a single very common word ("the", "и") */
    int exact_only;      /* written with '=': exact word forms only */
    int quoted;          /* written in quotes: the phrase, no synonyms */
    int prefix;          /* written as word*: words[0].exact is a prefix */
} hs_qgroup;

typedef enum hs_qkind {
    HS_QK_GROUP,    /* a word or phrase, in the passage or the headline */
    HS_QK_TITLE,    /* title:..., in the headline only */
    HS_QK_NEAR,     /* kids[0] NEAR/window kids[1] (both single words) */
    HS_QK_FILTER,   /* a boolean constraint (field or date): `filter` */
    HS_QK_DEFAULT,  /* items side by side: all wanted, best when all match */
    HS_QK_AND,      /* every kid required */
    HS_QK_OR,
} hs_qkind;

typedef struct hs_qexpr {
    hs_qkind kind;
    hs_qgroup group;          /* GROUP, TITLE */
    unsigned window;          /* NEAR */
    hs_qnode *filter;         /* FILTER */
    struct hs_qexpr **kids;
    size_t n_kids;
    int excluded;             /* written with '-' or NOT: must not match */
} hs_qexpr;

/* A token that plain words leave out, and why. */
typedef struct hs_left_out {
    char *text;               /* as typed */
    const char *why;          /* static */
} hs_left_out;

typedef struct hs_parsed_query {
    hs_qexpr *root;           /* NULL when there is nothing to look for */
    const hs_qgroup **groups; /* the positive groups, for highlighting */
    size_t n_groups;
    hs_left_out *left_out;    /* what the parse of plain words passed over
                                 that was not mere syntax (a prefix* too
                                 short), for warnings */
    size_t n_left_out;
} hs_parsed_query;

/* Parse a query string.  A query written as plain words never fails: an
 * unclosed quote ends at the end, stray brackets and dashes are ignored,
 * and so is a prefix* too short to expand (noted in left_out).
 * One that uses operators (AND OR NOT NEAR/n), fields (title: date: ...) or
 * brackets is parsed strictly: on a mistake it returns NULL and, in
 * `error`, a message that names the column and shows it with a caret.
 * NULL with an empty error means out of memory. */
hs_parsed_query *hs_query_parse(const char *q, hs_stemmer *stemmer, hs_buf *error);

/* Call fn on every word of every word group of pq (positive or not,
 * title: ones too) until it returns non-zero; that value, or 0. */
typedef int (*hs_qword_fn)(hs_qgroup *g, hs_qword *w, void *ctx);
int hs_query_each_word(hs_parsed_query *pq, hs_qword_fn fn, void *ctx);

struct hx_db;
/* How many passages of db hold the term prefix+word.  HUSTINGS_STATUS_*. */
int hs_query_term_freq(struct hx_db *db, const char *prefix, const char *word,
                       unsigned long *n);
/* The same for the word word[0..len). */
int hs_query_term_freq_len(struct hx_db *db, const char *prefix, const char *word, size_t len,
                           unsigned long *n);
/* How many passages of db may hold the exact form `form` under
 * exact_prefix ("" for passage text, HS_PREFIX_TITLE for headlines): the
 * most of its exact term and of the stem term of that spelling (a form
 * that is its own stem has no exact term, schema.h).  An upper bound:
 * the stem term also counts the stem's other forms.  HUSTINGS_STATUS_*. */
int hs_query_form_freq(struct hx_db *db, const char *exact_prefix, const char *form,
                       unsigned long *n);
/* The stems of w: its stem, its second one and its variants, the ones it
 * has, into stems; how many. */
size_t hs_qword_stems(const hs_qword *w, const char *stems[2 + HS_QWORD_VARIANTS]);
/* Keep stem as a variant of w when the index db holds it as a stem and w
 * has it not already, nor its room for variants full (query_variants.c).
 * HUSTINGS_STATUS_* of the lookup. */
int hs_qword_add_variant(hs_qword *w, struct hx_db *db, const char *stem);
/* Append a copy of stem to list (of *n, at most HS_QWORD_VARIANTS) when
 * the index db holds it as a passage stem and list has it not yet; a full
 * list takes no more.  HUSTINGS_STATUS_*. */
int hs_stem_list_add_held(char *list[HS_QWORD_VARIANTS], size_t *n, struct hx_db *db,
                          const char *stem);
/* Add to each Cyrillic word of pq the other stems of its forms that the
 * index db holds: a Russian fleeting vowel (участок, участка), a Kazakh
 * final consonant voiced (құқық, құқығы) or vowel dropped (халық, халқы)
 * before an ending (query_variants.c).  HUSTINGS_STATUS_* of the
 * lookups. */
int hs_query_add_variants(hs_parsed_query *pq, struct hx_db *db);
/* Add to each Latin word of pq its Cyrillic stem as Kazakh in each of
 * Kazakh's Latin alphabets whose letters it is written in, where the index
 * db holds that stem (query_kk_latin.c).  HUSTINGS_STATUS_*. */
int hs_query_add_kk_readings(hs_parsed_query *pq, struct hx_db *db);
/* Add to each Cyrillic word of pq (not exact, quoted or a prefix) the
 * stems of its derivational family that the index db holds
 * (query_family.c): hs_qword_add_family for one of a word's stems, kazakh
 * choosing the Kazakh rules over the Russian ones.  HUSTINGS_STATUS_*. */
int hs_query_add_family(hs_parsed_query *pq, struct hx_db *db);
int hs_qword_add_family(hs_qword *w, struct hx_db *db, const char *stem, int kazakh);
/* Add to each English query word the stems of its other spelling,
 * British or American (rumour: rumor, organise: organize, centre:
 * center, defence: defense), that the index db holds
 * (query_spellings.c).  HUSTINGS_STATUS_* of the lookups. */
int hs_query_add_spellings(hs_parsed_query *pq, struct hx_db *db, hs_stemmer *stemmer);
/* The respelling of word by rule i of hs_respell_rules() into out (of
 * size bytes): 1, or 0 when the rule does not apply (for tests). */
int hs_respell_english(const char *word, size_t rule, char *out, size_t size);
size_t hs_respell_rules(void);
/* Settle the unsure keys of pq's words against the index db: a word
 * typed in lower case keeps its transliteration key when the index holds
 * no Latin word of that form but some document by the key ("tokaev":
 * "Tokayev", "Токаев"), and loses it otherwise ("soon" would meet Sony,
 * "plan" every Russian "план").  HUSTINGS_STATUS_* of the lookups. */
int hs_query_settle_names(hs_parsed_query *pq, struct hx_db *db);
/* Give each =word of pq, and each name that is its own stem, the other
 * words whose stem it is, so that =vote is told from "votes", =election
 * from "electioneering" (stemmed "election"), and "Brown" from "Browne":
 * a word that is its own stem has an exact term only beside another form
 * of it, and any word is also looked up as the stem of that spelling
 * (schema.h).  other_forms of hs_qword: the index's words that begin as
 * it does (but for a final e: "voting") and have it for a stem, and
 * forms_complete when they are all of them.  HUSTINGS_STATUS_* of the
 * look-ups. */
int hs_query_add_other_forms(hs_parsed_query *pq, struct hx_db *db, hs_stemmer *stemmer);
/* The stem prefix beside an exact one ("" or HS_PREFIX_TITLE): exact
 * words carry no positions (index_write.c), so positional matches run on
 * the stems, and a form that is its own stem is found as its stem term. */
const char *hs_stem_prefix_of(const char *exact_prefix);
/* Whether w is its own stem (in either language it is stemmed in). */
int hs_qword_own_stem(const hs_qword *w);
/* Set each word's idf from the index db: log((N - n + 0.5) / (n + 0.5))
 * over N passages, n of them holding one of its stems (the most of any),
 * or its exact form for an =word, at least 0; 0 for a word* (query_idf.c).
 * HUSTINGS_STATUS_* of the lookups. */
int hs_query_add_idf(hs_parsed_query *pq, struct hx_db *db);
void hs_parsed_query_free(hs_parsed_query *pq);

/* The tree (query_tree.c).  A node of that kind, NULL when out of
 * memory; append kid to e (0, or -1 when out of memory, kid not taken);
 * free e and all below it. */
hs_qexpr *hs_qexpr_new(hs_qkind kind);
int hs_qexpr_add_kid(hs_qexpr *e, hs_qexpr *kid);
void hs_qexpr_free(hs_qexpr *e);
/* A GROUP or TITLE node of the words of text[0..len), tokenized and
 * stemmed as the articles are; NULL when it has no word, or when out of
 * memory (then *oom is set). */
hs_qexpr *hs_qexpr_group(hs_qkind kind, hs_stemmer *stemmer, const char *text, size_t len,
                         int quoted, int *oom);
/* pq->groups made anew from its tree: 0, or -1 when out of memory. */
int hs_query_collect_groups(hs_parsed_query *pq);

/* Filters (query_fields.c), meaning what the query's fields mean.
 *
 * The boolean tree of the filtering field f (not title:) for its value
 * text[0..len), quoted when written as a "phrase"; NULL with the mistake
 * in why, or with why empty when out of memory. */
hs_qnode *hs_field_filter(const hs_field *f, const char *text, size_t len, int quoted,
                          hs_buf *why);
/* why := the message for field f given without a value. */
void hs_field_needs_value(const hs_field *f, hs_buf *why);
/* pq narrowed to the passages the field id's value selects: 0, or -1 with
 * a reason in error (empty when out of memory). */
int hs_query_add_filter(hs_parsed_query *pq, hs_field_id id, const char *value, int quoted,
                        hs_buf *error);
/* pq narrowed to a source as the source facet lists it: a site name or,
 * with a dot, a host or a site name.  0, or -1 as above. */
int hs_query_add_source_filter(hs_parsed_query *pq, const char *value, hs_buf *error);
/* pq narrowed to dates (--since, --until): "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD", either may be NULL.  0, or -1 as above. */
int hs_query_add_date_range(hs_parsed_query *pq, const char *since, const char *until,
                            hs_buf *error);

/* Rewrite the query with the synonyms (synonyms.h): a word or a run of
 * words side by side that is a key becomes (the run OR each alternative,
 * as a phrase).  0, or -1 when out of memory. */
struct hs_synonyms;
int hs_query_apply_synonyms(hs_parsed_query *pq, const struct hs_synonyms *syn,
                            hs_stemmer *stemmer);

/* Warnings: what a query may not do as its writer meant, in words for
 * people (query_warnings.c), each message once, in the order noted. */
typedef struct hs_warnings {
    char **items;
    size_t n;
} hs_warnings;

/* Note a copy of message, unless w has it already: 0, or -1 when out of
 * memory. */
int hs_warnings_add(hs_warnings *w, const char *message);
/* Take warning i out of the list (the others keep their order). */
void hs_warnings_remove(hs_warnings *w, size_t i);
void hs_warnings_free(hs_warnings *w);
/* Note in w what the query string q and its parse pq say when they are
 * read: the tokens the parse left out, and the words that read as fields
 * the language does not have ("titel:observers", searched as words), with
 * the nearest field when one is near.  0, or -1 when out of memory. */
int hs_query_note_parse(hs_warnings *w, const hs_parsed_query *pq, const char *q);
/* Note in w that pq finds nothing for want of something to search for,
 * and why, when so: `typed` is empty, holds only very common words, only
 * excludes, or no word at all.  Filters count as something to search for
 * (a query of no words finds what they select).  0, or -1 when out of
 * memory. */
int hs_query_note_nothing_to_find(hs_warnings *w, const hs_parsed_query *pq, const char *typed);
/* Whether pq narrows by date (a date: field or a date range, not
 * excluded); then *q := what it would find more if its date filters let
 * undated passages through: undated passages that match all else, less
 * those it finds anyway.  *q NULL when pq has no date filter.  0, or -1
 * when out of memory. */
int hs_query_build_undated_left_out(hs_parsed_query *pq, hs_qnode **q);

/* Whether e matches nothing for want of searchable words: a word or
 * phrase of stop words only (which have no term in the index), or a
 * combination of such (query_build.c). */
int hs_qexpr_termless(const hs_qexpr *e);

/* A constraint narrows the matches without words to weigh: a field or
 * date, a title:, or any combination of them ("(lang:ru OR lang:kk)"). */
int hs_qexpr_is_constraint(const hs_qexpr *e);

/* Whether a query word has no stem term (so no positions) in the index:
 * its stem (in either language the query stems it in) is a stop word's
 * (index_write.c). */
int hs_qword_unpositioned(const hs_qword *w);

/* What a query's words must match, strictest first (query_build.c): each
 * matches all that the one before does.  Only HS_TIER_ANY's matches are
 * results; the others say what coverage and explicit AND require. */
enum {
    HS_TIER_ALL_IN_PASSAGE, /* every required word in the passage text */
    HS_TIER_ALL_WITH_TITLE, /* every required word in passage or headline */
    HS_TIER_ANY,            /* some word */
    HS_N_TIERS
};

/* The Xapian query of tier `tier`: the BM25-weighted words (passage stems,
 * headline), restricted to the tier, excluded words
 * removed.  A tier matches everything the tiers before it match.  NULL
 * when out of memory; a query with nothing to match gives
 * HS_Q_MATCH_NOTHING. */
hs_qnode *hs_query_build_tier(const hs_parsed_query *pq, int tier);

/* The query ranked: the BM25 weight of its words (passage stems, headline;
 * exact forms where asked for) plus, for each item of a list of words,
 * its idf when the passage or its headline holds it (coverage); over
 * everything that some word matches. */
hs_qnode *hs_query_build_ranked(const hs_parsed_query *pq);

/* Everything the query matches, all tiers together (for counts and
 * facets). */
hs_qnode *hs_query_build_all(const hs_parsed_query *pq);

/* Byte ranges in a passage's text that match the query. */
typedef struct hs_range {
    size_t start, end;
} hs_range;

/* Find the query's matches in text[0..len): words by stem (or exact form
 * when asked; the passage's words stemmed in its language `lang`, which
 * may be NULL), names by transliteration key, prefixes, phrases only where
 * all their words stand in order, and compounds written together.  Excluded words are not marked;
 * stop words only when the query has nothing else.  *ranges (caller frees)
 * is sorted and merged.  0, or -1 when out of memory. */
int hs_highlight(const hs_parsed_query *pq, hs_stemmer *stemmer, const char *lang,
                 const char *text, size_t len, hs_range **ranges,
                 size_t *n_ranges);

/* Whether every one of the n groups is found in text[0..len), as
 * hs_highlight would mark it: 1 yes, 0 no, -1 out of memory.  stemmer
 * (and lang) may be NULL when every group is exact (=word, ="..."). */
int hs_highlight_holds(const hs_qgroup *const *groups, size_t n, hs_stemmer *stemmer,
                       const char *lang, const char *text, size_t len);

#endif
