/* adminpin.c - the kiosk administrator's PIN in the database; see
 * adminpin.h.  Start at kz_admin_pin_try. */
#include <string.h>

#include "adminpin.h"
#include "clock.h"
#include "error.h"
#include "pin.h"
#include "sql.h"

static int
digits(const char *pin)
{
	size_t n = strlen(pin);

	return n >= KZ_ADMIN_PIN_MIN && n <= 12 && strspn(pin, "0123456789") == n;
}

/* Store hash for kiosk (one statement: the caller holds no transaction). */
static int
store(struct kz_db *db, const char *kiosk, const char *hash, int sample, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO admin_pins (kiosk, hash, set_at, sample) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (kiosk) DO UPDATE SET hash = ?2, set_at = ?3, sample = ?4,"
		" tries = 0, rest_until = 0",
		err);

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, kiosk);
	kz_bind_text(st, 2, hash);
	sqlite3_bind_int64(st, 3, kz_clock_now());
	sqlite3_bind_int(st, 4, sample);
	return kz_db_exec_stmt(db, st, "set the administrator PIN", err);
}

int
kz_admin_pin_set(struct kz_db *db, const char *kiosk, const char *pin, char *err)
{
	char hash[KZ_PIN_HASH_LEN];
	int rc;

	if (kiosk == NULL || *kiosk == '\0')
		return kz_err(err, KZ_EINVAL, "name the kiosk, as in [kiosk NAME] of hall.ini");
	if (pin == NULL || !digits(pin))
		return kz_err(err, KZ_EINVAL,
			"an administrator's PIN is %d to 12 digits; type another",
			KZ_ADMIN_PIN_MIN);
	if (strcmp(pin, KZ_ADMIN_PIN_SAMPLE) == 0)
		return kz_err(err, KZ_EINVAL,
			"%s is the sample PIN everyone can read in the README; type another",
			KZ_ADMIN_PIN_SAMPLE);
	if ((rc = kz_pin_hash(pin, hash, sizeof hash, err)) != KZ_OK)
		return rc;
	return store(db, kiosk, hash, 0, err);
}

int
kz_admin_pin_set_sample(struct kz_db *db, const char *kiosk, int *done, char *err)
{
	struct kz_admin_pin now;
	char hash[KZ_PIN_HASH_LEN];
	int rc;

	*done = 0;
	if ((rc = kz_admin_pin_get(db, kiosk, &now, err)) != KZ_OK || now.set)
		return rc;
	if ((rc = kz_pin_hash(KZ_ADMIN_PIN_SAMPLE, hash, sizeof hash, err)) != KZ_OK ||
		(rc = store(db, kiosk, hash, 1, err)) != KZ_OK)
		return rc;
	*done = 1;
	return KZ_OK;
}

/* kiosk's row into *out, and its hash into hash (may be NULL). */
static int
row(struct kz_db *db, const char *kiosk, struct kz_admin_pin *out, char *hash, size_t len,
	char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT hash, sample, tries, rest_until, set_at FROM admin_pins WHERE kiosk = ?",
		err);
	int rc;

	memset(out, 0, sizeof *out);
	if (hash != NULL)
		hash[0] = '\0';
	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, kiosk);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->set = 1;
		if (hash != NULL)
			kz_col_text(st, 0, hash, len);
		out->sample = sqlite3_column_int(st, 1);
		out->tries = sqlite3_column_int(st, 2);
		out->rest_until = sqlite3_column_int64(st, 3);
		out->set_at = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		? KZ_OK
		: kz_db_fail(db, rc, "read the administrator PIN", err);
}

int
kz_admin_pin_get(struct kz_db *db, const char *kiosk, struct kz_admin_pin *out, char *err)
{
	return row(db, kiosk, out, NULL, 0, err);
}

/* Count the try in one transaction, against the row as it is then (another
 * kiosk process may have tried meanwhile); a good PIN during a rest fails. */
static int
record(struct kz_db *db, const char *kiosk, int *good, struct kz_admin_pin *out, char *err)
{
	int64_t now = kz_clock_now();
	sqlite3_stmt *st;
	int rc;

	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		return rc;
	if ((rc = row(db, kiosk, out, NULL, 0, err)) != KZ_OK)
		goto fail;
	if (now < out->rest_until)
		*good = 0;
	else if (*good)
		out->tries = 0, out->rest_until = 0;
	else if (++out->tries >= KZ_ADMIN_PIN_TRIES)
		out->tries = 0, out->rest_until = now + KZ_ADMIN_PIN_REST_SECONDS;
	st = kz_db_stmt(db, "UPDATE admin_pins SET tries = ?, rest_until = ? WHERE kiosk = ?", err);
	if (st == NULL) {
		rc = KZ_EDB;
		goto fail;
	}
	sqlite3_bind_int(st, 1, out->tries);
	sqlite3_bind_int64(st, 2, out->rest_until);
	kz_bind_text(st, 3, kiosk);
	if ((rc = kz_db_exec_stmt(db, st, "count a PIN try", err)) != KZ_OK)
		goto fail;
	return kz_db_commit(db, err);
fail:
	kz_db_rollback(db);
	return rc;
}

int
kz_admin_pin_try(struct kz_db *db, const char *kiosk, const char *pin, struct kz_admin_pin *out,
	char *err)
{
	char hash[KZ_PIN_HASH_LEN];
	int rc, good;

	if ((rc = row(db, kiosk, out, hash, sizeof hash, err)) != KZ_OK)
		return rc;
	if (!out->set)
		return kz_err(err, KZ_ENOTFOUND,
			"kiosk %s has no administrator PIN; set one with 'kezek kiosk pin %s'",
			kiosk, kiosk);
	if (kz_clock_now() < out->rest_until)
		return kz_err(err, KZ_EREJECT, "too many wrong PINs: the keypad rests");
	good = kz_pin_check(pin, hash);
	if ((rc = record(db, kiosk, &good, out, err)) != KZ_OK)
		return rc;
	return good ? KZ_OK : kz_err(err, KZ_EREJECT, "wrong administrator PIN");
}
