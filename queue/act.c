/*
 * act.c - the act of assessed value checked in fixed point; see act.h.
 * A row's value is area (x10^4) x rate (tiyn) x coefficient (x10^4), so
 * tiyn x10^8, worked out in unsigned 128 bits: each factor is below 2^63,
 * the first product below 2^126, and the second is checked before it is
 * made.
 */
#include <stdio.h>
#include <string.h>

#include "act.h"
#include "error.h"
#include "utf8.h"
#include "words.h"

#define QUOTE_MAX 40        /* bytes of the input quoted in a message */
#define ROW_SCALE 100000000 /* area and coefficient decimals: 10^4 x 10^4 */

__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 i128;

/* ---- numbers as typed ---- */

/* Copy at most QUOTE_MAX bytes of s into buf, cut at a character's start,
 * with "..." when cut. */
static const char *
quote(const char *s, char buf[QUOTE_MAX + 4])
{
	size_t n = strlen(s);

	if (n <= QUOTE_MAX)
		return s;
	n = QUOTE_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "...", 4);
	return buf;
}

/* The bytes of the space s starts with (' ', '\t', U+00A0, U+202F), or 0. */
static int
space(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == ' ' || u[0] == '\t')
		return 1;
	if (u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
		return 3;
	return 0;
}

/* Characters (UTF-8 sequences) from a up to b. */
static int
chars(const char *a, const char *b)
{
	int n = 0;

	for (; a < b; a++)
		n += ((unsigned char)*a & 0xC0) != 0x80;
	return n;
}

int
kz_decimal_parse(const char *s, int scale, int64_t *out, char *err)
{
	char q[QUOTE_MAX + 4];
	const char *p, *end;
	int64_t v = 0;
	int pos = 1, group = 0, grouped = 0, decimals = -1; /* -1: no separator yet */

	if (out != NULL)
		*out = 0;
	if (scale < 0 || scale > 18)
		return kz_err(err, KZ_EINVAL, "cannot parse with %d decimals; 0 to 18 are possible",
			scale);
	if (s == NULL)
		return kz_err(err, KZ_EINVAL, "no number given; type one such as 1 234,56");
	for (end = s + strlen(s); end > s;) {
		/* trailing spaces: step back over whole characters */
		const char *c = end - 1;

		while (c > s && ((unsigned char)*c & 0xC0) == 0x80)
			c--;
		if (space(c) == 0 || space(c) != end - c)
			break;
		end = c;
	}
	for (p = s; p < end && space(p) > 0; pos++)
		p += space(p);
	if (p == end)
		return kz_err(err, KZ_EINVAL, "no number given; type one such as 1 234,56");
	if (*p == '-')
		return kz_err(err, KZ_EINVAL, "'%s' is negative; a number here is 0 or more",
			quote(s, q));
	/* a second separator first: "1,234.56" has no decimals to count */
	for (const char *c = p, *sep = NULL; c < end; c++) {
		if (*c != '.' && *c != ',')
			continue;
		if (sep != NULL)
			return kz_err(err, KZ_EINVAL,
				"'%s' has a second '%c' at position %d; write one decimal "
				"separator and spaces between thousands",
				quote(s, q), *c, pos + chars(p, c));
		sep = c;
	}
	for (; p < end; pos++) {
		uint32_t cp;
		int n = kz_utf8_next((const unsigned char *)p, &cp);

		if (*p >= '0' && *p <= '9') {
			if (decimals >= 0 && ++decimals > scale && scale == 0)
				return kz_err(err, KZ_EINVAL,
					"'%s' has decimals; a whole number is needed here",
					quote(s, q));
			if (decimals > scale)
				return kz_err(err, KZ_EINVAL,
					"'%s' has more than %d decimals; round it to %d",
					quote(s, q), scale, scale);
			if (decimals < 0)
				group++;
			if (v > (INT64_MAX - (*p - '0')) / 10)
				return kz_err(err, KZ_EINVAL,
					"'%s' is too large to be real; check the number",
					quote(s, q));
			v = v * 10 + (*p - '0');
		} else if (*p == '.' || *p == ',') {
			if (group == 0 || (grouped && group != 3))
				return kz_err(err, KZ_EINVAL,
					"'%s': the '%c' at position %d needs %s before it; "
					"write numbers as 1 234,56",
					quote(s, q), *p, pos,
					group == 0 ? "a digit" : "three digits");
			decimals = 0;
		} else if (space(p) > 0 && decimals < 0) {
			n = space(p);
			if (group == 0 || group > 3 || (grouped && group != 3))
				return kz_err(err, KZ_EINVAL,
					"'%s': the space at position %d does not separate "
					"thousands; write numbers as 1 234 567,89",
					quote(s, q), pos);
			grouped = 1;
			group = 0;
		} else if (cp == KZ_NOT_UNICODE) {
			return kz_err(err, KZ_EINVAL,
				"number has a byte 0x%02X at position %d that is not text; type "
				"digits, a comma and spaces only",
				(unsigned char)*p, pos);
		} else {
			return kz_err(err, KZ_EINVAL,
				"'%s': '%.*s' at position %d is not a digit; type a number such "
				"as 1 234,56",
				quote(s, q), n, p, pos);
		}
		p += n;
	}
	if (decimals == 0)
		return kz_err(err, KZ_EINVAL,
			"'%s' ends with a decimal separator; type the decimals or drop it",
			quote(s, q));
	if (grouped && group != 3 && decimals < 0)
		return kz_err(err, KZ_EINVAL,
			"'%s': the last group has %d digits, not three; write numbers as "
			"1 234 567,89",
			quote(s, q), group);
	for (int i = decimals < 0 ? 0 : decimals; i < scale; i++) {
		if (v > INT64_MAX / 10)
			return kz_err(err, KZ_EINVAL,
				"'%s' is too large to be real; check the number", quote(s, q));
		v *= 10;
	}
	if (out != NULL)
		*out = v;
	return KZ_OK;
}

