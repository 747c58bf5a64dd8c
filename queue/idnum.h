/*
 * idnum.h - Kazakhstan's individual and business identification numbers
 * (IIN, BIN): 12 digits each, the 12th a control digit.  Pure: no clock, no
 * database.  Start reading at kz_iin_check.
 */
#ifndef KZ_IDNUM_H
#define KZ_IDNUM_H

#define KZ_IDNUM_LEN 12 /* digits in an IIN or a BIN */

/* The control digit for the 11 digits d11 starts with (only those 11 are
 * read): weights 1..11, sum mod 11; if that is 10, weights 3..11,1,2, sum
 * mod 11.  Returns 0-9, or -1 when both passes give 10 (no such number is
 * ever issued) or d11 is NULL or has a non-digit among its first 11. */
int kz_idnum_control(const char *d11);

/* Is s an IIN: exactly 12 digits (no spaces anywhere), digits 1-6 the
 * birth date YYMMDD, digit 7 the century and sex (1-6), digit 12 the
 * control digit.  KZ_OK, or KZ_EINVAL with the first thing wrong in err
 * (may be NULL): a non-digit and its position, the count of digits, the
 * century digit, an impossible birth date, or the control digit.  s NULL
 * is KZ_EINVAL. */
int kz_iin_check(const char *s, char *err);

/* Is s a BIN: exactly 12 digits, digits 1-2 the year and 3-4 the month
 * (01-12) of registration, digit 5 the type (4, 5 or 6), digit 6 the
 * attribute (0-3), digit 12 the control digit.  KZ_OK or KZ_EINVAL as
 * kz_iin_check. */
int kz_bin_check(const char *s, char *err);

#endif
