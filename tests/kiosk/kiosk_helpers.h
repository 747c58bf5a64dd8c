/*
 * kiosk_helpers.h - a hall with a kiosk, for the kiosk's tests: the
 * kiosk runs in this process on SDL's offscreen driver, and the tests
 * touch it through SDL's own event queue, as a touch screen would.
 */
#ifndef KZ_KIOSK_TEST_HELPERS_H
#define KZ_KIOSK_TEST_HELPERS_H

#include "kiosk/kiosk.h"
#include "queue/error.h"
#include "tests/unit/helpers.h"

struct kt {
	struct test_hall *hall;
	struct kz_kiosk *k;
	int w, h;
	int tap_guard_ms;
	Uint32 pushed_ms; /* SDL's time stamp of the last touch pushed */
};

/* The administrator PIN of the kiosk's hall (kept in its database). */
#define KT_ADMIN_PIN "246813"

/* The kiosk's hall: services A, B, C (or only A if one_service), counters
 * 1-3, ticket printer kiosk-1 (a file), A4 forms printer a4-1 (a folder),
 * kiosk kiosk-1 (Kazakh, PIN KT_ADMIN_PIN, gesture 1234). */
struct kt *kt_new(int w, int h, int one_service, int tap_guard_ms);

/* Return once the kiosk's double-tap guard since the last touch pushed
 * is over by SDL's clock (the one its events are stamped with), so the
 * next touch counts: the state waited for, not a guessed pause. */
void kt_guard_over(struct kt *t);

/* Close the kiosk and open it again on the same hall, as a restart. */
void kt_reopen(struct kt *t);
void kt_free(struct kt *t);

/* One turn of the kiosk, with nothing touched. */
void kt_step(struct kt *t);

/* Touch the button named name ("ticket" for "btn.ticket") in its middle
 * and let the kiosk act; fails the test if no such button is shown. */
void kt_tap(struct kt *t, const char *name);

/* Touch point (x, y) of the screen; click (x, y) with the mouse. */
void kt_touch(struct kt *t, int x, int y);
void kt_click(struct kt *t, int x, int y);

/* Put a touch of button name in SDL's queue without a turn of the kiosk. */
void kt_push_tap(struct kt *t, const char *name);

/* The text of the item named id now on screen ("" if none); whether any
 * text on screen holds needle. */
const char *kt_text(struct kt *t, const char *id);
int kt_shows(struct kt *t, const char *needle);

/* The check code printed on today's ticket number ("A-001"), and that
 * code typed on the ballot screen's keypad, then OK. */
void kt_code_of(struct kt *t, const char *number, char code[5]);
void kt_type_code(struct kt *t, const char *number);

/* How many rows sql (a SELECT count(*)) counts in the hall's database. */
int kt_count(struct kt *t, const char *sql);

#endif
