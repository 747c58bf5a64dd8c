/* device.c - the registered devices; see device.h.  Start at kz_device_add. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include <nettle/sha2.h>

#include "device.h"
#include "error.h"
#include "sql.h"

/* Crockford's base 32: no I, L, O, U to misread. */
static const char code_digits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
#define CODE_CHARS 16 /* 80 bits */

static const char *const role_words[] = {"", "board", "kiosk", "printer"};

const char *
kz_device_role_name(enum kz_device_role role)
{
	return role >= KZ_DEVICE_BOARD && role <= KZ_DEVICE_PRINTER ? role_words[role] : "";
}

enum kz_device_role
kz_device_role_of(const char *word)
{
	for (int i = KZ_DEVICE_BOARD; word && i <= KZ_DEVICE_PRINTER; i++)
		if (strcmp(word, role_words[i]) == 0)
			return (enum kz_device_role)i;
	return KZ_DEVICE_NONE;
}

int
kz_device_name_check(const char *name, char *err)
{
	size_t n = name ? strlen(name) : 0;

	if (n == 0 || n > KZ_DEVICE_NAME_MAX ||
		strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") !=
			n)
		return kz_err(err, KZ_EINVAL,
			"a device's name is 1 to %d letters A-Z, digits, '_' or '-' (like "
			"board-1); '%.64s' is not",
			KZ_DEVICE_NAME_MAX, name ? name : "");
	return KZ_OK;
}

/* n bytes as 2n lower-case hex digits and a NUL into out. */
static void
to_hex(const uint8_t *b, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

void
kz_device_hash(const char *s, char hex[65])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, strlen(s), (const uint8_t *)s);
	sha256_digest(&ctx, sizeof d, d);
	to_hex(d, sizeof d, hex);
	memset(d, 0, sizeof d);
}

static int
random_bytes(unsigned char *b, size_t n, char *err)
{
	if (getrandom(b, n, 0) != (ssize_t)n)
		return kz_err(err, KZ_EDB,
			"the system gave no random bytes for a device's secret; "
			"try again");
	return KZ_OK;
}

/* A new code "XXXX-XXXX-XXXX-XXXX" into code, its hash into hash. */
static int
new_code(char *code, char hash[65], char *err)
{
	unsigned char b[10];
	char plain[CODE_CHARS + 1];
	int rc;

	if ((rc = random_bytes(b, sizeof b, err)) != KZ_OK)
		return rc;
	for (int i = 0; i < CODE_CHARS; i++) {
		int bit = i * 5, v = 0;
		for (int k = 0; k < 5; k++, bit++)
			v = (v << 1) | ((b[bit / 8] >> (7 - bit % 8)) & 1);
		plain[i] = code_digits[v];
	}
	plain[CODE_CHARS] = '\0';
	snprintf(code, KZ_DEVICE_CODE_SIZE, "%.4s-%.4s-%.4s-%.4s", plain, plain + 4, plain + 8,
		plain + 12);
	kz_device_hash(plain, hash);
	memset(b, 0, sizeof b);
	memset(plain, 0, sizeof plain);
	return KZ_OK;
}

