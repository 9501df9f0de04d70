/* stopwords.c - words too common to be required by a query or to be
 * given positions in the index.
 *
 * A stop word still counts for ranking and inside phrases; it is only not
 * *required*, so "date of the general election" needs date, general and
 * election.  The lists are the most frequent function words of English and
 * Russian (after Snowball's stop lists), kept short on purpose.
 */
#include "stopwords.h"

#include <stdlib.h>
#include <string.h>

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

/* Longer than any stop word, in bytes (the longest, "только", has 12). */
#define LONGEST 16

static int compare(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

int hs_is_stopword(const char *word)
{
    return bsearch(word, stopwords, sizeof stopwords / sizeof *stopwords,
                   sizeof *stopwords, compare) != NULL;
}

int hs_is_stopword_len(const char *word, size_t len)
{
    char copy[LONGEST + 1];
    if (len > LONGEST)
        return 0;
    memcpy(copy, word, len);
    copy[len] = '\0';
    return hs_is_stopword(copy);
}
