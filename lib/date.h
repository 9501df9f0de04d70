/* date.h - recognising the date line of an article (internal). */
#ifndef HUSTINGS_DATE_H
#define HUSTINGS_DATE_H

#include <stddef.h>

/* If s[0..len), ignoring surrounding white space, is exactly one date in a
 * form newsrooms write, store it as "YYYY-MM-DD" in out and return 0;
 * otherwise return -1 and leave out untouched.  Accepted forms:
 *   February 20, 2023   Feb 20, 2023   Feb. 20 2023
 *   20 February 2023    20 Feb 2023    20 Feb. 2023
 *   2023-02-20          2023/02/20     20.02.2023
 * Month names in English, any case.  The day must exist in that month
 * (leap years included); years 1000-9999. */
int hs_date_parse(const char *s, size_t len, char out[11]);

#endif
