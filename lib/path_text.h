/* path_text.h - file names as text (internal).
 *
 * A file name is a string of bytes; the index, JSON and the terminal need
 * text.  The text form of a name is the name itself when it is valid UTF-8
 * without control characters or backslashes, the common case.  Otherwise
 * each byte that is not part of a valid character, and each byte of a
 * control character (C0, C1, the bidirectional controls that show a name
 * reversed, the line and paragraph separators), is written \xHH and each
 * backslash \\, as GNU ls's --quoting-style=escape does.  Every name has exactly one text form and
 * back, so two names that differ only in bytes that are not UTF-8
 * (Latin-1, KOI8-R) stay two names.
 */
#ifndef HUSTINGS_PATH_TEXT_H
#define HUSTINGS_PATH_TEXT_H

#include "buf.h"

/* Append the text form of the file name `name` to out.  0, or -1 when out
 * of memory. */
int hs_path_to_text(const char *name, hs_buf *out);

/* Append the file name whose text form is `text` to out (a text that
 * holds a backslash not followed by \ or xHH stands for itself).  0, or -1
 * when out of memory. */
int hs_path_from_text(const char *text, hs_buf *out);

#endif
