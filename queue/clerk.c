/* clerk.c - clerks' PINs and logins; see clerk.h.  Start at kz_clerk_login. */
#include <stdio.h>
#include <string.h>

#include "clerk.h"
#include "clock.h"
#include "error.h"
#include "pin.h"
#include "sql.h"

#define MAX_SAME_NAME 8 /* clerks of one name (different positions) considered */

struct candidate {
	int64_t id;
	char position[256];
	char role[16];
	char hash[KZ_PIN_HASH_LEN]; /* "" if no PIN */
};

/* The clerks named name (managers and administrators if managers),
 * oldest first: *n of them (at most MAX_SAME_NAME). */
static int
candidates(struct kz_db *db, int managers, const char *name, struct candidate *c, int *n, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		managers ? "SELECT id, position, coalesce(pin_hash, ''), role FROM clerks"
			   " WHERE full_name = ? AND role IN ('manager', 'administrator')"
			   " ORDER BY id"
			 : "SELECT id, position, coalesce(pin_hash, ''), role FROM clerks"
			   " WHERE full_name = ? AND role = 'clerk' ORDER BY id",
		err);
	int rc;

	*n = 0;
	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, name);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < MAX_SAME_NAME) {
		c[*n].id = sqlite3_column_int64(st, 0);
		kz_col_text(st, 1, c[*n].position, sizeof c[*n].position);
		kz_col_text(st, 2, c[*n].hash, sizeof c[*n].hash);
		kz_col_text(st, 3, c[*n].role, sizeof c[*n].role);
		(*n)++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KZ_OK
						     : kz_db_fail(db, rc, "read clerks", err);
}

static void
fill(struct kz_clerk *out, int64_t id, const char *name, const char *position, const char *role)
{
	if (out == NULL)
		return;
	memset(out, 0, sizeof *out);
	out->id = id;
	snprintf(out->name, sizeof out->name, "%s", name);
	snprintf(out->position, sizeof out->position, "%s", position);
	snprintf(out->role, sizeof out->role, "%s", role);
}

static int
do_set_pin(struct kz_db *db, const char *name, const char *position, const char *hash,
	struct kz_clerk *out, char *err)
{
	struct candidate c[MAX_SAME_NAME];
	int64_t id;
	sqlite3_stmt *st;
	int rc, n;

	if (position != NULL && *position != '\0') {
		if ((rc = kz_clerk_id(db, name, position, &id, err)) != KZ_OK)
			return rc;
	} else {
		if ((rc = candidates(db, 0, name, c, &n, err)) != KZ_OK)
			return rc;
		if (n == 0)
			return kz_err(err, KZ_ENOTFOUND,
				"there is no clerk named '%s'; check the spelling, or add them with "
				"--position TITLE",
				name);
		if (n > 1)
			return kz_err(err, KZ_EREJECT,
				"there are %d clerks named '%s' (%s, %s%s); say which with --position",
				n, name, c[0].position, c[1].position, n > 2 ? " ..." : "");
		id = c[0].id;
		position = c[0].position;
	}
	st = kz_db_stmt(db, "UPDATE clerks SET pin_hash = ? WHERE id = ?", err);
	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, hash);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = kz_db_exec_stmt(db, st, "set PIN", err)) != KZ_OK ||
		(rc = kz_event_add(db, kz_clock_now(), KZ_EVENT_CLERK_PIN_SET, 0, 0, id, 0, NULL,
			 err)) != KZ_OK)
		return rc;
	fill(out, id, name, position, "clerk");
	return KZ_OK;
}

int
kz_clerk_set_pin(struct kz_db *db, const char *name, const char *position, const char *pin,
	struct kz_clerk *out, char *err)
{
	char hash[KZ_PIN_HASH_LEN];
	int rc;

	if (name == NULL || *name == '\0' || strlen(name) > 200)
		return kz_err(err, KZ_EINVAL,
			"the clerk's full name is missing or longer than 200 "
			"bytes; give it as at the counter: \"Surname Name\"");
	if ((rc = kz_pin_hash(pin ? pin : "", hash, sizeof hash, err)) != KZ_OK)
		return rc == KZ_EINVAL ? kz_err(err, rc, "a PIN is 4 to 12 digits; type another")
				       : rc;
	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		return rc;
	if ((rc = do_set_pin(db, name, position, hash, out, err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}

/* Wrong PINs of clerk_id since its last login or new PIN, within the lock
 * window before now; *last is when the latest was. */
static int
failures(struct kz_db *db, int64_t clerk_id, int64_t now, int *n, int64_t *last, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT count(*), coalesce(max(at), 0) FROM events"
		" WHERE kind = 'login_failed' AND clerk_id = ?1 AND at > ?2"
		" AND id > coalesce((SELECT max(id) FROM events WHERE clerk_id = ?1"
		"                    AND kind IN ('clerk_login', 'clerk_pin_set')), 0)",
		err);
	int rc;

	*n = 0;
	*last = 0;
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, clerk_id);
	sqlite3_bind_int64(st, 2, now - KZ_LOGIN_LOCK_MINUTES * 60);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int(st, 0);
		*last = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "count logins", err);
}