/* A code as typed, in the form it was hashed: 1, or 0 if it cannot be one. */
static int
normal_code(const char *typed, char out[CODE_CHARS + 1])
{
	int n = 0;

	for (const char *p = typed; *p; p++) {
		int c = toupper((unsigned char)*p);
		if (c == '-' || c == ' ')
			continue;
		if (c == 'O')
			c = '0';
		else if (c == 'I' || c == 'L')
			c = '1';
		if (c == '\0' || strchr(code_digits, c) == NULL || n == CODE_CHARS)
			return 0;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return n == CODE_CHARS;
}

#define DEVICE_COLUMNS                                                                             \
	"id, name, role, stands_for, credential IS NOT NULL AND revoked_at = 0, code IS NOT NULL," \
	" code_expires,"                                                                           \
	" created_at, enrolled_at, revoked_at, seen_at, code_tries"

static void
read_row(sqlite3_stmt *st, struct kz_device *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(st, 0);
	kz_col_text(st, 1, d->name, sizeof d->name);
	d->role = kz_device_role_of((const char *)sqlite3_column_text(st, 2));
	kz_col_text(st, 3, d->stands_for, sizeof d->stands_for);
	d->enrolled = sqlite3_column_int(st, 4);
	d->code_live = sqlite3_column_int(st, 5);
	d->code_expires = sqlite3_column_int64(st, 6);
	d->created_at = sqlite3_column_int64(st, 7);
	d->enrolled_at = sqlite3_column_int64(st, 8);
	d->revoked_at = sqlite3_column_int64(st, 9);
	d->seen_at = sqlite3_column_int64(st, 10);
}

/* The one device st finds with key bound to ?1 into *d (and its tries into
 * *tries, may be NULL): KZ_ENOTFOUND with err untouched when there is none,
 * a database error naming what. */
static int
find_one(struct kz_db *db, sqlite3_stmt *st, const char *key, struct kz_device *d, int *tries,
	const char *what, char *err)
{
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_row(st, d);
		if (tries)
			*tries = sqlite3_column_int(st, 11);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return KZ_OK;
	return rc == SQLITE_DONE ? KZ_ENOTFOUND : kz_db_fail(db, rc, what, err);
}

/* name's row into *d (and its tries into *tries, may be NULL). */
static int
by_name(struct kz_db *db, const char *name, struct kz_device *d, int *tries, char *err)
{
	int rc = find_one(db,
		kz_db_stmt(db, "SELECT " DEVICE_COLUMNS " FROM devices WHERE name = ?1", err), name,
		d, tries, "find the device", err);

	if (rc != KZ_ENOTFOUND)
		return rc;
	return kz_err(err, KZ_ENOTFOUND,
		"no device is called '%s'; 'kezek device list' shows them, 'kezek device add' "
		"adds one",
		name);
}

/* The device a new enrolment code is for, and when. */
struct code_for {
	const char *name;
	enum kz_device_role role; /* a new device's (add_tx) */
	const char *stands_for;   /* a new device's (add_tx) */
	int64_t now;
};

/* The work of a change giving c's device the code of hash, in its
 * transaction; out its row after. */
typedef int code_tx(struct kz_db *db, const struct code_for *c, const char *hash,
	struct kz_device *out, char *err);

/* A new code into code (KZ_DEVICE_CODE_SIZE bytes), given by tx as one
 * transaction; the code wiped unless it is committed. */
static int
with_new_code(struct kz_db *db, code_tx *tx, const struct code_for *c, char *code,
	struct kz_device *out, char *err)
{
	char hash[65];
	int rc;

	if ((rc = new_code(code, hash, err)) != KZ_OK)
		return rc;
	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		goto fail;
	if ((rc = tx(db, c, hash, out, err)) != KZ_OK) {
		kz_db_rollback(db);
		goto fail;
	}
	if ((rc = kz_db_commit(db, err)) == KZ_OK)
		return KZ_OK;
fail:
	memset(code, 0, KZ_DEVICE_CODE_SIZE);
	return rc;
}

static int
add_tx(struct kz_db *db, const struct code_for *c, const char *hash, struct kz_device *out,
	char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT 1 FROM devices WHERE name = ?1", err);
	const char *name = c->name;
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, name);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return kz_err(err, KZ_EREJECT,
			"a device called '%s' exists; 'kezek device code %s' gives it a new "
			"enrolment code, or choose another name",
			name, name);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "find the device", err);
	st = kz_db_stmt(db,
		"INSERT INTO devices (name, role, stands_for, code, code_expires, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		err);
	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, name);
	kz_bind_text(st, 2, kz_device_role_name(c->role));
	sqlite3_bind_text(st, 3, c->stands_for, -1, SQLITE_STATIC);
	kz_bind_text(st, 4, hash);
	sqlite3_bind_int64(st, 5, c->now + KZ_DEVICE_CODE_SECONDS);
	sqlite3_bind_int64(st, 6, c->now);
	if ((rc = kz_db_exec_stmt(db, st, "add the device", err)) != KZ_OK)
		return rc;
	return by_name(db, name, out, NULL, err);
}

int
kz_device_add(struct kz_db *db, const char *name, enum kz_device_role role, const char *stands_for,
	int64_t now, char *code, struct kz_device *out, char *err)
{
	int rc;

	code[0] = '\0';
	if ((rc = kz_device_name_check(name, err)) != KZ_OK)
		return rc;
	if (role == KZ_DEVICE_NONE)
		return kz_err(err, KZ_EINVAL, "a device's role is board, kiosk or printer");
	if (role == KZ_DEVICE_BOARD && stands_for && *stands_for)
		return kz_err(err, KZ_EINVAL,
			"a board stands for no kiosk or printer; leave out --for");
	if (role == KZ_DEVICE_BOARD)
		stands_for = "";
	else if (stands_for == NULL || *stands_for == '\0')
		stands_for = name;
	if (strlen(stands_for) >= sizeof out->stands_for)
		return kz_err(err, KZ_EINVAL, "'%.64s' is too long for a kiosk's or printer's name",
			stands_for);
	return with_new_code(db, add_tx, &(struct code_for){name, role, stands_for, now}, code, out,
		err);
}

