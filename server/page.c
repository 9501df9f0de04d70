/* page.c - the search page at /, its style sheet, script and icon, served
 * from memory (embed.sh compiles them in): no file is read at run time. */
#include <string.h>

#include "assets.h"
#include "serve.h"

static const struct {
    const char *path;
    const char *file;
    const char *type;
} pages[] = {
    { "/", "page.html", "text/html; charset=utf-8" },
    { "/hustings.css", "page.css", "text/css; charset=utf-8" },
    { "/hustings.js", "page.js", "text/javascript; charset=utf-8" },
    { "/favicon.svg", "favicon.svg", "image/svg+xml" },
};

int page_serve(const char *path, response *rs)
{
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        if (strcmp(path, pages[i].path) != 0)
            continue;
        for (const embedded_file *f = embedded_files; f->name; f++) {
            if (strcmp(f->name, pages[i].file) != 0)
                continue;
            if (rs) {
                rs->status = MHD_HTTP_OK;
                rs->type = pages[i].type;
                rs->data = f->data;
                rs->len = f->len;
                rs->page = 1;
            }
            return 1;
        }
    }
    return 0;
}
