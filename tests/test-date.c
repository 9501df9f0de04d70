/* test-date.c - hs_date_parse: the accepted forms and what it refuses;
 * hs_date_relative: times ago ("7d", "3m") counted back from a day. */
#include <string.h>
#include <time.h>

#include "check.h"
#include "date.h"

/* The ISO date hs_date_parse makes of s, or "-" when it refuses it. */
static const char *parse(const char *s)
{
    static char out[11];
    strcpy(out, "untouched");
    if (hs_date_parse(s, strlen(s), out) < 0)
        return strcmp(out, "untouched") == 0 ? "-" : "refused but wrote out";
    return out;
}

static void test_accepted_forms(void)
{
    CHECK_STR(parse("February 20, 2023"), "2023-02-20");
    CHECK_STR(parse("Feb 20, 2023"), "2023-02-20");
    CHECK_STR(parse("Feb. 20 2023"), "2023-02-20");
    CHECK_STR(parse("Feb. 20, 2023"), "2023-02-20");
    CHECK_STR(parse("February 20 2023"), "2023-02-20");
    CHECK_STR(parse("Feb 20,2023"), "2023-02-20");
    CHECK_STR(parse("20 February 2023"), "2023-02-20");
    CHECK_STR(parse("20 Feb 2023"), "2023-02-20");
    CHECK_STR(parse("20 Feb. 2023"), "2023-02-20");
    CHECK_STR(parse("2023-02-20"), "2023-02-20");
    CHECK_STR(parse("2023/02/20"), "2023-02-20");
    CHECK_STR(parse("20.02.2023"), "2023-02-20");
}

static void test_every_month(void)
{
    CHECK_STR(parse("January 1, 2024"), "2024-01-01");
    CHECK_STR(parse("Jan. 31, 2024"), "2024-01-31");
    CHECK_STR(parse("March 3, 2024"), "2024-03-03");
    CHECK_STR(parse("Mar 3, 2024"), "2024-03-03");
    CHECK_STR(parse("April 30, 2024"), "2024-04-30");
    CHECK_STR(parse("Apr. 30 2024"), "2024-04-30");
    CHECK_STR(parse("May 5, 2024"), "2024-05-05");
    CHECK_STR(parse("May. 5 2024"), "2024-05-05");
    CHECK_STR(parse("June 6 2024"), "2024-06-06");
    CHECK_STR(parse("Jun 6 2024"), "2024-06-06");
    CHECK_STR(parse("July 7 2024"), "2024-07-07");
    CHECK_STR(parse("Jul. 7 2024"), "2024-07-07");
    CHECK_STR(parse("August 8 2024"), "2024-08-08");
    CHECK_STR(parse("Aug 8 2024"), "2024-08-08");
    CHECK_STR(parse("September 9 2024"), "2024-09-09");
    CHECK_STR(parse("Sep. 9 2024"), "2024-09-09");
    CHECK_STR(parse("Sept. 9 2024"), "2024-09-09");
    CHECK_STR(parse("October 10 2024"), "2024-10-10");
    CHECK_STR(parse("Oct 10 2024"), "2024-10-10");
    CHECK_STR(parse("November 11 2024"), "2024-11-11");
    CHECK_STR(parse("11 Nov 2024"), "2024-11-11");
    CHECK_STR(parse("December 31 2024"), "2024-12-31");
    CHECK_STR(parse("31 Dec. 2024"), "2024-12-31");
}

static void test_case_and_white_space(void)
{
    CHECK_STR(parse("FEBRUARY 20, 2023"), "2023-02-20");
    CHECK_STR(parse("february 20, 2023"), "2023-02-20");
    CHECK_STR(parse("fEb. 20 2023"), "2023-02-20");
    CHECK_STR(parse("20 fEBRUARY 2023"), "2023-02-20");
    CHECK_STR(parse("  February 20, 2023  "), "2023-02-20");
    CHECK_STR(parse("\t2023-02-20\r\n"), "2023-02-20");
    CHECK_STR(parse("\n\n20.02.2023\n"), "2023-02-20");
    CHECK_STR(parse("February   20,\t2023"), "2023-02-20");
    CHECK_STR(parse("20\t Feb \t2023"), "2023-02-20");
    CHECK_STR(parse("20\xC2\xA0" "Feb\xC2\xA0" "2023"), "2023-02-20"); /* NBSP */
    CHECK_STR(parse("\xE2\x80\x83" "2023-02-20\xE3\x80\x80"), "2023-02-20");
    CHECK_STR(parse("Feb\n20, 2023"), "-"); /* one line only */
    CHECK_STR(parse("Feb20, 2023"), "-");
    CHECK_STR(parse("20Feb 2023"), "-");
    CHECK_STR(parse("20 Feb2023"), "-");
    CHECK_STR(parse("2023 - 02 - 20"), "-");
}