int
kz_money_format(int64_t tiyn, char *out, size_t len)
{
	char buf[32], *p = buf + sizeof buf;
	/* the magnitude, INT64_MIN included */
	uint64_t m = tiyn < 0 ? 0 - (uint64_t)tiyn : (uint64_t)tiyn;
	int n;

	*--p = '\0';
	*--p = (char)('0' + m % 10);
	*--p = (char)('0' + m / 10 % 10);
	*--p = ',';
	m /= 100;
	for (int i = 0;; i++) {
		if (i > 0 && i % 3 == 0)
			*--p = ' ';
		*--p = (char)('0' + m % 10);
		m /= 10;
		if (m == 0)
			break;
	}
	if (tiyn < 0)
		*--p = '-';
	n = (int)(buf + sizeof buf - 1 - p);
	if (out != NULL && len > 0) {
		if ((size_t)n < len)
			memcpy(out, p, (size_t)n + 1);
		else
			out[0] = '\0';
	}
	return n;
}

/* ---- the act ---- */

/* The row's value worked out, rounded half up, or -1 past INT64_MAX. */
static int64_t
row_value(const struct kz_act_row *r)
{
	u128 v = (u128)r->area * (u128)r->rate;

	if (r->coef != 0 && v > ~(u128)0 / (u128)r->coef)
		return -1;
	v = (v * (u128)r->coef + ROW_SCALE / 2) / ROW_SCALE;
	return v > INT64_MAX ? -1 : (int64_t)v;
}

static const char *
zone(const struct kz_act_row *r)
{
	return r->zone[0] != '\0' ? r->zone : "no zone";
}

/* The row is malformed: one of its numbers is negative or too large. */
static int
bad_row(const struct kz_act_row *r, int i, const char *what, struct kz_act_result *res, char *err)
{
	res->bad_row = i + 1;
	res->bad_rows = 1;
	res->expected = -1;
	res->stated = r->value;
	return kz_err(err, KZ_EINVAL, "row %d (%.128s): %s; check the row", i + 1, zone(r), what);
}

