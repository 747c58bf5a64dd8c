/* feedback.c - visitors' App. 4 ballots, one per ticket served today,
 * stored apart from the ticket and counted; see feedback.h. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sys/random.h>

#include <nettle/hmac.h>

#include "calendar.h"
#include "clock.h"
#include "error.h"
#include "feedback.h"
#include "sql.h"
#include "utf8.h"

#define KEY_LEN 32 /* a day's ballot key, and a mark: HMAC-SHA256 */

static const char *const question_names[KZ_FB_QUESTIONS] = {
	[KZ_FB_QUALITY] = "quality",
	[KZ_FB_INFORMATION] = "information",
	[KZ_FB_APPEAL] = "appeal",
	[KZ_FB_POLITENESS] = "politeness",
};

/* --- the ticket's number ------------------------------------------------ */

/* The capital of a Latin, Russian or Kazakh small letter; others as they are. */
static uint32_t
capital(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return cp - 32;
	if (cp >= 0x430 && cp <= 0x44F)
		return cp - 0x20;
	if (cp >= 0x450 && cp <= 0x45F)
		return cp - 0x50;
	if (cp >= 0x490 && cp <= 0x4FF && cp % 2 == 1)
		return cp - 1;
	return cp;
}

/* cp as UTF-8 at out + *n (room permitting); 0 if it does not fit. */
static int
put_utf8(char *out, size_t len, size_t *n, uint32_t cp)
{
	unsigned char b[3];
	size_t k = 0;

	if (cp < 0x80)
		b[k++] = (unsigned char)cp;
	else if (cp < 0x800) {
		b[k++] = (unsigned char)(0xC0 | cp >> 6);
		b[k++] = (unsigned char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		b[k++] = (unsigned char)(0xE0 | cp >> 12);
		b[k++] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		b[k++] = (unsigned char)(0x80 | (cp & 0x3F));
	} else
		return 0;
	if (*n + k >= len)
		return 0;
	memcpy(out + *n, b, k);
	*n += k;
	return 1;
}

int
kz_ballot_number(const char *typed, char out[KZ_BALLOT_NUMBER_LEN])
{
	char prefix[KZ_BALLOT_NUMBER_LEN], whole[2 * KZ_BALLOT_NUMBER_LEN];
	size_t np = 0;
	int letters = 0, digits = 0;
	long seq = 0;

	out[0] = '\0';
	for (const char *s = typed; s != NULL && *s != '\0';) {
		uint32_t cp;
		if (*s == ' ' || *s == '-') {
			s++;
			continue;
		}
		if (*s >= '0' && *s <= '9') {
			if (++digits > 6)
				return KZ_EINVAL;
			seq = seq * 10 + (*s++ - '0');
			continue;
		}
		s += kz_utf8_next((const unsigned char *)s, &cp);
		/* a prefix of 1 to 4 letters or digits, before the sequence */
		if (digits > 0 || cp == KZ_NOT_UNICODE || cp < 0x20 || ++letters > 4 ||
			!put_utf8(prefix, sizeof prefix, &np, capital(cp)))
			return KZ_EINVAL;
	}
	if (letters == 0 || digits == 0)
		return KZ_EINVAL;
	prefix[np] = '\0';
	snprintf(whole, sizeof whole, "%s-%03ld", prefix, seq);
	if (strlen(whole) >= KZ_BALLOT_NUMBER_LEN)
		return KZ_EINVAL;
	memcpy(out, whole, strlen(whole) + 1);
	return KZ_OK;
}

/* --- who may vote ------------------------------------------------------- */

/* The mark of number on day under key: HMAC-SHA256 of "day number". */
static void
make_mark(const uint8_t key[KEY_LEN], const char *day, const char *number, uint8_t mark[KEY_LEN])
{
	struct hmac_sha256_ctx ctx;

	hmac_sha256_set_key(&ctx, KEY_LEN, key);
	hmac_sha256_update(&ctx, strlen(day), (const uint8_t *)day);
	hmac_sha256_update(&ctx, 1, (const uint8_t *)" ");
	hmac_sha256_update(&ctx, strlen(number), (const uint8_t *)number);
	hmac_sha256_digest(&ctx, KEY_LEN, mark);
}

/* The check code of number on day under key: four digits cut from
 * HMAC-SHA256 of "check day number", another message than the mark's, so
 * that a stored mark tells nothing of a code. */
static void
make_code(const uint8_t key[KEY_LEN], const char *day, const char *number,
	char code[KZ_BALLOT_CODE_LEN])
{
	struct hmac_sha256_ctx ctx;
	uint8_t h[KEY_LEN];
	uint32_t v;

	hmac_sha256_set_key(&ctx, KEY_LEN, key);
	hmac_sha256_update(&ctx, 6, (const uint8_t *)"check ");
	hmac_sha256_update(&ctx, strlen(day), (const uint8_t *)day);
	hmac_sha256_update(&ctx, 1, (const uint8_t *)" ");
	hmac_sha256_update(&ctx, strlen(number), (const uint8_t *)number);
	hmac_sha256_digest(&ctx, KEY_LEN, h);
	v = (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3];
	snprintf(code, KZ_BALLOT_CODE_LEN, "%04u", (unsigned)(v % 10000));
}

/* day's ballot key into key: 1 found, 0 none yet, or a KZ_E* code. */
static int
day_key(struct kz_db *db, const char *day, uint8_t key[KEY_LEN], char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT key FROM ballot_keys WHERE day = ?", err);
	int rc, found = 0;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 0) == KEY_LEN) {
		memcpy(key, sqlite3_column_blob(st, 0), KEY_LEN);
		found = 1;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "read the day's ballot key", err);
	return found;
}

