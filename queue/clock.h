/*
 * clock.h - the one clock every Kezek program reads.
 *
 * Nothing in Kezek reads the wall clock directly: the office is closed at
 * night and at weekends, so tests and demos must be able to stand at any
 * moment.  The clock is either the wall clock or an injected instant
 * (--now 2026-03-20T10:15 or KEZEK_NOW, local time) that then advances at
 * the real pace, so a long-running screen under a test clock still ticks.
 *
 * Instants are int64_t seconds since the Unix epoch (UTC) and are stored so;
 * people see them in the hall's zone (Asia/Almaty unless configured).
 * The zone is process-wide: kz_clock_setup sets TZ for the process.
 */
#ifndef KZ_CLOCK_H
#define KZ_CLOCK_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define KZ_DEFAULT_ZONE "Asia/Almaty"
#define KZ_NOW_ENV      "KEZEK_NOW"

/* Choose the hall's zone (NULL: Asia/Almaty) and the clock: now_text
 * (NULL: the environment's KEZEK_NOW, and if that is unset or empty, the
 * wall clock).  KZ_EINVAL for a malformed instant, KZ_ECONFIG for a zone
 * this machine has no data for. */
int kz_clock_setup(const char *zone, const char *now_text, char *err);

/* The current instant, UTC seconds. */
int64_t kz_clock_now(void);

/* Stand the clock at t from now on (it advances from there). For tests. */
void kz_clock_set(int64_t t);

/* Return to the wall clock. */
void kz_clock_use_wall(void);

/* Parse local "YYYY-MM-DDTHH:MM[:SS]" (a space may replace T) or a date
 * "YYYY-MM-DD" (midnight) into an instant. KZ_EINVAL with a message if
 * malformed or not a real time of day. */
int kz_clock_parse_local(const char *text, int64_t *out, char *err);

/* Break t into local calendar fields (tm_wday 0 = Sunday). */
void kz_clock_local(int64_t t, struct tm *out);

/* The instant of a local wall time (fields as in struct tm, month 1-12). */
int64_t kz_clock_from_local(int year, int month, int day, int hour, int min, int sec);

/* Format t in local time with strftime's fmt. */
void kz_clock_format(int64_t t, const char *fmt, char *buf, size_t len);

/* Local date of t as "YYYY-MM-DD" into day (11 bytes). */
void kz_clock_day(int64_t t, char day[11]);

#endif