static void test_day_must_exist(void)
{
    CHECK_STR(parse("Feb 29, 2023"), "-");
    CHECK_STR(parse("Feb 29, 2024"), "2024-02-29");
    CHECK_STR(parse("29.02.2000"), "2000-02-29");  /* divisible by 400 */
    CHECK_STR(parse("29.02.1900"), "-");           /* by 100, not 400 */
    CHECK_STR(parse("2023-02-28"), "2023-02-28");
    CHECK_STR(parse("2023-02-30"), "-");
    CHECK_STR(parse("April 31, 2023"), "-");
    CHECK_STR(parse("31 Apr 2023"), "-");
    CHECK_STR(parse("June 31 2023"), "-");
    CHECK_STR(parse("Sept 31 2023"), "-");
    CHECK_STR(parse("Nov 31 2023"), "-");
    CHECK_STR(parse("Jan 32 2023"), "-");
    CHECK_STR(parse("Jan 0 2023"), "-");
    CHECK_STR(parse("2023-13-01"), "-");
    CHECK_STR(parse("2023/00/10"), "-");
    CHECK_STR(parse("01.13.2023"), "-");
    CHECK_STR(parse("00.01.2023"), "-");
    CHECK_STR(parse("2023-1-5"), "2023-01-05");
    CHECK_STR(parse("5.1.2023"), "2023-01-05");
    CHECK_STR(parse("Feb 05, 2023"), "2023-02-05");
}

static void test_years(void)
{
    CHECK_STR(parse("Jan 1, 1000"), "1000-01-01");
    CHECK_STR(parse("9999-12-31"), "9999-12-31");
    CHECK_STR(parse("Jan 1, 999"), "-");
    CHECK_STR(parse("Jan 1, 0999"), "-");
    CHECK_STR(parse("0999-01-01"), "-");
    CHECK_STR(parse("Jan 1, 10000"), "-");
    CHECK_STR(parse("10000-01-01"), "-");
    CHECK_STR(parse("01.01.23"), "-");
    CHECK_STR(parse("23-02-20"), "-");
}

static void test_garbage(void)
{
    CHECK_STR(parse(""), "-");
    CHECK_STR(parse("   "), "-");
    CHECK_STR(parse("February"), "-");
    CHECK_STR(parse("February 2023"), "-");
    CHECK_STR(parse("20 February"), "-");
    CHECK_STR(parse("Febr 20, 2023"), "-");
    CHECK_STR(parse("Fe 20, 2023"), "-");
    CHECK_STR(parse("Smarch 20, 2023"), "-");
    CHECK_STR(parse("February. 20, 2023"), "-"); /* a dot only after a short form */
    CHECK_STR(parse("Feb.. 20, 2023"), "-");
    CHECK_STR(parse("Feb 20th, 2023"), "-");
    CHECK_STR(parse("20-02-2023"), "-");
    CHECK_STR(parse("2023.02.20"), "-");
    CHECK_STR(parse("2023-02/20"), "-");  /* mixed separators */
    CHECK_STR(parse("2023-002-20"), "-");
    CHECK_STR(parse("20230220"), "-");
    CHECK_STR(parse("Candidates for deputies of the Mazhilis"), "-");
    CHECK_STR(parse("\xFF\xFE"), "-");
    CHECK_STR(parse("\xD1\x84\xD0\xB5\xD0\xB2 20, 2023"), "-"); /* "фев" */
}

static void test_trailing_and_leading_text(void)
{
    CHECK_STR(parse("February 20, 2023 12:00 in Almaty"), "-");
    CHECK_STR(parse("February 20, 2023 12:00 noon"), "-");
    CHECK_STR(parse("February 20, 2023."), "-");
    CHECK_STR(parse("February 20, 2023,"), "-");
    CHECK_STR(parse("2023-02-20T10:00"), "-");
    CHECK_STR(parse("2023-02-20 2023-02-21"), "-");
    CHECK_STR(parse("Monday February 20, 2023 news"), "-");
    CHECK_STR(parse("On February 20, 2023"), "-");
    CHECK_STR(parse("20 Feb 2023 x"), "-");
}

