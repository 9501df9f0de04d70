/* file_dates.h - the dates of a file's articles: their own, or, when asked,
 * the file's modification time (internal). */
#ifndef HUSTINGS_FILE_DATES_H
#define HUSTINGS_FILE_DATES_H

#include <stddef.h>

#include "article.h"
#include "filestate.h"

/* The day of a modification time, "YYYY-MM-DD" in local time (the day
 * `ls -l` shows and `touch -d` sets). */
void hs_mtime_date(long long mtime_ns, char out[11]);

/* How the n articles of a file are dated (filestate.h); with use, each
 * that gives no date of its own is given the day of mtime_ns first, and
 * marked as dated so (hs_article.date_from_mtime).  That day goes into
 * date (for HS_DATES_MTIME; else date is "").  -1 when out of memory. */
int hs_date_articles(hs_article *const *articles, size_t n, long long mtime_ns, int use,
                     hs_dates *dates, char date[11]);

/* Whether a run that dates by modification time must read a file again
 * that it would otherwise leave alone: its dates are not recorded, some
 * article is undated, or it is dated by another day than mtime_ns's. */
int hs_dates_stale(const hs_filestate *fs, long long mtime_ns);

#endif