/* Whether number (as printed) may vote on day; KZ_OK with *why set, or KZ_E*. */
static int
judge(struct kz_db *db, const char *day, const char *number, const char *code,
	enum kz_ballot_refusal *why, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT count(*), coalesce(sum(outcome = 'served'), 0) FROM tickets"
		" WHERE day = ? AND number = ?",
		err);
	uint8_t key[KEY_LEN], mark[KEY_LEN];
	char right[KZ_BALLOT_CODE_LEN];
	int rc, places = 0, served = 0;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, number, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		places = sqlite3_column_int(st, 0);
		served = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return kz_db_fail(db, rc, "find the ballot's ticket", err);
	*why = places == 0    ? KZ_BALLOT_UNKNOWN
		: served == 0 ? KZ_BALLOT_NOT_SERVED
			      : KZ_BALLOT_MAY_VOTE;
	if (*why != KZ_BALLOT_MAY_VOTE)
		return KZ_OK;
	if ((rc = day_key(db, day, key, err)) < 0)
		return rc;
	/* no key yet: no code was printed today, and nobody has voted */
	if (code != NULL) {
		if (rc > 0)
			make_code(key, day, number, right);
		if (rc == 0 || strcmp(code, right) != 0) {
			*why = KZ_BALLOT_WRONG_CODE;
			return KZ_OK;
		}
	}
	/* the number alone tells only what the board shows: whether a ballot
	 * was cast is for the code's holder */
	if (rc == 0 || code == NULL)
		return KZ_OK;
	make_mark(key, day, number, mark);
	if ((st = kz_db_stmt(db, "SELECT 1 FROM ballot_marks WHERE day = ? AND mark = ?", err)) ==
		NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, mark, KEY_LEN, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		*why = KZ_BALLOT_CAST;
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		? KZ_OK
		: kz_db_fail(db, rc, "read the ballot marks", err);
}

