/* check.h - the assertions of the C unit tests.
 *
 * Each test program includes this, calls CHECK* as often as it likes and
 * ends main() with `return check_done();`.  A failed check prints the file,
 * line and both values and the program goes on, so one run shows every
 * failure.  A program that ran no check fails.  Exit status: 0 all
 * passed, 1 some failed or none ran, 77 skipped (automake's convention),
 * 99 hard error.
 */
#ifndef HUSTINGS_CHECK_H
#define HUSTINGS_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                        \
    do {                                                                   \
        check_count++;                                                     \
        if (!(cond)) {                                                     \
            check_failures++;                                              \
            fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__,         \
                    __LINE__, #cond);                                      \
        }                                                                  \
    } while (0)

#define CHECK_INT(got, want)                                               \
    do {                                                                   \
        long long g_ = (long long)(got), w_ = (long long)(want);           \
        check_count++;                                                     \
        if (g_ != w_) {                                                    \
            check_failures++;                                              \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n",          \
                    __FILE__, __LINE__, #got, g_, w_);                     \
        }                                                                  \
    } while (0)

#define CHECK_STR(got, want)                                               \
    do {                                                                   \
        const char *g_ = (got), *w_ = (want);                              \
        check_count++;                                                     \
        if ((g_ == NULL) != (w_ == NULL) ||                                \
            (g_ && strcmp(g_, w_) != 0)) {                                 \
            check_failures++;                                              \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n",      \
                    __FILE__, __LINE__, #got, g_ ? g_ : "(null)",          \
                    w_ ? w_ : "(null)");                                   \
        }                                                                  \
    } while (0)

/* 0 when every check passed; 1 when one failed, or when none ran (a test
 * that checked nothing proves nothing). */
static inline int check_done(void)
{
    printf("%d checks, %d failed\n", check_count, check_failures);
    if (check_count == 0)
        fprintf(stderr, "no check ran\n");
    return check_failures || check_count == 0 ? 1 : 0;
}

/* Directory of the shared data beside the repository, or NULL (the test
 * should then exit 77) when it is absent outside CI.  In CI (CI=true) a
 * missing ../shared is a hard error. */
static inline const char *check_shared_dir(void)
{
    const char *d = getenv("HUSTINGS_SHARED");
    if (!d || !*d) {
        fprintf(stderr, "HUSTINGS_SHARED not set\n");
        return NULL;
    }
    FILE *f;
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/seeds", d);
    f = fopen(probe, "r");
    if (!f) {
        const char *ci = getenv("CI");
        if (ci && strcmp(ci, "true") == 0) {
            fprintf(stderr, "%s is missing, and CI must run this test\n", probe);
            exit(99);
        }
        fprintf(stderr, "%s is missing: skipping\n", probe);
        return NULL;
    }
    fclose(f);
    return d;
}

#endif
