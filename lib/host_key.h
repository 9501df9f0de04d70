/* host_key.h - the keys that source: and site: match: a URL's host and a
 * site's name, as the index writes them and a query asks for them
 * (internal). */
#ifndef HUSTINGS_HOST_KEY_H
#define HUSTINGS_HOST_KEY_H

#include <stddef.h>

#include "buf.h"

/* The host of the URL (or bare host) s[0..len), normalised
 * (hs_normalize_word: lower-cased), appended to out; nothing when it has
 * none.  What comes before the first "://" is dropped, the host ends at
 * the first '/', '?' or '#', a user@ or user:password@ before it (up to
 * the last '@') is no part of it, nor is a :port, nor a leading "www."
 * (unless that is all): "https://user@www.BBC.co.uk:443/news" gives
 * "bbc.co.uk".  0, or -1 when out of memory. */
int hs_host_key(const char *s, size_t len, hs_buf *out);

/* A site name s[0..len): its words (split at spaces, tabs and newlines)
 * normalised and joined by single spaces, appended to out.  0 or -1. */
int hs_site_key(const char *s, size_t len, hs_buf *out);

#endif
