/* stopwords.c - words too common to be required by a query or to be
 * given positions in the index.
 *
 * A stop word has no term in the passages, only its place: a phrase steps
 * over it, and "date of the general election" needs date, general and
 * election (index_write.c, query_build.c); an article's own document
 * still counts it.  The lists are the most frequent function words of English and
 * Russian (after Snowball's stop lists), kept short on purpose.
 */
#include "stopwords.h"

#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "stem.h"

static const char *const stopwords[] = {
    /* sorted by strcmp (UTF-8 byte order) for bsearch */
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "been", "before", "being", "between", "both", "but",
    "by", "can", "could", "did", "do", "does", "doing", "during", "each",
    "few", "for", "from", "further", "had", "has", "have", "having", "he",
    "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into",
    "is", "it", "it's", "its", "itself", "just", "me", "more", "most", "my",
    "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
    "other", "our", "ours", "out", "over", "own", "same", "she", "should",
    "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "until", "up", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "yours",
    "а", "без", "бы", "был", "была", "были", "было", "быть", "в", "вам",
    "вас", "во", "вот", "все", "всех", "вы", "где", "да", "для", "до",
    "его", "ее", "ей", "если", "есть", "еще", "же", "за", "здесь", "и",
    "из", "или", "им", "их", "к", "как", "когда", "кто", "ли", "между",
    "мы", "на", "над", "нас", "не", "него", "нее", "нет", "ни", "но", "о",
    "об", "один", "он", "она", "они", "оно", "от", "по", "под", "после",
    "при", "про", "с", "со", "так", "также", "там", "те", "то", "только",
    "том", "тот", "у", "уже", "чем", "что", "чтобы", "эта", "эти", "это",
    "этот", "я",
};

static int compare(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

int hs_is_stopword(const char *word)
{
    return bsearch(word, stopwords, sizeof stopwords / sizeof *stopwords,
                   sizeof *stopwords, compare) != NULL;
}

/* The stems of the stop words, sorted, computed once. */
static char **stop_stems;
static size_t n_stop_stems;
static once_flag stems_once = ONCE_FLAG_INIT;

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void compute_stop_stems(void)
{
    size_t n_words = sizeof stopwords / sizeof *stopwords;
    hs_stemmer *st = hs_stemmer_new();
    char **stems = st ? calloc(n_words * HS_STEM_MAX_LANGS, sizeof *stems) : NULL;
    size_t n = 0;
    for (size_t i = 0; stems && i < n_words; i++) {
        const char *w = stopwords[i], *langs[HS_STEM_MAX_LANGS];
        size_t n_langs = hs_stem_query_langs(w, strlen(w), langs);
        for (size_t l = 0; l < n_langs; l++) {
            size_t len;
            const char *stem = hs_stem_lang(st, langs[l], w, strlen(w), &len);
            if (stem && (stems[n] = strndup(stem, len)) != NULL)
                n++;
        }
    }
    hs_stemmer_free(st);
    if (!stems)
        return; /* out of memory: no stem is a stop word's */
    qsort(stems, n, sizeof *stems, compare_strings);
    size_t unique = 0;
    for (size_t i = 0; i < n; i++) {
        if (unique && strcmp(stems[unique - 1], stems[i]) == 0)
            free(stems[i]);
        else
            stems[unique++] = stems[i];
    }
    stop_stems = stems;
    n_stop_stems = unique;
}

void hs_stop_stems_init(void)
{
    call_once(&stems_once, compute_stop_stems);
}

int hs_is_stop_stem(const char *stem, size_t len)
{
    hs_stop_stems_init();
    size_t lo = 0, hi = n_stop_stems;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *s = stop_stems[mid];
        int c = strncmp(s, stem, len);
        if (c == 0)
            c = s[len] != '\0'; /* s is longer: after stem */
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
