/* timestamp.h - publication times as pages and feeds write them (internal).
 *
 * Web pages give ISO 8601 ("2015-07-24T05:36:09+01:00"), feeds RFC 822
 * ("Fri, 24 Jul 2015 05:36:09 +0100"), and visible text the forms of
 * date.h ("July 24, 2015").  The parts are kept as written: the date is the
 * local date of the writer, not converted to UTC, so that an article dated
 * late in the evening in Almaty keeps its day.
 */
#ifndef HUSTINGS_TIMESTAMP_H
#define HUSTINGS_TIMESTAMP_H

#include <stddef.h>

#include "article.h"
#include "buf.h"

typedef struct hs_timestamp {
    int year, month, day;
    int has_time;          /* hour, minute, second are known */
    int hour, minute, second;
    int has_offset;        /* offset_minutes is known ("Z" is +00:00) */
    int offset_minutes;    /* east of UTC */
} hs_timestamp;

/* Parse s[0..len) (surrounding white space ignored) as one timestamp in
 * any of the forms above.  0, or -1 when it is not one (the day must exist,
 * years 1000-9999, hours 0-23, offsets within +-14:00). */
int hs_timestamp_parse(const char *s, size_t len, hs_timestamp *t);

/* "YYYY-MM-DD" into out. */
void hs_timestamp_date(const hs_timestamp *t, char out[11]);

/* Append the timestamp in ISO 8601 with as much as is known:
 * "2015-07-24", "2015-07-24T05:36:09" or "2015-07-24T05:36:09+01:00".
 * 0 or -1 (out of memory). */
int hs_timestamp_format(const hs_timestamp *t, hs_buf *out);

/* Set the article's date from t.  This is the one place where readers
 * store a publication time, so that the full timestamp (hs_timestamp_format)
 * can be stored beside the day once hs_article has a field for it.
 * 0 or -1 (out of memory). */
int hs_article_set_timestamp(hs_article *a, const hs_timestamp *t);

#endif
