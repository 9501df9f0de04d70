/* date.h - recognising the date line of an article (internal). */
#ifndef HUSTINGS_DATE_H
#define HUSTINGS_DATE_H

#include <stddef.h>
#include <time.h>

/* If s[0..len), ignoring surrounding white space, is exactly one date in a
 * form newsrooms write, store it as "YYYY-MM-DD" in out and return 0;
 * otherwise return -1 and leave out untouched.  Accepted forms:
 *   February 20, 2023   Feb 20, 2023   Feb. 20 2023
 *   20 February 2023    20 Feb 2023    20 Feb. 2023
 *   2023-02-20          2023/02/20     20.02.2023
 * and in Russian and Kazakh:
 *   20 февраля 2023 года   20 февраля 2023 г.   20 февраля 2023   20 фев. 2023
 *   20 ақпан 2023 ж.       2023 жылғы 20 ақпан  2023 ж. 20 ақпан
 *   20.02.2023 г.          20.02.2023 ж.        20.02.2023 года
 * Month names in any case: English in full or abbreviated; Russian in the
 * genitive (февраля), the nominative (февраль) or abbreviated (янв фев
 * февр мар апр июн июл авг сен сент окт ноя нояб дек, with or without a
 * dot); Kazakh in full (қаңтар ақпан наурыз сәуір мамыр маусым шілде
 * тамыз қыркүйек қазан қараша желтоқсан), also in its 2018 and 2021
 * Latin alphabets (qańtar/qañtar ... naýryz/nauryz ... jeltoqsan: "2023
 * jylǵy 2 naýryz").  After the year a Russian month may take года, год or
 * г. and a Kazakh one жыл (jyl) or ж.; before the day, a Kazakh year takes
 * жылғы, жылы or ж. (jylǵy, jylğy, jyly).  The day must exist in that month
 * (leap years included); years 1000-9999.
 * A day name may come first ("Monday, March 20, 2023", "Mon, 20 Mar 2023",
 * "понедельник, 20 марта 2023 г.") and a time of day last ("20 February
 * 2023 10:15", "March 20, 2023, 10:15 GMT", "... at 9:05 am",
 * "2023-03-20 10:15:00 +06:00"), as news sites write datelines. */
int hs_date_parse(const char *s, size_t len, char out[11]);

/* If s[0..len) is a time ago, a whole number and a unit: "7d", "2w",
 * "3m", "1y" (days, weeks, months, years), store the day that long before
 * the day of `now` (UTC) as "YYYY-MM-DD" in out and return 0 ("0d" is
 * that day).  A month or a year back from a day the shorter month lacks
 * is that month's last day: 2024-03-31 less 1m is 2024-02-29, 2024-02-29
 * less 1y 2023-02-28.  -1, out untouched, when it is no such time, or
 * the day would fall before the year 1000. */
int hs_date_relative(const char *s, size_t len, time_t now, char out[11]);

#endif