static void test_russian(void)
{
    CHECK_STR(parse("20 февраля 2023 года"), "2023-02-20");
    CHECK_STR(parse("20 февраля 2023 г."), "2023-02-20");
    CHECK_STR(parse("20 февраля 2023 г"), "2023-02-20");
    CHECK_STR(parse("20 февраля 2023г."), "2023-02-20");
    CHECK_STR(parse("20 февраля 2023 год"), "2023-02-20");
    CHECK_STR(parse("20 февраля 2023"), "2023-02-20");
    CHECK_STR(parse("20 ФЕВРАЛЯ 2023 ГОДА"), "2023-02-20");
    CHECK_STR(parse("20 Февраля 2023 Г."), "2023-02-20");
    CHECK_STR(parse("20 февраль 2023"), "2023-02-20");   /* nominative */
    CHECK_STR(parse("20 фев. 2023"), "2023-02-20");
    CHECK_STR(parse("20 февр 2023 г."), "2023-02-20");
    CHECK_STR(parse("  29 марта 2023 года\n"), "2023-03-29");
    CHECK_STR(parse("29\xC2\xA0марта\xC2\xA0" "2023\xC2\xA0г."), "2023-03-29");
    CHECK_STR(parse("1 января 2024 года"), "2024-01-01");
    CHECK_STR(parse("30 апреля 2024"), "2024-04-30");
    CHECK_STR(parse("9 мая 2024"), "2024-05-09");
    CHECK_STR(parse("9 май 2024"), "2024-05-09");
    CHECK_STR(parse("12 июня 2024"), "2024-06-12");
    CHECK_STR(parse("6 июля 2024"), "2024-07-06");
    CHECK_STR(parse("30 августа 2024"), "2024-08-30");
    CHECK_STR(parse("1 сентября 2024"), "2024-09-01");
    CHECK_STR(parse("1 сент. 2024"), "2024-09-01");
    CHECK_STR(parse("25 октября 2024"), "2024-10-25");
    CHECK_STR(parse("7 ноября 2024"), "2024-11-07");
    CHECK_STR(parse("7 нояб. 2024"), "2024-11-07");
    CHECK_STR(parse("16 декабря 2024"), "2024-12-16");
    CHECK_STR(parse("20.02.2023 г."), "2023-02-20");
    CHECK_STR(parse("20.02.2023 года"), "2023-02-20");
    CHECK_STR(parse("20.02.2023г."), "2023-02-20");
}

static void test_kazakh(void)
{
    CHECK_STR(parse("2023 жылғы 20 ақпан"), "2023-02-20");
    CHECK_STR(parse("2023 жылы 20 ақпан"), "2023-02-20");
    CHECK_STR(parse("2023 ж. 20 ақпан"), "2023-02-20");
    CHECK_STR(parse("2023 Жылғы 20 АҚПАН"), "2023-02-20");
    CHECK_STR(parse("20 ақпан 2023 ж."), "2023-02-20");
    CHECK_STR(parse("20 ақпан 2023 жыл"), "2023-02-20");
    CHECK_STR(parse("20 ақпан 2023"), "2023-02-20");
    CHECK_STR(parse("20.02.2023 ж."), "2023-02-20");
    CHECK_STR(parse("2023 жылғы 25 қаңтар"), "2023-01-25");
    /* in the 2018 and 2021 Latin alphabets, every month */
    CHECK_STR(parse("2023 jylǵy 2 naýryz"), "2023-03-02");
    CHECK_STR(parse("2023 jylğy 11 nauryz"), "2023-03-11");
    CHECK_STR(parse("2023 Jyly 3 Aqpan"), "2023-02-03");
    CHECK_STR(parse("20 naýryz 2023 jyl"), "2023-03-20");
    static const char *const latin[][2] = {
        { "qańtar", "qañtar" }, { "aqpan", "aqpan" }, { "naýryz", "nauryz" },
        { "sáýir", "säuır" }, { "mamyr", "mamyr" }, { "maýsym", "mausym" },
        { "shilde", "şılde" }, { "tamyz", "tamyz" }, { "qyrkúıek", "qyrküiek" },
        { "qazan", "qazan" }, { "qarasha", "qaraşa" }, { "jeltoqsan", "jeltoqsan" },
    };
    for (int m = 0; m < 12; m++)
        for (int v = 0; v < 2; v++) {
            char line[64], want[11];
            snprintf(line, sizeof line, "2024 jylǵy 9 %s", latin[m][v]);
            snprintf(want, sizeof want, "2024-%02d-09", m + 1);
            CHECK_STR(parse(line), want);
        }
    CHECK_STR(parse("2023 жылғы 19 наурыз"), "2023-03-19");
    CHECK_STR(parse("2024 жылғы 30 сәуір"), "2024-04-30");
    CHECK_STR(parse("2024 жылғы 1 мамыр"), "2024-05-01");
    CHECK_STR(parse("2024 жылғы 6 маусым"), "2024-06-06");
    CHECK_STR(parse("2024 жылғы 6 шілде"), "2024-07-06");
    CHECK_STR(parse("2024 жылғы 30 тамыз"), "2024-08-30");
    CHECK_STR(parse("2024 жылғы 1 қыркүйек"), "2024-09-01");
    CHECK_STR(parse("2024 жылғы 25 қазан"), "2024-10-25");
    CHECK_STR(parse("2024 жылғы 7 қараша"), "2024-11-07");
    CHECK_STR(parse("2024 жылғы 16 желтоқсан"), "2024-12-16");
    CHECK_STR(parse("20 наурыз 2023 ж."), "2023-03-20");
}

