/*
 * act.h - checking the act of assessed value (App. 3): each row's value
 * against area x base rate x correction coefficient, the total against the
 * rows, and the total in words.  Fixed point throughout, never floating
 * point; numbers come as clerks type them ("1 234,5").  Start reading at
 * kz_act_check.
 */
#ifndef KZ_ACT_H
#define KZ_ACT_H

#include <stddef.h>
#include <stdint.h>

#define KZ_ACT_MAX_ROWS 64
#define KZ_AREA_SCALE   4 /* areas: hectares, 4 decimals */
#define KZ_RATE_SCALE   2 /* base rates: tenge per hectare, 2 decimals */
#define KZ_COEF_SCALE   4 /* correction coefficients: 4 decimals */
#define KZ_MONEY_SCALE  2 /* values and totals: tenge, 2 decimals (tiyn) */

/* Parse s, a number as a person types it, into *out (may be NULL: only
 * check) as an integer of scale (0-18) decimals: "12,5" at scale 4 is
 * 125000.  '.' or ',' separates the decimals; a space, U+00A0 or U+202F
 * separates thousands (1 234 567: threes after the first group); spaces
 * around the number are ignored.  KZ_OK, or KZ_EINVAL with what is wrong
 * in err: nothing given, a negative number, a character that does not
 * belong (and its position), misplaced separators, more decimals than
 * scale, a value past INT64_MAX, or a scale out of range. */
int kz_decimal_parse(const char *s, int scale, int64_t *out, char *err);

/* tiyn as the act prints money: "12 345,67", "-5,00" (a space between
 * thousands, a comma before the tiyn).  Returns the length of the text (as
 * snprintf); when that is len or more, out holds "" (len > 0): never a cut
 * amount.  24 bytes fit any int64_t. */
int kz_money_format(int64_t tiyn, char *out, size_t len);

struct kz_act_row {
	char zone[128]; /* zone or land type, as on the act (NUL-terminated) */
	int64_t area;   /* hectares x 10^4 */
	int64_t rate;   /* base rate, tiyn per hectare (tenge x 100) */
	int64_t coef;   /* correction coefficient x 10^4 */
	int64_t value;  /* the row's value as stated, tiyn */
};

struct kz_act_result {
	int bad_row;          /* the first wrong row, from 1; 0: every row is right */
	int bad_rows;         /* how many rows are wrong */
	int64_t expected;     /* bad_row's value computed (-1: cannot be), tiyn */
	int64_t stated;       /* bad_row's value as stated, tiyn */
	int64_t sum;          /* the stated values added up: what the total must be */
	int64_t sum_expected; /* the computed values added up */
	int total_ok;         /* the stated total equals sum */
};

/* Check an act of n rows (1 ... KZ_ACT_MAX_ROWS) and its stated total.  A
 * row's value must be area x rate x coef rounded half up to the tiyn, give
 * or take 1 tiyn (rounding by hand); the total must equal the rows' stated
 * values added up, exactly.  Fills *res (may be NULL) and returns KZ_OK
 * when all agree; else KZ_EINVAL, with err naming the first wrong row, its
 * zone and both amounts, or the total and the rows' sum.  Also KZ_EINVAL
 * for n out of range, rows NULL, a negative area, rate, coefficient or
 * value, and a product too large to be real. */
int kz_act_check(const struct kz_act_row *rows, int n, int64_t total, struct kz_act_result *res,
	char *err);

/* The total in words for the act, capitalised: "Два миллиона ... тенге 64
 * тиын".  As kz_words_amount (words.h). */
int kz_act_total_words(int64_t total, const char *lang, char *out, size_t len, char *err);

#endif