int
kz_act_check(const struct kz_act_row *rows, int n, int64_t total, struct kz_act_result *res,
	char *err)
{
	struct kz_act_result local;
	char a[32], b[32];
	i128 sum = 0, sum_expected = 0;
	int at = 0;

	if (res == NULL)
		res = &local;
	memset(res, 0, sizeof *res);
	if (rows == NULL && n > 0)
		return kz_err(err, KZ_EINVAL, "no rows given for an act of %d rows", n);
	if (n < 1 || n > KZ_ACT_MAX_ROWS)
		return kz_err(err, KZ_EINVAL, "an act has 1 to %d rows, not %d", KZ_ACT_MAX_ROWS,
			n);
	for (int i = 0; i < n; i++) {
		const struct kz_act_row *r = &rows[i];
		int64_t v;

		if (r->area < 0)
			return bad_row(r, i, "the area is negative", res, err);
		if (r->rate < 0)
			return bad_row(r, i, "the base rate is negative", res, err);
		if (r->coef < 0)
			return bad_row(r, i, "the coefficient is negative", res, err);
		if (r->value < 0)
			return bad_row(r, i, "the value is negative", res, err);
		if ((v = row_value(r)) < 0)
			return bad_row(r, i, "area × rate × coefficient is too large to be real",
				res, err);
		if (v - r->value > 1 || r->value - v > 1) {
			if (res->bad_rows++ == 0) {
				res->bad_row = i + 1;
				res->expected = v;
				res->stated = r->value;
			}
		}
		sum += r->value;
		sum_expected += v;
	}
	/* at most 64 values below 2^63: well inside 128 bits */
	if (sum > INT64_MAX || sum_expected > INT64_MAX)
		return kz_err(err, KZ_EINVAL,
			"the rows add up past %lld tiyn, too large to be real; check the values",
			(long long)INT64_MAX);
	res->sum = (int64_t)sum;
	res->sum_expected = (int64_t)sum_expected;
	res->total_ok = total == res->sum;
	if (res->bad_rows == 0 && res->total_ok)
		return KZ_OK;
	if (err == NULL)
		return KZ_EINVAL;
	err[0] = '\0';
	if (res->bad_rows > 0) {
		kz_money_format(res->stated, a, sizeof a);
		kz_money_format(res->expected, b, sizeof b);
		at = snprintf(err, KZ_ERR_LEN,
			"row %d (%.128s): the value is %s but area × rate × coefficient gives %s; "
			"correct the value",
			res->bad_row, zone(&rows[res->bad_row - 1]), a, b);
		at = at < KZ_ERR_LEN ? at : KZ_ERR_LEN - 1; /* cut: at its end */
		if (res->bad_rows > 1)
			at += snprintf(err + at, KZ_ERR_LEN - (size_t)at,
				"; %d more row%s wrong too", res->bad_rows - 1,
				res->bad_rows > 2 ? "s are" : " is");
		at = at < KZ_ERR_LEN ? at : KZ_ERR_LEN - 1;
	}
	if (!res->total_ok) {
		kz_money_format(total, a, sizeof a);
		kz_money_format(res->sum, b, sizeof b);
		if (res->bad_rows == 0)
			snprintf(err, KZ_ERR_LEN,
				"the total is %s but the rows add up to %s; correct the total", a,
				b);
		else
			snprintf(err + at, KZ_ERR_LEN - (size_t)at,
				"; the total %s does not match the rows' %s either", a, b);
	}
	return KZ_EINVAL;
}

int
kz_act_total_words(int64_t total, const char *lang, char *out, size_t len, char *err)
{
	int rc = kz_words_amount(total, lang, out, len, err);

	if (rc == KZ_OK)
		kz_words_capitalize(out);
	return rc;
}