static void test_cyrillic_refused(void)
{
    CHECK_STR(parse("30 февраля 2023 года"), "-");
    CHECK_STR(parse("29 ақпан 2023 ж."), "-");
    CHECK_STR(parse("2024 жылғы 29 ақпан"), "2024-02-29");
    CHECK_STR(parse("20 февраля"), "-");
    CHECK_STR(parse("февраль 2023"), "-");
    CHECK_STR(parse("февраля 20, 2023"), "-");    /* no month-first form */
    CHECK_STR(parse("20 февраля 2023 года."), "-");
    CHECK_STR(parse("20 февраля 2023 года в 10:00"), "-");
    CHECK_STR(parse("20 февраля 2023 ж."), "-");  /* Russian month, Kazakh year */
    CHECK_STR(parse("20 ақпан 2023 года"), "-");  /* and the other way round */
    CHECK_STR(parse("2023 жылғы 20 февраля"), "-");
    CHECK_STR(parse("2023 года 20 февраля"), "-");
    CHECK_STR(parse("2023 20 ақпан"), "-");
    CHECK_STR(parse("2023 жылғы20 ақпан"), "-");
    CHECK_STR(parse("20февраля 2023"), "-");
    CHECK_STR(parse("20 февраля2023"), "-");
    CHECK_STR(parse("20 февралька 2023"), "-");
    CHECK_STR(parse("20 фе 2023"), "-");
    CHECK_STR(parse("20 мая. 2023"), "-");        /* a dot only after a short form */
    CHECK_STR(parse("20 Feb 2023 г."), "-");      /* English forms stay as they were */
    CHECK_STR(parse("20.02.2023 x"), "-");
    CHECK_STR(parse("20.02.2023 гг."), "-");
    CHECK_STR(parse("Выборы назначены на 19 марта 2023 года"), "-");
    CHECK_STR(parse("20 февраля 2023 года года"), "-");
}

static void test_length_is_respected(void)
{
    char out[11];
    const char *s = "2023-02-20 and more";
    CHECK_INT(hs_date_parse(s, 10, out), 0);
    CHECK_STR(out, "2023-02-20");
    CHECK_INT(hs_date_parse(s, 9, out), 0);     /* "2023-02-2" */
    CHECK_STR(out, "2023-02-02");
    CHECK_INT(hs_date_parse(s, 8, out), -1);    /* "2023-02-" */
    CHECK_INT(hs_date_parse("Feb 20, 2023", 11, out), -1); /* "Feb 20, 202" */
    CHECK_INT(hs_date_parse(s, 0, out), -1);
}

/* A day name before the date and a time of day after it, as news sites
 * write their datelines; neither alone, nor a sentence, is a date. */