static int
new_code_tx(struct kz_db *db, const struct code_for *c, const char *hash, struct kz_device *out,
	char *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = by_name(db, c->name, out, NULL, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"UPDATE devices SET code = ?2, code_expires = ?3, code_tries = 0, credential = NULL,"
		" revoked_at = 0 WHERE id = ?1",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, out->id);
	kz_bind_text(st, 2, hash);
	sqlite3_bind_int64(st, 3, c->now + KZ_DEVICE_CODE_SECONDS);
	if ((rc = kz_db_exec_stmt(db, st, "give the device a new code", err)) != KZ_OK)
		return rc;
	return by_name(db, c->name, out, NULL, err);
}

int
kz_device_new_code(struct kz_db *db, const char *name, int64_t now, char *code,
	struct kz_device *out, char *err)
{
	int rc;

	code[0] = '\0';
	if ((rc = kz_device_name_check(name, err)) != KZ_OK)
		return rc;
	return with_new_code(db, new_code_tx, &(struct code_for){name, KZ_DEVICE_NONE, NULL, now},
		code, out, err);
}

/* A wrong code typed for d: counted; the code spent after the last try. */
static int
count_wrong(struct kz_db *db, const struct kz_device *d, int tries, struct kz_device_refusal *why,
	char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"UPDATE devices SET code_tries = ?2,"
		" code = CASE WHEN ?2 >= ?3 THEN NULL ELSE code END WHERE id = ?1",
		err);

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, d->id);
	sqlite3_bind_int(st, 2, tries + 1);
	sqlite3_bind_int(st, 3, KZ_DEVICE_CODE_TRIES);
	why->reason = tries + 1 >= KZ_DEVICE_CODE_TRIES ? KZ_ENROL_LOCKED : KZ_ENROL_WRONG;
	why->tries_left = KZ_DEVICE_CODE_TRIES - tries - 1;
	return kz_db_exec_stmt(db, st, "count a wrong enrolment code", err);
}

/* The work of kz_device_exchange, in its transaction: KZ_OK (commit),
 * KZ_EREJECT with *commit set when a wrong try must be kept. */
static int
exchange_tx(struct kz_db *db, const char *name, const char *hash, int64_t now,
	const char *cred_hash, struct kz_device *d, struct kz_device_refusal *why, int *commit,
	char *err)
{
	sqlite3_stmt *st;
	char stored[65] = "";
	int tries = 0, rc;

	if (name != NULL) {
		if ((rc = by_name(db, name, d, &tries, err)) == KZ_ENOTFOUND) {
			why->reason = KZ_ENROL_WRONG;
			return kz_err(err, KZ_EREJECT, "no device '%s'", name);
		}
		if (rc != KZ_OK)
			return rc;
		if (!d->code_live) {
			why->reason =
				tries >= KZ_DEVICE_CODE_TRIES ? KZ_ENROL_LOCKED : KZ_ENROL_WRONG;
			return kz_err(err, KZ_EREJECT, "device '%s' has no enrolment code waiting",
				name);
		}
		st = kz_db_stmt(db, "SELECT code FROM devices WHERE id = ?1", err);
		if (st == NULL)
			return KZ_EDB;
		sqlite3_bind_int64(st, 1, d->id);
		if (sqlite3_step(st) == SQLITE_ROW)
			kz_col_text(st, 0, stored, sizeof stored);
		sqlite3_reset(st);
		if (strcmp(stored, hash) != 0) {
			if ((rc = count_wrong(db, d, tries, why, err)) != KZ_OK)
				return rc;
			*commit = 1;
			return kz_err(err, KZ_EREJECT, "a wrong enrolment code for device '%s'",
				name);
		}
	} else {
		rc = find_one(db,
			kz_db_stmt(db, "SELECT " DEVICE_COLUMNS " FROM devices WHERE code = ?1",
				err),
			hash, d, NULL, "find the enrolment code", err);
		if (rc == KZ_ENOTFOUND) {
			why->reason = KZ_ENROL_WRONG;
			return kz_err(err, KZ_EREJECT, "no device has this enrolment code");
		}
		if (rc != KZ_OK)
			return rc;
	}
	if (d->code_expires <= now) {
		why->reason = KZ_ENROL_EXPIRED;
		return kz_err(err, KZ_EREJECT,
			"the enrolment code of device '%s' has expired; 'kezek device code %s' "
			"makes a new one",
			d->name, d->name);
	}
	st = kz_db_stmt(db,
		"UPDATE devices SET credential = ?2, code = NULL, code_tries = 0, enrolled_at = ?3,"
		" revoked_at = 0 WHERE id = ?1",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, d->id);
	kz_bind_text(st, 2, cred_hash);
	sqlite3_bind_int64(st, 3, now);
	if ((rc = kz_db_exec_stmt(db, st, "enrol the device", err)) != KZ_OK)
		return rc;
	return by_name(db, d->name, d, NULL, err);
}

