/* walk.h - finding the article files under a folder (internal). */
#ifndef HUSTINGS_WALK_H
#define HUSTINGS_WALK_H

#include <stddef.h>
#include <sys/stat.h>

typedef struct hs_walk_options {
    int follow_links;            /* follow symbolic links (loops are caught) */
    const char *const *excludes; /* fnmatch(3) globs, matched against the
                                    name and the path below the root */
    size_t n_excludes;
} hs_walk_options;

/* Called for each candidate file, in byte order of names, folder by folder
 * (depth first); non-zero stops the walk and is returned. */
typedef int (*hs_walk_file_fn)(void *ctx, const char *path, const struct stat *st);
/* Called for each path that cannot be walked or read as a file. */
typedef void (*hs_walk_problem_fn)(void *ctx, const char *path, const char *reason);

/* True for the names the walk treats as articles: .txt, .text, .html,
 * .htm, .xhtml, .xml, .rss, .atom, .rdf (any case). */
int hs_walk_is_article_name(const char *name);

/* Walk `root`: a folder, recursively, or a single file (read whatever its
 * name).  Hidden entries (".name") are skipped; so are symbolic links
 * unless follow_links.  Returns 0, the callback's value, or -1 when out of
 * memory.  A root that cannot be read is reported and gives 0. */
int hs_walk(const char *root, const hs_walk_options *opt, hs_walk_file_fn file,
            hs_walk_problem_fn problem, void *ctx);

#endif