/* What the attempt came to, decided before the write transaction. */
struct attempt {
	int64_t clerk_id; /* the clerk concerned, 0 if the name is unknown */
	int64_t counter_id;
	enum kz_event_kind kind; /* KZ_EVENT_CLERK_LOGIN or KZ_EVENT_LOGIN_FAILED */
	const char *detail;      /* for login_failed: why (never the PIN) */
	int good;                /* the PIN matched */
};

/* Record the attempt (one transaction); a good PIN of a clerk locked in
 * the meantime turns into a failure.  *fails is then the count. */
static int
record(struct kz_db *db, struct attempt *a, int *fails, int64_t *last, char *err)
{
	int64_t now = kz_clock_now();
	int rc;

	*fails = 0;
	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		return rc;
	if (a->clerk_id != 0 && (rc = failures(db, a->clerk_id, now, fails, last, err)) != KZ_OK)
		goto fail;
	if (a->good && *fails >= KZ_LOGIN_TRIES) {
		a->good = 0;
		a->kind = KZ_EVENT_LOGIN_FAILED;
		a->detail = "locked";
	}
	if ((rc = kz_event_add(db, now, a->kind, 0, a->counter_id, a->clerk_id, 0, a->detail,
		     err)) != KZ_OK)
		goto fail;
	if (!a->good) {
		(*fails)++;
		*last = now;
	}
	return kz_db_commit(db, err);
fail:
	kz_db_rollback(db);
	return rc;
}

static int
login(struct kz_db *db, int managers, const char *name, const char *pin, int counter,
	struct kz_clerk *out, struct kz_login_refusal *why, char *err)
{
	struct candidate c[MAX_SAME_NAME];
	struct attempt a = {0, 0, KZ_EVENT_LOGIN_FAILED, "unknown name", 0};
	struct kz_counter_row row;
	int64_t last = 0;
	int rc, n, fails = 0, with_pin = -1, match = -1;
	char until[8];

	if (name == NULL || *name == '\0')
		return kz_err(err, KZ_EINVAL, "type your full name to log in");
	if (counter != 0) {
		if ((rc = kz_counter_row(db, counter, &row, err)) != KZ_OK)
			return rc;
		a.counter_id = row.id;
	}
	if ((rc = candidates(db, managers, name, c, &n, err)) != KZ_OK)
		return rc;
	for (int i = 0; i < n; i++)
		if (c[i].hash[0] && with_pin < 0)
			with_pin = i;
	if (n > 0) {
		a.clerk_id = c[with_pin < 0 ? 0 : with_pin].id;
		a.detail = with_pin < 0 ? "no PIN set" : "wrong PIN";
	}
	if (with_pin >= 0 &&
		(rc = failures(db, a.clerk_id, kz_clock_now(), &fails, &last, err)) != KZ_OK)
		return rc;
	if (with_pin >= 0 && fails >= KZ_LOGIN_TRIES)
		a.detail = "locked"; /* the PIN is not even looked at */
	else
		for (int i = 0; i < n && match < 0; i++)
			if (c[i].hash[0] && kz_pin_check(pin, c[i].hash))
				match = i;
	if (match >= 0)
		a = (struct attempt){c[match].id, a.counter_id, KZ_EVENT_CLERK_LOGIN, NULL, 1};
	if ((rc = record(db, &a, &fails, &last, err)) != KZ_OK)
		return rc;
	if (a.good) {
		fill(out, c[match].id, name, c[match].position, c[match].role);
		return KZ_OK;
	}
	if (why != NULL) {
		why->reason = n == 0              ? KZ_LOGIN_UNKNOWN
			: with_pin < 0            ? KZ_LOGIN_NO_PIN
			: fails >= KZ_LOGIN_TRIES ? KZ_LOGIN_LOCKED
						  : KZ_LOGIN_WRONG;
		why->tries_left = KZ_LOGIN_TRIES - fails;
		why->until = last + KZ_LOGIN_LOCK_MINUTES * 60;
	}
	if (n == 0)
		return kz_err(err, KZ_EREJECT, "there is no %s named '%s'; type the full name",
			managers ? "manager" : "clerk", name);
	if (with_pin < 0)
		return kz_err(err, KZ_EREJECT,
			"%s has no PIN yet; the administrator sets one with 'kezek %s pin \"%s\"'",
			name, managers ? "manager" : "clerk", name);
	kz_clock_format(last + KZ_LOGIN_LOCK_MINUTES * 60, "%H:%M", until, sizeof until);
	if (fails >= KZ_LOGIN_TRIES)
		return kz_err(err, KZ_EREJECT,
			"too many wrong PINs for %s: login is locked until %s; or the administrator "
			"sets a new PIN with 'kezek clerk pin'",
			name, until);
	return kz_err(err, KZ_EREJECT,
		"wrong PIN for %s; %d %s left before login is locked for "
		"%d minutes",
		name, KZ_LOGIN_TRIES - fails, KZ_LOGIN_TRIES - fails == 1 ? "try" : "tries",
		KZ_LOGIN_LOCK_MINUTES);
}

