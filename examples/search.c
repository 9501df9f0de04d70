/* search.c - a small program on libhustings: the best passages of an index
 * for a query, with the matched words in [brackets].
 *
 *   search INDEX QUERY...
 *
 * It uses only the public API (<hustings.h>) and builds as any program of
 * a newsroom would, through pkg-config:
 *
 *   cc -o search search.c $(pkg-config --cflags --libs hustings)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hustings.h>

#define RESULTS 5

/* The command-line words joined by spaces, as the shell split them; the
 * caller frees it.  NULL when out of memory. */
static char *join_words(int n, char **words)
{
    size_t len = 1;
    for (int i = 0; i < n; i++)
        len += strlen(words[i]) + 1;
    char *s = malloc(len);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i > 0)
            strcat(s, " ");
        strcat(s, words[i]);
    }
    return s;
}

/* The passage's text with each highlight range in brackets.  The ranges
 * are sorted and do not overlap, so one pass over them does. */
static void print_marked(hustings_passage_t *p)
{
    const char *text = hustings_passage_get_text(p);
    size_t at = 0, start, end;
    for (unsigned i = 0; hustings_passage_get_highlight(p, i, &start, &end) == 0; i++) {
        printf("%.*s[%.*s]", (int)(start - at), text + at, (int)(end - start), text + start);
        at = end;
    }
    printf("%s\n", text + at);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s INDEX QUERY...\n", argv[0]);
        return 2;
    }

    hustings_index_t *index = NULL;
    hustings_query_t *query = NULL;
    hustings_passages_t *passages = NULL;
    char *message = NULL;
    char *query_string = join_words(argc - 2, argv + 2);
    int status = 2;

    hustings_status_t st = query_string
        ? hustings_index_open(argv[1], HUSTINGS_INDEX_MODE_READ_ONLY, &index, &message)
        : HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st != HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "%s: %s\n", argv[0], message ? message : hustings_status_to_string(st));
        goto done;
    }
    st = hustings_query_create(index, query_string, &query);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        hustings_query_set_limit(query, RESULTS);
        st = hustings_query_search(query, &passages);
    }
    if (st != HUSTINGS_STATUS_SUCCESS) {
        /* the index keeps the details, e.g. where a query went wrong */
        const char *why = hustings_index_get_error(index);
        fprintf(stderr, "%s: %s\n", argv[0], *why ? why : hustings_status_to_string(st));
        goto done;
    }

    for (; hustings_passages_valid(passages); hustings_passages_move_to_next(passages)) {
        hustings_passage_t *p = hustings_passages_get(passages);
        const char *title = hustings_passage_get_title(p);
        printf("%u. %s\n", hustings_passage_get_rank(p), *title ? title : "(untitled)");
        print_marked(p);
    }
    status = hustings_passages_count(passages) > 0 ? 0 : 1;
    if (status == 1)
        printf("no passage matches\n");

done:
    /* destroy in this order: results and query before their index */
    hustings_passages_destroy(passages);
    hustings_query_destroy(query);
    hustings_index_close(index);
    free(message);
    free(query_string);
    return status;
}
