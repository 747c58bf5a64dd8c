/*
 * idnum.c - IIN and BIN checks; see idnum.h.  Both share check_digits
 * (the characters) and check_control (the 12th digit); the rest is what
 * digits 1-7 mean in each.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "idnum.h"
#include "utf8.h"

#define QUOTE_MAX 40 /* bytes of a malformed input quoted in a message */

/* What each kind of number is called and where a person finds it. */
struct kind {
	const char *name;     /* "IIN" */
	const char *a_name;   /* "an IIN" */
	const char *document; /* "the ID card" */
};

static const struct kind iin = {"IIN", "an IIN", "the ID card"};
static const struct kind bin = {"BIN", "a BIN", "the registration certificate"};

int
kz_idnum_control(const char *d11)
{
	static const int w2[11] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
	int s1 = 0, s2 = 0;

	if (d11 == NULL)
		return -1;
	for (int i = 0; i < 11; i++) {
		if (d11[i] < '0' || d11[i] > '9')
			return -1;
		s1 += (i + 1) * (d11[i] - '0');
		s2 += w2[i] * (d11[i] - '0');
	}
	if (s1 % 11 != 10)
		return s1 % 11;
	if (s2 % 11 != 10)
		return s2 % 11;
	return -1;
}

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

/* Exactly 12 ASCII digits, or KZ_EINVAL naming the first non-digit (by
 * character, counting from 1) or the count of digits. */
static int
check_digits(const struct kind *k, const char *s, char *err)
{
	char q[QUOTE_MAX + 4];
	const unsigned char *p = (const unsigned char *)s;
	int pos = 1;

	if (s == NULL || *s == '\0')
		return kz_err(err, KZ_EINVAL, "no %s given; type its 12 digits from %s", k->name,
			k->document);
	while (*p != '\0') {
		uint32_t cp;
		int n = kz_utf8_next(p, &cp);

		if (*p == ' ' || *p == '\t')
			return kz_err(err, KZ_EINVAL,
				"%s '%s': a space at position %d; type the 12 digits only, "
				"without spaces",
				k->name, quote(s, q), pos);
		if (*p < '0' || *p > '9') {
			if (cp == KZ_NOT_UNICODE)
				return kz_err(err, KZ_EINVAL,
					"%s has a byte 0x%02X at position %d that is not text; "
					"type the 12 digits only",
					k->name, *p, pos);
			return kz_err(err, KZ_EINVAL,
				"%s '%s': '%.*s' at position %d is not a digit; type the 12 "
				"digits only",
				k->name, quote(s, q), n, (const char *)p, pos);
		}
		p += n;
		pos++;
	}
	if (pos - 1 != KZ_IDNUM_LEN)
		return kz_err(err, KZ_EINVAL, "%s '%s' has %d digit%s; %s has 12", k->name,
			quote(s, q), pos - 1, pos - 1 == 1 ? "" : "s", k->a_name);
	return KZ_OK;
}

static int
check_control(const struct kind *k, const char *s, char *err)
{
	int c = kz_idnum_control(s);

	if (c < 0)
		return kz_err(err, KZ_EINVAL,
			"%s %s: its first 11 digits have no control digit (both passes give "
			"10), so no such %s is issued; check the number against %s",
			k->name, s, k->name, k->document);
	if (s[11] - '0' != c)
		return kz_err(err, KZ_EINVAL,
			"%s %s: its control digit is %c but should be %d; check the number "
			"against %s",
			k->name, s, s[11], c, k->document);
	return KZ_OK;
}

static int
two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static int
days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/*
 * Digit 7 is taken as 1-6 only, the values the rules for forming IINs
 * define (odd male, even female; 1-2 born in the 1800s, 3-4 in the 1900s,
 * 5-6 in the 2000s).  Some descriptions mention 0 for foreign citizens; such
 * numbers are refused here, and this is the place to change if the office
 * meets them.
 */
int
kz_iin_check(const char *s, char *err)
{
	int rc, y, m, d;

	if ((rc = check_digits(&iin, s, err)) != KZ_OK)
		return rc;
	/* a BIN's 5th digit, 4-6, is never a day's tens */
	if (s[4] >= '4' && s[4] <= '6')
		return kz_err(err, KZ_EINVAL,
			"IIN %s: its 5th digit is %c, which no birth date has (digits 5-6 are "
			"the day); it looks like a BIN, check it as one",
			s, s[4]);
	if (s[6] < '1' || s[6] > '6')
		return kz_err(err, KZ_EINVAL,
			"IIN %s: its 7th digit is %c but must be 1-6 (century of birth and "
			"sex); check the number against %s",
			s, s[6], iin.document);
	y = 1800 + 100 * ((s[6] - '1') / 2) + two(s);
	m = two(s + 2);
	d = two(s + 4);
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return kz_err(err, KZ_EINVAL,
			"IIN %s: its digits 1-6 are no birth date (%04d-%02d-%02d); check "
			"the number against %s",
			s, y, m, d, iin.document);
	return check_control(&iin, s, err);
}

/*
 * Digit 5: 4 resident legal entity, 5 non-resident legal entity, 6
 * individual entrepreneur in joint enterprise.  Digit 6, the attribute:
 * 0 head office, 1 branch, 2 representative office, 3 peasant farm in
 * joint enterprise.  Digits 7-11 are a serial number.
 */
int
kz_bin_check(const char *s, char *err)
{
	int rc, m;

	if ((rc = check_digits(&bin, s, err)) != KZ_OK)
		return rc;
	m = two(s + 2);
	if (m < 1 || m > 12)
		return kz_err(err, KZ_EINVAL,
			"BIN %s: its digits 3-4 are month %02d of registration, which does "
			"not exist; check the number against %s",
			s, m, bin.document);
	if (s[4] < '4' || s[4] > '6') {
		if (s[4] <= '3')
			return kz_err(err, KZ_EINVAL,
				"BIN %s: its 5th digit is %c but must be 4, 5 or 6 (the "
				"type); it looks like an IIN, check it as one",
				s, s[4]);
		return kz_err(err, KZ_EINVAL,
			"BIN %s: its 5th digit is %c but must be 4 (resident legal entity), 5 "
			"(non-resident) or 6 (joint individual entrepreneur); check the "
			"number against %s",
			s, s[4], bin.document);
	}
	if (s[5] > '3')
		return kz_err(err, KZ_EINVAL,
			"BIN %s: its 6th digit is %c but must be 0-3 (head office, branch, "
			"representative office, joint peasant farm); check the number "
			"against %s",
			s, s[5], bin.document);
	return check_control(&bin, s, err);
}