int
kz_clerk_login(struct kz_db *db, const char *name, const char *pin, int counter,
	struct kz_clerk *out, char *err)
{
	return login(db, 0, name, pin, counter, out, NULL, err);
}

int
kz_staff_login(struct kz_db *db, int managers, const char *name, const char *pin, int counter,
	struct kz_clerk *out, struct kz_login_refusal *why, char *err)
{
	return login(db, managers, name, pin, managers ? 0 : counter, out, why, err);
}

int
kz_manager_login(struct kz_db *db, const char *name, const char *pin, struct kz_clerk *out,
	char *err)
{
	return login(db, 1, name, pin, 0, out, NULL, err);
}

/* The manager's row: found by name among managers, else added; its role
 * set to role. */
static int
do_set_manager_pin(struct kz_db *db, const char *name, const char *role, const char *hash,
	struct kz_clerk *out, char *err)
{
	struct candidate c[MAX_SAME_NAME];
	sqlite3_stmt *st;
	int64_t id;
	int rc, n;

	if ((rc = candidates(db, 1, name, c, &n, err)) != KZ_OK)
		return rc;
	if (n == 0) {
		st = kz_db_stmt(db,
			"INSERT INTO clerks (full_name, position, role) VALUES (?, ?, ?)", err);
		if (st == NULL)
			return KZ_EDB;
		kz_bind_text(st, 1, name);
		kz_bind_text(st, 2, role);
		kz_bind_text(st, 3, role);
		if ((rc = kz_db_exec_stmt(db, st, "add a manager", err)) != KZ_OK)
			return rc == KZ_EDB ? kz_err(err, KZ_EREJECT,
						      "'%s' is already a clerk's name with the "
						      "position '%s'; give the manager's full name",
						      name, role)
					    : rc;
		id = sqlite3_last_insert_rowid(kz_db_sql(db));
	} else {
		id = c[0].id;
	}
	st = kz_db_stmt(db, "UPDATE clerks SET pin_hash = ?, role = ? WHERE id = ?", err);
	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, hash);
	kz_bind_text(st, 2, role);
	sqlite3_bind_int64(st, 3, id);
	if ((rc = kz_db_exec_stmt(db, st, "set PIN", err)) != KZ_OK ||
		(rc = kz_event_add(db, kz_clock_now(), KZ_EVENT_CLERK_PIN_SET, 0, 0, id, 0, role,
			 err)) != KZ_OK)
		return rc;
	fill(out, id, name, role, role);
	return KZ_OK;
}

int
kz_manager_set_pin(struct kz_db *db, const char *name, const char *role, const char *pin,
	struct kz_clerk *out, char *err)
{
	char hash[KZ_PIN_HASH_LEN];
	int rc;

	if (name == NULL || *name == '\0' || strlen(name) > 200)
		return kz_err(err, KZ_EINVAL,
			"the manager's full name is missing or longer than 200 bytes; give it "
			"as \"Surname Name\"");
	if (role == NULL || (strcmp(role, "manager") != 0 && strcmp(role, "administrator") != 0))
		return kz_err(err, KZ_EINVAL, "the role is manager or administrator");
	if ((rc = kz_pin_hash(pin ? pin : "", hash, sizeof hash, err)) != KZ_OK)
		return rc == KZ_EINVAL ? kz_err(err, rc, "a PIN is 4 to 12 digits; type another")
				       : rc;
	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		return rc;
	if ((rc = do_set_manager_pin(db, name, role, hash, out, err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}
