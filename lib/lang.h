/* lang.h - the language of an article (internal).
 *
 * The identifier is libexttextcat (Debian: libexttextcat-dev for building,
 * libexttextcat-2.0-0 and libexttextcat-data at run time), LibreOffice's
 * n-gram classifier after Cavnar and Trenkle.  Why it: it is packaged in
 * Debian, small and C, needs no network or model download, and its 179
 * fingerprints include en, ru and kk (kk.lm).  Measured here: loading all
 * fingerprints takes about 20 ms, classifying a 4 KB sample about 1 ms,
 * and every article of corpus/ comes out right.
 *
 * Threads: textcat_Classify() writes into its handle and is not
 * thread-safe, so it is not used; textcat_ClassifyFull() with a candidate
 * array of the caller's only reads the handle.  One hs_langid may
 * therefore be shared, read-only, by any number of threads.
 * Memory: libexttextcat's own allocations exit the process when memory
 * runs out (its wg_malloc); ours are checked.
 *
 * How a language is decided, on the first HS_LANG_SAMPLE bytes:
 *  0. English and Russian by letters and words, without the identifier
 *     (a fifth of an indexer's time when it ran on every article), in
 *     texts of HS_LANG_SURE_LETTERS letters or more: text in Latin
 *     letters (four fifths), at most one in a hundred beyond a-z,
 *     a fifth of whose words are English's commonest (the, of, and, ...),
 *     is English; text in Cyrillic letters, all of the Russian alphabet,
 *     with ы or э (which Bulgarian has not) is Russian.  A declared
 *     language that differs, and everything else, goes on to rules 1-4.
 *  1. Kazakh by its letters: when at least a fifth of the Cyrillic words
 *     have one of ә ғ қ ң ө ұ ү һ (і alone is also Ukrainian), the text is
 *     Kazakh, whatever the identifier says (it may say Russian for a short
 *     text), unless the identifier is sure of a language that shares those
 *     letters (Kyrgyz, Tatar, Bashkir, Mongolian, Tajik, Uzbek).  Half of
 *     the words of a Kazakh text have one; a Russian text that quotes
 *     Тоқаев or Қазақстан has a few in a hundred.
 *  2. Otherwise libexttextcat's best guess.  kk without a single Kazakh
 *     letter is not believed.
 *  3. Texts of under HS_LANG_MIN_LETTERS letters are not guessed at.  Under
 *     HS_LANG_SURE_LETTERS letters, the first of en, ru and kk (the
 *     languages of the beat) among the guesses textcat finds about as good
 *     as its best wins, and other languages are not believed (textcat
 *     calls "election" Interlingua and a headline in English Scots).
 *  4. A declared language (HTML lang, a feed's language) is trusted unless
 *     the text contradicts it strongly: it is written in another script
 *     (four fifths of its letters), or it is Kazakh by its letters and the
 *     declaration is Russian or another language without them, or it is
 *     declared Kazakh but has no Kazakh letter in 2 * HS_LANG_PASSAGE_WORDS
 *     Cyrillic words, or it has HS_LANG_SURE_LETTERS letters and the
 *     identifier sees one language only, another one.  Then the text wins.
 */
#ifndef HUSTINGS_LANG_H
#define HUSTINGS_LANG_H

#include <stddef.h>

/* Only the first bytes of a text are classified (cut at a character). */
#define HS_LANG_SAMPLE 4096
#define HS_LANG_MIN_LETTERS 12
#define HS_LANG_SURE_LETTERS 200

typedef struct hs_langid hs_langid;

/* Load the fingerprints listed in datadir/fpdb.conf; datadir NULL: where
 * configure found libexttextcat-data (pkg-config's pkgdatadir of
 * libexttextcat, /usr/share/libexttextcat on Debian).  NULL when they
 * cannot be read or memory runs out. */
hs_langid *hs_langid_new(const char *datadir);
void hs_langid_free(hs_langid *lid);

/* The language of text[0..len) (UTF-8; invalid bytes are skipped), given
 * the language its source declares (a BCP 47 tag such as "ru-RU", or
 * NULL): a static ISO 639-1 code ("en", "ru", "kk", ...), or NULL when
 * unsure.  lid may be NULL: then only the letters and the declaration
 * count.  Never fails: when memory for the classifier runs out the
 * identifier is skipped as if lid were NULL. */
const char *hs_lang_detect(const hs_langid *lid, const char *text, size_t len,
                           const char *declared);

/* The language to stem a passage of an article in article_lang by: the
 * article's, but in a Kazakh article a passage of HS_LANG_PASSAGE_WORDS
 * Cyrillic words or more without one Kazakh letter is Russian (a quote, a
 * Russian item of a feed that declares Kazakh), and in a Russian article
 * one whose words are Kazakh by their letters (rule 2) is Kazakh.  A
 * passage of a Kazakh article in Latin letters is "kk-Latn-2018" (or
 * 2017, 2021: kk_latin.h), unless it is English by rule 0's words.  The
 * indexer and the highlighter both ask, so that they stem alike. */
#define HS_LANG_PASSAGE_WORDS 6
const char *hs_passage_stem_lang(const char *article_lang, const char *text, size_t len);

/* The static ISO 639-1 code of a language tag: its primary subtag, in any
 * case, with white space around ignored ("ru-RU", "kk_KZ", " EN ").
 * Deprecated and common wrong codes are mapped (iw he, in id, ji yi, kz
 * kk), and the ISO 639-2 codes eng, rus and kaz.  NULL for anything else. */
const char *hs_lang_code(const char *tag, size_t len);

#endif
