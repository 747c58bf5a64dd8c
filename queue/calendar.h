/*
 * calendar.h - Kazakhstan's working calendar, the office's hours, and the
 * standard's deadlines.
 *
 * Days off come from rules (the Law "On holidays" of 13 Dec 2001 as
 * amended: fixed dates with the years they hold; a public holiday on a
 * Saturday or Sunday gives the next working day off; religious days off do
 * not move) plus one data file per year in config/holidays/ for what rules
 * cannot know: the first day of Kurban Ait, the government's transfers of
 * days off (a weekend day declared working is one), and changes of the law.
 * See config/holidays/README.md for the file format.
 *
 * Dates are civil dates in the hall's zone; instants are UTC seconds
 * (clock.h).  Start reading at kz_cal_day and kz_cal_office.
 */
#ifndef KZ_CALENDAR_H
#define KZ_CALENDAR_H

#include <stdint.h>

struct kz_calendar;
struct kz_i18n;

struct kz_date {
	int y, m, d; /* 2026, 3 (March), 20 */
};

/* Office hours, minutes after local midnight (p.9 by default). */
struct kz_hours {
	int open;         /* 9:00 = 540 */
	int close;        /* 18:00 = 1080 */
	int lunch_start;  /* 13:00 = 780; lunch_start == lunch_end: no lunch */
	int lunch_end;    /* 14:00 = 840 */
	int last_ticket;  /* minutes before close when tickets stop (30) */
	int lunch_notice; /* minutes before lunch when tickets warn of it (30) */
};

enum kz_day_kind {
	KZ_WORKDAY,       /* an ordinary working day */
	KZ_WEEKEND,       /* Saturday or Sunday */
	KZ_HOLIDAY,       /* a public or religious holiday */
	KZ_HOLIDAY_MOVED, /* off for a public holiday that fell on a weekend */
	KZ_TRANSFER_OFF,  /* a weekday made a day off by a transfer order */
	KZ_TRANSFER_WORK, /* a weekend day made a working day in exchange */
};

struct kz_day {
	struct kz_date date;
	enum kz_day_kind kind;
	int working; /* the office works this day */
	/* The holiday concerned, or NULL; say it with kz_cal_day_name.  One of
	 * the Law's: its English name, a msgid of the catalogues (po/), which
	 * name it in Kazakh and Russian as the Law does.  One a year's file
	 * adds ([holiday-added N]): the file's Russian name, with file_kk and
	 * file_ru its names in either language. */
	const char *name;
	const char *file_kk, *file_ru; /* NULL for the Law's holidays */
	struct kz_date from;           /* KZ_HOLIDAY_MOVED: the holiday's own date;
				    KZ_TRANSFER_*: the other day of the exchange */
	const char *source;            /* transfers: the act, as in the data file; or NULL */
	int data_known;                /* the year's data file was loaded (decreed) */
};

enum kz_office_state {
	KZ_OFFICE_OPEN,
	KZ_OFFICE_BEFORE_HOURS,
	KZ_OFFICE_LUNCH,
	KZ_OFFICE_AFTER_HOURS,
	KZ_OFFICE_DAY_OFF, /* weekend or holiday: see day */
};

struct kz_office {
	enum kz_office_state state;
	struct kz_day day;  /* today */
	int64_t next_open;  /* when it opens next (if not open now) */
	int64_t next_break; /* if open: when it next stops (lunch or close) */
};

/* How far the holiday data of a year can be trusted.  Only a decreed year
 * gives answers that rest on the law and the government's acts; on the
 * others a due date or "open" may turn out wrong, and says so. */
enum kz_cal_data {
	KZ_CAL_DECREED = 0,     /* the year's file, status = decreed */
	KZ_CAL_PROVISIONAL = 1, /* the year's file, status = provisional */
	KZ_CAL_MISSING = 2,     /* no file for the year: the law's fixed days only */
};

/* What the data of year is (KZ_CAL_MISSING outside 1992-2099). */
enum kz_cal_data kz_cal_year_data(const struct kz_calendar *cal, int year);

/* The least trusted data of the years from through to: what an answer
 * that counts the days between them rests on. */
enum kz_cal_data kz_cal_span_data(const struct kz_calendar *cal, struct kz_date from,
	struct kz_date to);

/* From 1 November of today's year: next year, when it has no holiday
 * file yet (someone must add it before 1 January); else 0. */
int kz_cal_next_year_missing(const struct kz_calendar *cal, struct kz_date today);

/* "provisional" or "missing" ("decreed"), as a database column keeps it. */
const char *kz_cal_data_name(enum kz_cal_data data);

/* Load the year files of dir (NULL: rules only) with hours (NULL: p.9's).
 * KZ_ECONFIG naming file and line for a malformed file; KZ_ENOMEM. */
int kz_cal_load(const char *dir, const struct kz_hours *hours, struct kz_calendar **out, char *err);
void kz_cal_free(struct kz_calendar *cal);

/* The office's hours (as loaded). */
const struct kz_hours *kz_cal_hours(const struct kz_calendar *cal);

/* What kind of day date is.  Years 1992-2099. */
void kz_cal_day(struct kz_calendar *cal, struct kz_date date, struct kz_day *out);

/* The name of day's holiday in lang ("kk" or "ru", from cat; NULL: the
 * catalogue in use, kz_tr), or NULL if the day has none.  Any other lang
 * gives the English name (a holiday a year's file adds: its Russian one). */
const char *kz_cal_day_name(const struct kz_day *day, struct kz_i18n *cat, const char *lang);
int kz_cal_is_working(struct kz_calendar *cal, struct kz_date date);

/* Is the office open at instant t, and if not why and when it opens. */
void kz_cal_office(struct kz_calendar *cal, int64_t t, struct kz_office *out);

/* p.7.1: the result is due on the 3rd working day after the day of acceptance. */
struct kz_date kz_cal_due(struct kz_calendar *cal, struct kz_date accepted);

/* The n-th working day after date. */
struct kz_date kz_cal_add_working_days(struct kz_calendar *cal, struct kz_date date, int n);

/* p.25: a term of n calendar days from date; if it ends on a day off, it
 * ends on the next working day (Civil Code of the RK, art. 173). */
struct kz_date kz_cal_add_calendar_days(struct kz_calendar *cal, struct kz_date date, int n);

/* p.26: n months after date; the 31st becomes the month's last day. */
struct kz_date kz_date_add_months(struct kz_date date, int n);

/* Civil date helpers. */
int kz_date_parse(const char *s, struct kz_date *out); /* "YYYY-MM-DD": 0 or -1 */
void kz_date_format(struct kz_date d, char out[11]);
struct kz_date kz_date_of(int64_t t);             /* local date of an instant */
int64_t kz_date_at(struct kz_date d, int minute); /* instant of a local time */
int64_t kz_date_days(struct kz_date d);           /* days since 1970-01-01 */
struct kz_date kz_date_from_days(int64_t days);
int kz_date_weekday(struct kz_date d); /* 0 Sunday .. 6 Saturday */
int kz_date_cmp(struct kz_date a, struct kz_date b);

#endif