static void test_day_names_and_times(void)
{
    CHECK_STR(parse("Monday, March 20, 2023"), "2023-03-20");
    CHECK_STR(parse("Mon, 20 Mar 2023"), "2023-03-20");
    CHECK_STR(parse("Tue. 21 March 2023"), "2023-03-21");
    CHECK_STR(parse("\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB5\xD0\xB4\xD0\xB5\xD0\xBB\xD1\x8C\xD0\xBD\xD0\xB8\xD0\xBA, "
                    "20 \xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0 2023 \xD0\xB3."),
              "2023-03-20"); /* понедельник, 20 марта 2023 г. */
    CHECK_STR(parse("20 February 2023 10:15"), "2023-02-20");
    CHECK_STR(parse("March 20, 2023, 10:15 GMT"), "2023-03-20");
    CHECK_STR(parse("March 20, 2023 at 9:05 am"), "2023-03-20");
    CHECK_STR(parse("Tuesday, 21 March 2023 | 10:15 BST"), "2023-03-21");
    CHECK_STR(parse("2023-03-20 10:15:00 +06:00"), "2023-03-20");
    CHECK_STR(parse("20.03.2023 10:15"), "2023-03-20");
    CHECK_STR(parse("Monday"), "-");
    CHECK_STR(parse("10:15"), "-");
    CHECK_STR(parse("Mon 2023"), "-");
    CHECK_STR(parse("Friday night"), "-");
    CHECK_STR(parse("Monday, March 20, 2023 was the day"), "-");
    CHECK_STR(parse("March 20, 2023 10:15 and more"), "-");
    CHECK_STR(parse("Monday, February 30, 2023"), "-"); /* no such day */
}

/* The day hs_date_relative makes of s, counted back from the UTC day
 * ymd (noon), or "-" when it refuses s. */
static const char *ago(const char *s, int y, int m, int d)
{
    static char out[11];
    struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12 };
    strcpy(out, "untouched");
    if (hs_date_relative(s, strlen(s), timegm(&tm), out) < 0)
        return strcmp(out, "untouched") == 0 ? "-" : "refused but wrote out";
    return out;
}

static void test_relative(void)
{
    CHECK_STR(ago("0d", 2024, 3, 31), "2024-03-31");
    CHECK_STR(ago("7d", 2024, 3, 31), "2024-03-24");
    CHECK_STR(ago("31d", 2024, 3, 31), "2024-02-29");
    CHECK_STR(ago("366d", 2024, 3, 31), "2023-03-31");   /* over 29 February */
    CHECK_STR(ago("2w", 2024, 3, 31), "2024-03-17");
    CHECK_STR(ago("10w", 2024, 1, 5), "2023-10-27");
    /* months and years keep the day, or take the shorter month's last */
    CHECK_STR(ago("1m", 2024, 3, 31), "2024-02-29");
    CHECK_STR(ago("1m", 2023, 3, 31), "2023-02-28");
    CHECK_STR(ago("3m", 2024, 3, 31), "2023-12-31");
    CHECK_STR(ago("13m", 2024, 3, 31), "2023-02-28");
    CHECK_STR(ago("1m", 2024, 5, 15), "2024-04-15");
    CHECK_STR(ago("12m", 2024, 5, 15), "2023-05-15");
    CHECK_STR(ago("1y", 2024, 2, 29), "2023-02-28");
    CHECK_STR(ago("4y", 2024, 2, 29), "2020-02-29");
    CHECK_STR(ago("1y", 2024, 12, 31), "2023-12-31");
    CHECK_STR(ago("007d", 2024, 3, 31), "2024-03-24");
    /* far back: years from 1000 only */
    CHECK_STR(ago("1024y", 2024, 3, 31), "1000-03-31");
    CHECK_STR(ago("1025y", 2024, 3, 31), "-");
    CHECK_STR(ago("12289m", 2024, 3, 31), "1000-02-28");  /* 1000 was no leap year */
    CHECK_STR(ago("12290m", 2024, 3, 31), "1000-01-31");
    CHECK_STR(ago("12291m", 2024, 3, 31), "-");
    CHECK_STR(ago("999999d", 2024, 3, 31), "-");
    /* not a time ago */
    const char *refused[] = { "", "d", "7", "7x", "7D", "-7d", "+7d", "7 d", " 7d", "7d ",
                              "1.5y", "1234567d", "7dd", "d7", "2005", "2005-04" };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
        CHECK_STR(ago(refused[i], 2024, 3, 31), "-");
    char out[11] = "untouched";
    CHECK_INT(hs_date_relative(NULL, 2, 0, out), -1);
    CHECK_STR(out, "untouched");
}

int main(void)
{
    test_accepted_forms();
    test_every_month();
    test_case_and_white_space();
    test_day_must_exist();
    test_years();
    test_garbage();
    test_trailing_and_leading_text();
    test_russian();
    test_kazakh();
    test_cyrillic_refused();
    test_length_is_respected();
    test_day_names_and_times();
    test_relative();
    return check_done();
}