int
kz_device_exchange(struct kz_db *db, const char *name, const char *code, int64_t now,
	char *credential, struct kz_device *out, struct kz_device_refusal *why, char *err)
{
	char plain[CODE_CHARS + 1], hash[65], cred_hash[65];
	unsigned char b[32];
	int rc, commit = 0;

	memset(why, 0, sizeof *why);
	memset(out, 0, sizeof *out);
	credential[0] = '\0';
	if (name != NULL && kz_device_name_check(name, NULL) != KZ_OK) {
		why->reason = KZ_ENROL_WRONG;
		return kz_err(err, KZ_EREJECT, "not a device's name");
	}
	if (code == NULL || !normal_code(code, plain)) {
		why->reason = KZ_ENROL_WRONG;
		return kz_err(err, KZ_EREJECT, "not an enrolment code's form");
	}
	kz_device_hash(plain, hash);
	memset(plain, 0, sizeof plain);
	if ((rc = random_bytes(b, sizeof b, err)) != KZ_OK)
		return rc;
	to_hex(b, sizeof b, credential);
	memset(b, 0, sizeof b);
	kz_device_hash(credential, cred_hash);
	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		goto fail;
	rc = exchange_tx(db, name, hash, now, cred_hash, out, why, &commit, err);
	if (rc == KZ_OK || commit) {
		char cerr[KZ_ERR_LEN];
		int crc = kz_db_commit(db, cerr);
		if (crc != KZ_OK) {
			rc = crc;
			if (err)
				snprintf(err, KZ_ERR_LEN, "%s", cerr);
		}
	} else {
		kz_db_rollback(db);
	}
	if (rc == KZ_OK)
		return KZ_OK;
fail:
	memset(credential, 0, KZ_DEVICE_SECRET_SIZE);
	return rc;
}

int
kz_device_by_credential(struct kz_db *db, const char *credential, struct kz_device *out, char *err)
{
	char hash[65];
	size_t n = credential ? strlen(credential) : 0;
	int rc;

	if (n != 64 || strspn(credential, "0123456789abcdef") != n)
		return kz_err(err, KZ_ENOTFOUND, "not a device's credential");
	kz_device_hash(credential, hash);
	rc = find_one(db,
		kz_db_stmt(db, "SELECT " DEVICE_COLUMNS " FROM devices WHERE credential = ?1", err),
		hash, out, NULL, "find the device", err);
	if (rc == KZ_OK && out->revoked_at)
		return kz_err(err, KZ_EREJECT, "device '%s' was revoked", out->name);
	if (rc != KZ_ENOTFOUND)
		return rc;
	return kz_err(err, KZ_ENOTFOUND, "no live device has this credential");
}

int
kz_device_live(struct kz_db *db, int64_t id, int *live, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT credential IS NOT NULL AND revoked_at = 0 FROM devices WHERE id = ?1", err);
	int rc;

	*live = 0;
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*live = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KZ_OK
						     : kz_db_fail(db, rc, "find the device", err);
}

int
kz_device_seen(struct kz_db *db, int64_t id, int64_t now, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"UPDATE devices SET seen_at = ?2 WHERE id = ?1 AND seen_at < ?2 - ?3", err);

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int(st, 3, KZ_DEVICE_SEEN_SECONDS);
	return kz_db_exec_stmt(db, st, "note when the device was seen", err);
}

static int
revoke_tx(struct kz_db *db, const char *name, int64_t now, struct kz_device *out, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = by_name(db, name, out, NULL, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "UPDATE devices SET code = NULL, revoked_at = ?2 WHERE id = ?1", err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, out->id);
	sqlite3_bind_int64(st, 2, now);
	if ((rc = kz_db_exec_stmt(db, st, "revoke the device", err)) != KZ_OK)
		return rc;
	return by_name(db, name, out, NULL, err);
}

int
kz_device_revoke(struct kz_db *db, const char *name, int64_t now, struct kz_device *out, char *err)
{
	int rc;

	if ((rc = kz_device_name_check(name, err)) != KZ_OK)
		return rc;
	IN_TX(revoke_tx(db, name, now, out, err));
}

int
kz_device_list(struct kz_db *db, struct kz_device *out, int max, int *n, char *err)
{
	sqlite3_stmt *st =
		kz_db_stmt(db, "SELECT " DEVICE_COLUMNS " FROM devices ORDER BY name", err);
	int rc;

	*n = 0;
	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (*n < max)
			read_row(st, &out[(*n)++]);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "list the devices", err);
}
