/* stem_kk.h - a light Kazakh stemmer (internal).
 *
 * Snowball has no Kazakh stemmer, so this is a small, documented suffix
 * stripper for nouns, the words a search for campaign coverage is made
 * of.  A Kazakh noun is built as
 *
 *     stem + plural + possessive + case
 *     сайлау            + ға                     сайлауға   "to the election"
 *     кандидат + тар          + дың              кандидаттардың
 *     комиссия        + сы    + ның              комиссиясының
 *
 * and the stemmer takes the endings off from the right, at most one of each
 * slot: a case ending, an adjective ending (-дағы, -ғы), a possessive, the
 * plural, and last a bare stem-final -ы/-і after a consonant (so that
 * Алматы, Алматыда and Алматының all give алмат, and сайлаушы meets
 * сайлаушысы).
 *
 * Every ending is checked against the stem it would leave, so that it is
 * only taken off where Kazakh would have put it:
 *  - vowel harmony: a back ending (-лар, -да, -ға, -дың) only after a stem
 *    whose last vowel is back (а о ұ ы я), a front one (-лер, -де, -ге,
 *    -дің) only after a front vowel (ә е ө ү і э); у and и after a consonant
 *    and ю count as either; у and и after a vowel are glides and skipped;
 *  - the sound before it: -лар after vowels and р й у, -дар after л м н ң ж
 *    з, -тар after voiceless consonants (and б в г д, which are devoiced at
 *    the end of a stem: округ -> округтер); likewise -ның/-дың/-тың,
 *    -ға/-қа, -да/-та, -дан/-нан/-тан, -мен/-бен/-пен, -ны/-ды/-ты;
 *  - the forms used after a possessive of the 3rd person (-на/-не, -н,
 *    -нда/-нде, -нан/-нен, -ндағы/-ндегі) only when that possessive can be
 *    taken off too (комиссиясына -> комиссия); otherwise none is;
 *  - the stem left must keep at least HS_KK_MIN_STEM letters and a vowel,
 *    so short words (ел, үшін, осы, да, мен) are left alone.
 * Where an ending and the end of a stem look alike, the commoner reading
 * wins (stem_kk.c, vetoed()): мәжілісі is мәжіліс + і (but сайлаушысы is
 * сайлаушы + сы), Қазақстан has no ablative -тан, қорытынды no accusative
 * -ды, and the accusative -н after a bare -ы/-і only comes off behind a
 * plural or a verbal noun in -у (қолдарын, сайлауын), not from тұрғын or
 * бүгін.
 * The endings, in full:
 *  case:       -мен -бен -пен -менен -бенен -пенен (instrumental)
 *              -ның -нің -дың -дің -тың -тің       (genitive)
 *              -дан -ден -тан -тен -нан -нен       (ablative)
 *              -да -де -та -те -нда -нде           (locative)
 *              -ға -ге -қа -ке -на -не             (dative)
 *              -ны -ні -ды -ді -ты -ті -н          (accusative)
 *  adjective:  -дағы -дегі -тағы -тегі -ндағы -ндегі, -ғы -гі -қы -кі
 *              (Алматыдағы, жылғы, бұрынғыдан: before a case or alone)
 *  possessive: -ы -і -сы -сі (3rd person), -ымыз -іміз -мыз -міз (1st pl.)
 *  plural:     -лар -лер -дар -дер -тар -тер
 * Left alone on purpose: derivational suffixes (-шы, -лық, -сыз: a voter
 * is not an election), verb endings, 1st and 2nd person singular
 * possessives (too easily confused with stems: білім), and the
 * alternations of the stem itself (халық/халқы, кітап/кітабы): those forms
 * do not meet, nor do ауданы/аудан and үлесі/үлес, read as accusative
 * -ны and possessive -сі.  Stems are prefixes of the word, never rewritten.
 *
 * Debian's hunspell-kk could check stems against a dictionary, but a
 * handle loads in about 65 ms and 11 MB, is not thread-safe (one per
 * stemmer, and search.c makes a stemmer per query), and finds no stem for
 * сайлауда, сайлауға or сайлаудың, the forms of the word a search for
 * election coverage needs most, so it is not used.
 */
#ifndef HUSTINGS_STEM_KK_H
#define HUSTINGS_STEM_KK_H

#include <stddef.h>
#include <stdint.h>

/* The shortest stem left, in letters. */
#define HS_KK_MIN_STEM 3

/* Stem a normalised (NFKC, lower-case) UTF-8 word: the stem is word[0..n),
 * and n is returned.  Words that are not Cyrillic, too short or too long
 * come back whole.  Pure: no state, no allocation, safe from any thread. */
size_t hs_stem_kk(const char *word, size_t len);

/* True for the letters Kazakh writes and Russian does not:
 * ә ғ қ ң ө ұ ү һ і, in either case. */
int hs_kk_letter(int32_t cp);

/* True for the eight of them that no Slavic alphabet has (all but і, which
 * Ukrainian and Belarusian use too): the stronger evidence for Kazakh. */
int hs_kk_letter_strong(int32_t cp);

/* True when the UTF-8 word contains a letter for which hs_kk_letter()
 * holds. */
int hs_has_kk_letters(const char *word, size_t len);

#endif
