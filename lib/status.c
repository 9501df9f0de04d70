/* status.c - status descriptions and the library version. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hustings.h"

static const char *const messages[HUSTINGS_STATUS_LAST_STATUS] = {
    [HUSTINGS_STATUS_SUCCESS] = "no error",
    [HUSTINGS_STATUS_OUT_OF_MEMORY] = "out of memory",
    [HUSTINGS_STATUS_NULL_POINTER] = "a required argument was NULL",
    [HUSTINGS_STATUS_FILE_ERROR] = "a file could not be read",
    [HUSTINGS_STATUS_BAD_ARTICLE] = "the file holds no article",
    [HUSTINGS_STATUS_INDEX_NOT_FOUND] = "no index at that path",
    [HUSTINGS_STATUS_INDEX_LOCKED] = "the index is locked by another writer",
    [HUSTINGS_STATUS_INDEX_VERSION] = "the index has an unsupported format version",
    [HUSTINGS_STATUS_INDEX_CORRUPT] = "the index is corrupt; rebuild it with hustings-index",
    [HUSTINGS_STATUS_READ_ONLY_INDEX] = "the index is open read-only",
    [HUSTINGS_STATUS_XAPIAN_EXCEPTION] = "Xapian reported an error",
    [HUSTINGS_STATUS_QUERY_SYNTAX] = "the query could not be understood",
    [HUSTINGS_STATUS_INTERRUPTED] = "interrupted (work done so far was committed)",
    [HUSTINGS_STATUS_QUERY_TOO_COSTLY] = "the search was stopped: it would take too long (time limit, wildcards)",
};

const char *hustings_status_to_string(hustings_status_t status)
{
    if ((unsigned)status >= HUSTINGS_STATUS_LAST_STATUS || !messages[status])
        return "unknown status";
    return messages[status];
}

const char *hustings_version(void)
{
    return PACKAGE_VERSION;
}

hustings_status_t hustings_default_index_path(char **path)
{
    if (!path)
        return HUSTINGS_STATUS_NULL_POINTER;
    hs_buf b = HS_BUF_INIT;
    const char *env = getenv("HUSTINGS_INDEX");
    const char *data = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int rc;
    if (env && *env)
        rc = hs_buf_puts(&b, env);
    else if (data && *data == '/')
        rc = hs_buf_printf(&b, "%s/hustings/index", data);
    else
        rc = hs_buf_printf(&b, "%s/.local/share/hustings/index",
                           home && *home ? home : ".");
    if (rc < 0) {
        hs_buf_free(&b);
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    *path = hs_buf_detach(&b);
    return HUSTINGS_STATUS_SUCCESS;
}
