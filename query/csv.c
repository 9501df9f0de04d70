/* csv.c - passages as CSV rows (RFC 4180); see csv.h. */
#include "csv.h"

#include <string.h>

/* A field, quoted when it must be; NULL is an empty field.  Text that
 * begins as a spreadsheet formula does (=, +, -, @, a tab or a carriage
 * return) gets a ' before it, as OWASP advises for CSV meant for
 * spreadsheets: an article's text must not run as a formula or a link
 * when the file is opened. */
static void put_field(FILE *out, const char *s)
{
    if (!s)
        return;
    int formula = *s && strchr("=+-@\t\r", *s);
    if (!formula && !s[strcspn(s, ",\"\r\n")]) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    if (formula)
        fputc('\'', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

int csv_header(FILE *out)
{
    fputs("rank,score,path,title,date,source,lang,passage,paragraph,text\r\n", out);
    return ferror(out) ? -1 : 0;
}

int csv_passage(FILE *out, hustings_passage_t *p)
{
    fprintf(out, "%u,%.6f,", hustings_passage_get_rank(p), hustings_passage_get_score(p));
    put_field(out, hustings_passage_get_path(p));
    fputc(',', out);
    put_field(out, hustings_passage_get_title(p));
    fputc(',', out);
    put_field(out, hustings_passage_get_date(p));
    fputc(',', out);
    put_field(out, hustings_passage_get_source(p));
    fputc(',', out);
    put_field(out, hustings_passage_get_lang(p));
    fprintf(out, ",%u,%u,", hustings_passage_get_ordinal(p), hustings_passage_get_paragraph(p));
    put_field(out, hustings_passage_get_text(p));
    fputs("\r\n", out);
    return ferror(out) ? -1 : 0;
}