/* KZ_EREJECT with the log's words for why, or KZ_OK. */
static int
refuse(enum kz_ballot_refusal why, const char *number, char *err)
{
	switch (why) {
	case KZ_BALLOT_UNKNOWN:
		return kz_err(err, KZ_EREJECT,
			"no ticket %s was issued today; a ballot needs a ticket served today",
			number);
	case KZ_BALLOT_NOT_SERVED:
		return kz_err(err, KZ_EREJECT,
			"ticket %s has not been served; its ballot is taken once it is", number);
	case KZ_BALLOT_CAST:
		return kz_err(err, KZ_EREJECT, "ticket %s has voted already; one ballot per ticket",
			number);
	case KZ_BALLOT_WRONG_CODE:
		return kz_err(err, KZ_EREJECT,
			"the check code is not that of ticket %s; type the four digits printed "
			"on the ticket",
			number);
	case KZ_BALLOT_MAY_VOTE:
		break;
	}
	return KZ_OK;
}

static int
check_ballot(struct kz_db *db, const char *ticket, const char *code,
	enum kz_ballot_refusal *refused, char *err)
{
	char number[KZ_BALLOT_NUMBER_LEN], day[11];
	enum kz_ballot_refusal why = KZ_BALLOT_UNKNOWN;
	int rc;

	if (kz_ballot_number(ticket, number) != KZ_OK) {
		if (refused != NULL)
			*refused = KZ_BALLOT_UNKNOWN;
		return kz_err(err, KZ_EINVAL,
			"'%.23s' is not a ticket number; type it as printed, e.g. A-015", ticket);
	}
	kz_clock_day(kz_clock_now(), day);
	if ((rc = judge(db, day, number, code, &why, err)) != KZ_OK)
		return rc;
	if (refused != NULL)
		*refused = why;
	return refuse(why, number, err);
}

int
kz_ballot_check(struct kz_db *db, const char *ticket, const char *code,
	enum kz_ballot_refusal *refused, char *err)
{
	int rc;

