/* kk_latin.h - Kazakh written in the Latin alphabet (internal).
 *
 * Kazakhstan has published three Latin alphabets for Kazakh, all in use:
 * 2017 (letters with apostrophes: a' g' n' o' u' y' s' c' i'), 2018
 * (acute accents: á ǵ ń ó ú ý, dotless ı for и and й, digraphs sh ch; the
 * one Kazinform's Latin service writes) and 2021 (ä ğ ñ ö ş ü ū ç, ı for
 * і and i for и and й).  doc/kazakh-latin.md gives the three tables and
 * their sources.
 *
 * hustings reads a Kazakh word written in any of them by converting it to
 * Cyrillic and stemming that (stem.h): so "saılaýǵa" (2018), "sailauğa"
 * (2021) and "сайлауға" share the stem сайлау, and a query in either
 * script finds both.  The letters u, i and ı mean different things in
 * 2018 and 2021 (ұ or у, і or и), so which alphabet a text uses is
 * decided once for the text, by the letters only one of them has.
 */
#ifndef HUSTINGS_KK_LATIN_H
#define HUSTINGS_KK_LATIN_H

#include <stddef.h>

#include "buf.h"

typedef enum hs_kk_latin {
    HS_KK_LATIN_NONE = 0,
    HS_KK_LATIN_2017,
    HS_KK_LATIN_2018,
    HS_KK_LATIN_2021,
} hs_kk_latin;

/* Which alphabet the Latin text[0..len) (UTF-8, any case) is Kazakh in.
 * With sure, only a text that is Kazakh beyond doubt gets an answer: eight
 * Latin words or more, a twentieth of them with q (which Turkish, Turkmen
 * and Hungarian do not write), a tenth with a letter of one alphabet only
 * (2018: á ǵ ń ó ú ý; 2021: ä ğ ñ ŋ ö ş ü ū ç, with ä ū ñ or ŋ among
 * them, which Turkish and Azerbaijani do not write; 2017: an apostrophe
 * after a g n u y s c or i, not only o' and g' as in Uzbek), and hardly a
 * letter Kazakh does not write (x: Uzbek, Azerbaijani; w: Tatar; ə é í ž
 * ň ...).
 * Without sure (a passage of a text already known to be Kazakh): the
 * alphabet whose own letters it writes most, 2018 when it writes none;
 * NONE only when it has no Latin letter. */
hs_kk_latin hs_kk_latin_detect(const char *text, size_t len, int sure);

/* The Cyrillic of the normalised (lower-case, NFC) Latin word[0..len) in
 * alphabet v, appended to out: 1; 0 (out unchanged) when the word has a
 * character the alphabet does not write (a digit, c outside ch and c', w,
 * x, é...); -1 when out of memory.  и and й share a letter in 2017 (i'),
 * 2018 (ı) and 2021 (i): after a vowel it is й (saılaý сайлау), else и
 * (bıik биік). */
int hs_kk_latin_to_cyrillic(const char *word, size_t len, hs_kk_latin v, hs_buf *out);

/* The stemming language of a text in alphabet v ("kk-Latn-2018"...),
 * static, for hs_stem_lang; NULL for NONE.  And back: the alphabet of such
 * a language, NONE for any other (plain "kk" is Cyrillic). */
const char *hs_kk_latin_lang(hs_kk_latin v);
hs_kk_latin hs_kk_latin_of_lang(const char *lang);

/* Whether a stemming language is Kazakh, in either script: "kk", or one of
 * the languages above. */
int hs_lang_is_kazakh(const char *lang);

#endif
