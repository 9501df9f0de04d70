/* translit.h - one ASCII key for a name in Latin or Cyrillic (internal).
 *
 * The same person is "Tokayev", "Токаев" and "Тоқаев"; the key of all three
 * is "tokaev".  A key is made in four steps:
 *
 * 1. Romanise letter by letter (BGN/PCGN style, as English-language news
 *    spell Russian and Kazakh names), Cyrillic letters straight into their
 *    folded form of step 2:
 *      а a   б b   в v   г g   д d   е e   ё e   ж j   з z   и i   й y
 *      к k   л l   м m   н n   о o   п p   р r   с s   т t   у u   ф f
 *      х k   ц ts  ч ch  ш sh  щ sh  ъ -   ы i   ь -   э e   ю yu  я ya
 *      Kazakh: ә a  ғ g  қ k  ң n  ө o  ұ u  ү u  һ h  і i
 *      Ukrainian and Belarusian: є ye  ї yi  ґ g  ў u;  дж j
 *    Latin letters lose their accents (é -> e); ç -> ch, ş -> sh, ı -> i,
 *    ß -> ss, æ -> ae, ø -> o, ł -> l.  A final 's (English possessive) is
 *    dropped, other apostrophes and hyphens are skipped.
 * 2. Fold the Latin spellings that English, Russian and Kazakh habits give
 *    one sound: zh, j, dzh, dj -> j (Zhomart, Jomart, Жомарт); kh -> k
 *    (like х, so that Kazakhstan, Казахстан and Kazakh Қазақстан meet, and
 *    Maslikhat meets Маслихат); shch, sch -> sh; tch -> ch; ph -> f;
 *    th -> t; gh -> g; c, ck, q -> k; x -> ks; w -> v; tz -> ts.  Only
 *    Latin letters are folded so, never the letters made of Cyrillic ones
 *    (сх is not ш).  Then, whatever the script: y before a vowel is a
 *    glide and goes (Tokayev = Токаев: "aye" = "ае"; Yerlan = Ерлан;
 *    я = ya = a), any other y is i (Almaty, Kassym, Dmitriy).  Vowels are
 *    thereby collapsed: ә/а a, ө/о o, ұ/ү/у u, і/ы/и/y i.
 * 3. Take off case endings, so that inflected names meet their nominative
 *    (Тоқаевтың, Токаева, Tokayev's all give tokaev):
 *    - one Kazakh case ending, after the sounds Kazakh puts it after:
 *      -nin/-din/-tin (genitive), -ga/-ge/-ka/-ke, -da/-de/-ta/-te,
 *      -dan/-den/-nan/-nen/-tan/-ten, -men/-ben/-pen, -di/-ti (not -ni:
 *      Russian Астаны is commoner than Kazakh Астананы),
 *      -dagi/-degi/-tagi/-tegi, and -nda/-nde/-ndagi/-ndegi after a
 *      possessive i (Мәжілісінде); -tan not after a consonant and s
 *      (Kazakhstan keeps it);
 *    - then one Russian ending after a consonant: -ogo -ego -omu -emu -om
 *      -oi, and -im -ih after v or n (Токаевым);
 *    - then a final vowel (or a run of one vowel): Токаева, Астане,
 *      Алматы -> almat, партии -> part.
 *    Each step must leave 4 letters (3 for the last), counted after step 4.
 * 4. Collapse doubled letters (Kassym = Касым = kasim).
 *
 * Why a table and not ICU: ICU's Any-Latin follows ISO 9 (ж -> ž, х -> h,
 * қ -> q), so "Mazhilis" and "Zhomart", the spellings of English-language
 * news, would still need all of step 2 on top of it; ICU would add a C++
 * runtime, a 30 MB data library and per-thread transliterator clones for a
 * table of some sixty entries.  The table is documented here and tested.
 *
 * The key is lossy by design: different names can share one (Исхаков and
 * Ишаков), and an ordinary word can meet a name.  Index it for names only
 * (capitalised words), give it a prefix of its own and a lower weight than
 * the words themselves.
 */
#ifndef HUSTINGS_TRANSLIT_H
#define HUSTINGS_TRANSLIT_H

#include <stddef.h>

#include "buf.h"

/* Shorter keys are not made: they would join too much. */
#define HS_TRANSLIT_MIN_KEY 3

/* Append the key of a normalised word (Latin or Cyrillic letters, as the
 * tokenizer gives it; upper case is folded too) to out (not NULL).  Returns the key's
 * length; 0 when the word gets no key (a digit, a letter of another
 * script, over 48 letters, or a key under HS_TRANSLIT_MIN_KEY), with out
 * untouched; -1 when out of memory.  Pure and thread-safe. */
int hs_translit_key(const char *word, size_t len, hs_buf *out);

/* Whether the word of text starting at byte `at` (normalised: term[0..len))
 * gets a transliteration key: a capitalised word (a name) in any script,
 * or any Cyrillic word, since Russian and Kazakh write names of
 * institutions in lower case (мажилис) that English capitalises; but never
 * a stop word ("Not" is no name, and would meet "Note"), nor an acronym
 * (ОСК, OSCE: two to four letters, all capitals, which spell no sound to
 * compare; a longer word in capitals, ТОКАЕВ in a headline, is a name). */
int hs_translit_wanted(const char *text, size_t at, const char *term, size_t len);

/* Whether the word of text starting at byte `at` is an acronym: two to
 * four letters, all capitals (ОСК, OSCE, CEC, IT, WHO; not ТОКАЕВ in a
 * headline). */
int hs_is_acronym(const char *text, size_t at);

/* Whether a query word that hs_translit_wanted() passes over may still be
 * a name typed in lower case ("tokayev"): a Latin word written in lower
 * case, no stop word.  The query keeps its key only when the index holds
 * no such Latin word but something by the key (query_names.c). */
int hs_translit_maybe_name(const char *text, size_t at, const char *term, size_t len);

#endif
