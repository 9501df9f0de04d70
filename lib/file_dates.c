/* file_dates.c - dating articles by their file's modification time; see
 * file_dates.h. */
#include "file_dates.h"

#include <string.h>
#include <time.h>

void hs_mtime_date(long long mtime_ns, char out[11])
{
    time_t t = (time_t)(mtime_ns / 1000000000LL);
    struct tm tm;
    if (!localtime_r(&t, &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
        strcpy(out, "1970-01-01");
}

int hs_date_articles(hs_article *const *articles, size_t n, long long mtime_ns, int use,
                     hs_dates *dates, char date[11])
{
    size_t undated = 0;
    date[0] = '\0';
    for (size_t i = 0; i < n; i++)
        undated += articles[i]->date == NULL;
    *dates = !undated ? HS_DATES_OWN : use ? HS_DATES_MTIME : HS_DATES_NONE;
    if (*dates != HS_DATES_MTIME)
        return 0;
    hs_mtime_date(mtime_ns, date);
    for (size_t i = 0; i < n; i++) {
        if (articles[i]->date)
            continue;
        if (hs_article_set_date(articles[i], date, 10) < 0)
            return -1;
        articles[i]->date_from_mtime = 1;
    }
    return 0;
}

int hs_dates_stale(const hs_filestate *fs, long long mtime_ns)
{
    if (fs->dates == HS_DATES_OWN)
        return 0;
    if (fs->dates != HS_DATES_MTIME)
        return 1;
    char date[11];
    hs_mtime_date(mtime_ns, date);
    return strcmp(date, fs->mtime_date) != 0;
}