	if (refused != NULL)
		*refused = KZ_BALLOT_MAY_VOTE;
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	if ((rc = check_ballot(db, ticket, code, refused, err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}

/* Today's key, made (and earlier days' keys and marks deleted: only
 * today's tickets may vote) by the first ballot of the day. */
static int
today_key(struct kz_db *db, const char *day, uint8_t key[KEY_LEN], char *err)
{
	static const char *const forget[] = {
		"DELETE FROM ballot_keys WHERE day < ?",
		"DELETE FROM ballot_marks WHERE day < ?",
	};
	sqlite3_stmt *st;
	int rc;

	if ((rc = day_key(db, day, key, err)) != 0)
		return rc > 0 ? KZ_OK : rc;
	for (size_t i = 0; i < 2; i++) {
		if ((st = kz_db_stmt(db, forget[i], err)) == NULL)
			return KZ_EDB;
		sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
		if ((rc = kz_db_exec_stmt(db, st, "forget earlier days' ballots", err)) != KZ_OK)
			return rc;
	}
	if (getrandom(key, KEY_LEN, 0) != KEY_LEN)
		return kz_err(err, KZ_EDB,
			"no random bytes for the day's ballot key: %s; check the system's "
			"entropy source",
			strerror(errno));
	if ((st = kz_db_stmt(db, "INSERT INTO ballot_keys (day, key) VALUES (?, ?)", err)) == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, key, KEY_LEN, SQLITE_STATIC);
	return kz_db_exec_stmt(db, st, "store the day's ballot key", err);
}

/* day's key if it has one (*found), read alone. */
static int
read_day_key(struct kz_db *db, const char *day, uint8_t key[KEY_LEN], int *found, char *err)
{
	int rc;

	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	if ((rc = day_key(db, day, key, err)) < 0) {
		kz_db_rollback(db);
		return rc;
	}
	*found = rc;
	return kz_db_commit(db, err);
}

int
kz_ballot_code(struct kz_db *db, const char *day, const char *number, char code[KZ_BALLOT_CODE_LEN],
	char *err)
{
	uint8_t key[KEY_LEN];
	char today[11], canonical[KZ_BALLOT_NUMBER_LEN];
	int rc, found = 0;

	code[0] = '\0';
	/* as the ballot will name it: "A-015" */
	if (kz_ballot_number(number, canonical) != KZ_OK)
		snprintf(canonical, sizeof canonical, "%s", number);
	if ((rc = read_day_key(db, day, key, &found, err)) != KZ_OK)
		return rc;
	kz_clock_day(kz_clock_now(), today);
	if (!found && strcmp(day, today) != 0)
		return KZ_OK; /* a past day's key is forgotten: its tickets vote no more */
	if (!found) {
		/* once a day: the write lock only for the day's first code */
		if ((rc = kz_db_begin(db, err)) != KZ_OK)
			return rc;
		if ((rc = today_key(db, day, key, err)) != KZ_OK) {
			kz_db_rollback(db);
			return rc;
		}
		if ((rc = kz_db_commit(db, err)) != KZ_OK)
			return rc;
	}
	make_code(key, day, canonical, code);
	return KZ_OK;
}

int
kz_ballot_day_key(struct kz_db *db, const char *day, int make, uint8_t key[KZ_BALLOT_KEY_LEN],
	char *err)
{
	char today[11];
	int rc, found = 0;

	if ((rc = read_day_key(db, day, key, &found, err)) != KZ_OK)
		return rc;
	kz_clock_day(kz_clock_now(), today);
	if (found || !make || strcmp(day, today) != 0)
		return found;
	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		return rc;
	if ((rc = today_key(db, day, key, err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return (rc = kz_db_commit(db, err)) != KZ_OK ? rc : 1;
}

/* Mark number as having voted on day. */
static int
mark_voted(struct kz_db *db, const char *day, const char *number, char *err)
{
	uint8_t key[KEY_LEN], mark[KEY_LEN];
	sqlite3_stmt *st;
	int rc;

	if ((rc = today_key(db, day, key, err)) != KZ_OK)
		return rc;
	make_mark(key, day, number, mark);
	if ((st = kz_db_stmt(db, "INSERT INTO ballot_marks (day, mark) VALUES (?, ?)", err)) ==
		NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, mark, KEY_LEN, SQLITE_TRANSIENT);
	return kz_db_exec_stmt(db, st, "mark the ticket's ballot", err);
}

/* --- ballots ------------------------------------------------------------ */

static int
check(const struct kz_feedback *fb, const int answers[KZ_FB_QUESTIONS], char *err)
{
	int given = 0;

	if (strcmp(fb->lang, "kk") != 0 && strcmp(fb->lang, "ru") != 0)
		return kz_err(err, KZ_EINVAL,
			"feedback language '%.3s' is not kk or ru; nothing "
			"was stored",
			fb->lang);
	if (memchr(fb->code, '\0', sizeof fb->code) == NULL)
		return kz_err(err, KZ_EINVAL, "a check code is %d digits; nothing was stored",
			(int)sizeof fb->code - 1);
	if (memchr(fb->kiosk, '\0', sizeof fb->kiosk) == NULL)
		return kz_err(err, KZ_EINVAL,
			"kiosk name is longer than %d bytes; shorten it in "
			"the kiosk's settings",
			(int)sizeof fb->kiosk - 1);
	for (int i = 0; i < KZ_FB_QUESTIONS; i++) {
		if (answers[i] < -1 || answers[i] > 1)
			return kz_err(err, KZ_EINVAL,
				"answer %d to '%s' is not 1 (satisfied), 0 (not) "
				"or -1 (skipped); nothing was stored",
				answers[i], question_names[i]);
		given += answers[i] >= 0;
	}
	if (given == 0)
		return kz_err(err, KZ_EINVAL, "no answer was given; nothing to store");
	return KZ_OK;
}

static int
do_add(struct kz_db *db, const struct kz_feedback *fb, const int answers[KZ_FB_QUESTIONS],
	int64_t *id, enum kz_ballot_refusal *refused, char *err)
{
	int64_t now = kz_clock_now(), row;
	char day[11], detail[32], number[KZ_BALLOT_NUMBER_LEN];
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO feedback (at, day, lang, kiosk, quality, information, appeal, politeness)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_clock_day(now, day);
	/* checked again inside the write: two kiosks, one ticket, one ballot */
	if ((rc = check_ballot(db, fb->ticket, fb->code, refused, err)) != KZ_OK)
		return rc;
	kz_ballot_number(fb->ticket, number);
	if ((rc = mark_voted(db, day, number, err)) != KZ_OK)
		return rc;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, fb->lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, fb->kiosk, -1, SQLITE_STATIC);
	for (int i = 0; i < KZ_FB_QUESTIONS; i++)
		if (answers[i] < 0)
			sqlite3_bind_null(st, 5 + i);
		else
			sqlite3_bind_int(st, 5 + i, answers[i]);
	if ((rc = kz_db_exec_stmt(db, st, "store feedback", err)) != KZ_OK)
		return rc;
	row = sqlite3_last_insert_rowid(kz_db_sql(db));
	/* the event names the row only: no ticket, no person */
	snprintf(detail, sizeof detail, "feedback %lld", (long long)row);
	if ((rc = kz_event_add(db, now, KZ_EVENT_FEEDBACK, 0, 0, 0, 0, detail, err)) != KZ_OK)
		return rc;
	if (id)
		*id = row;
	return KZ_OK;
}

int
kz_feedback_add(struct kz_db *db, const struct kz_feedback *fb, int64_t *id,
	enum kz_ballot_refusal *refused, char *err)
{
	const int answers[KZ_FB_QUESTIONS] = {
		[KZ_FB_QUALITY] = fb->quality,
		[KZ_FB_INFORMATION] = fb->information,
		[KZ_FB_APPEAL] = fb->appeal,
		[KZ_FB_POLITENESS] = fb->politeness,
	};
	int rc;

	if (refused != NULL)
		*refused = KZ_BALLOT_MAY_VOTE;
	if ((rc = check(fb, answers, err)) != KZ_OK)
		return rc;
	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		return rc;
	if ((rc = do_add(db, fb, answers, id, refused, err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}

static int
check_day(const char *day, const char *which, char *err)
{
	struct kz_date d;

	if (day == NULL || kz_date_parse(day, &d) != 0)
		return kz_err(err, KZ_EINVAL, "%s day '%s' is not a date; write it as 2026-03-20",
			which, day ? day : "");
	return KZ_OK;
}

int
kz_feedback_fill(struct kz_db *db, const char *from_day, const char *to_day,
	struct kz_feedback_summary *out, char *err)
{
	/* answers are 0 or 1, so sum(x) counts the satisfied; count(x) leaves
	 * out NULLs, the skipped questions */
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT count(*),"
		" coalesce(sum(quality), 0), count(quality),"
		" coalesce(sum(information), 0), count(information),"
		" coalesce(sum(appeal), 0), count(appeal),"
		" coalesce(sum(politeness), 0), count(politeness)"
		" FROM feedback WHERE day BETWEEN ? AND ?",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, from_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to_day, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->responses = sqlite3_column_int(st, 0);
		for (int i = 0; i < KZ_FB_QUESTIONS; i++) {
			out->yes[i] = sqlite3_column_int(st, 1 + 2 * i);
			out->answered[i] = sqlite3_column_int(st, 2 + 2 * i);
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "read feedback", err);
}

int
kz_feedback_summary(struct kz_db *db, const char *from_day, const char *to_day,
	struct kz_feedback_summary *out, char *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = check_day(from_day, "first", err)) != KZ_OK ||
		(rc = check_day(to_day, "last", err)) != KZ_OK)
		return rc;
	if (strcmp(from_day, to_day) > 0)
		return kz_err(err, KZ_EINVAL, "first day %s is after last day %s; swap them",
			from_day, to_day);
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	if ((rc = kz_feedback_fill(db, from_day, to_day, out, err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}
