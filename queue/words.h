/*
 * words.h - numbers and money amounts in words, Russian and Kazakh, as the
 * act of assessed value writes its total ("сумма прописью", App. 3).
 * Words are lowercase, one space apart; kz_words_capitalize makes the
 * first letter a capital.  Start reading at kz_words_amount.
 */
#ifndef KZ_WORDS_H
#define KZ_WORDS_H

#include <stddef.h>
#include <stdint.h>

#define KZ_WORDS_MAX 999999999999LL /* the largest number in words */
#define KZ_WORDS_LEN 512            /* a buffer every number and amount fits */

/* n (0 ... KZ_WORDS_MAX) in words into out (len bytes) in lang, "ru" or
 * "kk": 2147 is "две тысячи сто сорок семь", "бір мың ..." in Kazakh (see
 * words.c for the forms).  KZ_OK, or KZ_EINVAL when n is negative or too
 * large, lang is NULL or neither "ru" nor "kk", or out is NULL or shorter
 * than the words need (err says how long it must be).  On error out holds
 * "" (when len > 0): never a cut amount. */
int kz_words_number(int64_t n, const char *lang, char *out, size_t len, char *err);

/* An amount of tiyn (100 to the tenge; 0 ... KZ_WORDS_MAX * 100 + 99) as
 * the tenge in words and the tiyn in two digits:
 * "два миллиона тенге 05 тиын", "екі миллион теңге 05 тиын".
 * Errors as kz_words_number. */
int kz_words_amount(int64_t tiyn, const char *lang, char *out, size_t len, char *err);

/* Make the first character of the UTF-8 string s (may be NULL) a capital
 * when it is a lowercase Cyrillic letter (Russian and Kazakh, ә ғ қ ң ө ұ ү
 * һ і among them) or a-z; in place, as the capital is as many bytes long. */
void kz_words_capitalize(char *s);

#endif
