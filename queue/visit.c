/* visit.c - the phone page's token and what it shows; see visit.h. */
#include <stdio.h>
#include <string.h>

#include <nettle/base64.h>
#include <nettle/hmac.h>

#include "clock.h"
#include "error.h"
#include "feedback.h"
#include "sql.h"
#include "visit.h"

#define TOKEN_BYTES 16 /* 128 bits of the HMAC */

/* The token of number on day under key. */
static void
make_token(const uint8_t key[KZ_BALLOT_KEY_LEN], const char *day, const char *number,
	char token[KZ_VISIT_TOKEN_LEN])
{
	struct hmac_sha256_ctx ctx;
	struct base64_encode_ctx b64;
	uint8_t h[SHA256_DIGEST_SIZE];
	char text[BASE64_ENCODE_LENGTH(TOKEN_BYTES) + BASE64_ENCODE_FINAL_LENGTH + 1];
	size_t n;

	hmac_sha256_set_key(&ctx, KZ_BALLOT_KEY_LEN, key);
	hmac_sha256_update(&ctx, 6, (const uint8_t *)"visit ");
	hmac_sha256_update(&ctx, strlen(day), (const uint8_t *)day);
	hmac_sha256_update(&ctx, 1, (const uint8_t *)" ");
	hmac_sha256_update(&ctx, strlen(number), (const uint8_t *)number);
	hmac_sha256_digest(&ctx, sizeof h, h);
	base64url_encode_init(&b64);
	n = base64_encode_update(&b64, text, TOKEN_BYTES, h);
	n += base64_encode_final(&b64, text + n);
	while (n > 0 && text[n - 1] == '=')
		n--;
	memcpy(token, text, KZ_VISIT_TOKEN_LEN - 1);
	token[KZ_VISIT_TOKEN_LEN - 1] = '\0';
}

int
kz_visit_token(struct kz_db *db, const char *day, const char *number,
	char token[KZ_VISIT_TOKEN_LEN], char *err)
{
	uint8_t key[KZ_BALLOT_KEY_LEN];
	char canonical[KZ_BALLOT_NUMBER_LEN];
	int rc;

	token[0] = '\0';
	if (kz_ballot_number(number, canonical) != KZ_OK)
		snprintf(canonical, sizeof canonical, "%s", number);
	if ((rc = kz_ballot_day_key(db, day, 1, key, err)) < 0)
		return rc;
	if (rc > 0)
		make_token(key, day, canonical, token);
	memset(key, 0, sizeof key);
	return KZ_OK;
}

/* 1 if token has the shape of one: 22 of [A-Za-z0-9_-]. */
static int
well_formed(const char *token)
{
	static const char set[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	return token != NULL && strlen(token) == KZ_VISIT_TOKEN_LEN - 1 &&
		strspn(token, set) == KZ_VISIT_TOKEN_LEN - 1;
}

/* 1 if a and b (both KZ_VISIT_TOKEN_LEN - 1 long) are equal, in the same
 * time whatever their difference. */
static int
same(const char *a, const char *b)
{
	unsigned char d = 0;

	for (int i = 0; i < KZ_VISIT_TOKEN_LEN - 1; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

/* The number of today's ticket whose token is token, into number ("" if none). */
static int
match(struct kz_db *db, const uint8_t key[KZ_BALLOT_KEY_LEN], const char *day, const char *token,
	char number[KZ_BALLOT_NUMBER_LEN], char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT number FROM tickets WHERE day = ? AND origin_id IS NULL", err);
	char mine[KZ_VISIT_TOKEN_LEN];
	int rc;

	number[0] = '\0';
	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, day);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(st, 0);
		if (n == NULL || strlen(n) >= KZ_BALLOT_NUMBER_LEN)
			continue;
		make_token(key, day, n, mine);
		if (same(mine, token))
			memcpy(number, n, strlen(n) + 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "find the ticket of a link", err);
}

/* The latest place of number today into v. */
static int
place(struct kz_db *db, const char *day, const char *number, struct kz_visit *v, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT t.id, t.number, s.code, s.name_kk, s.name_ru, t.state,"
		" coalesce(t.outcome, ''), coalesce(c.number, 0), t.issued_at,"
		" coalesce(t.called_at, 0), t.recalls"
		" FROM tickets t JOIN services s ON s.id = t.service_id"
		" LEFT JOIN counters c ON c.id = t.counter_id"
		" WHERE t.day = ? AND t.number = ? ORDER BY t.id DESC LIMIT 1",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, day);
	kz_bind_text(st, 2, number);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v->ticket_id = sqlite3_column_int64(st, 0);
		kz_col_text(st, 1, v->number, sizeof v->number);
		kz_col_text(st, 2, v->service, sizeof v->service);
		kz_col_text(st, 3, v->name_kk, sizeof v->name_kk);
		kz_col_text(st, 4, v->name_ru, sizeof v->name_ru);
		kz_col_text(st, 5, v->state, sizeof v->state);
		kz_col_text(st, 6, v->outcome, sizeof v->outcome);
		v->counter = sqlite3_column_int(st, 7);
		v->issued_at = sqlite3_column_int64(st, 8);
		v->called_at = sqlite3_column_int64(st, 9);
		v->recalls = sqlite3_column_int(st, 10);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_ENOTFOUND, "ticket %s of %s is gone", number, day);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "read the ticket of a link", err);
}

int
kz_visit_find(struct kz_db *db, const struct kz_hours *hours, const char *token,
	struct kz_visit *out, char *err)
{
	uint8_t key[KZ_BALLOT_KEY_LEN];
	char day[11], number[KZ_BALLOT_NUMBER_LEN];
	int rc;

	memset(out, 0, sizeof *out);
	if (!well_formed(token))
		return kz_err(err, KZ_ENOTFOUND, "not a ticket's link");
	kz_clock_day(kz_clock_now(), day);
	if ((rc = kz_ballot_day_key(db, day, 0, key, err)) < 0)
		return rc;
	if (rc == 0)
		return kz_err(err, KZ_ENOTFOUND, "no ticket's link was made today");
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		goto done;
	if ((rc = match(db, key, day, token, number, err)) == KZ_OK)
		rc = number[0] ? place(db, day, number, out, err)
			       : kz_err(err, KZ_ENOTFOUND, "no ticket of today has that link");
	if (rc != KZ_OK) {
		kz_db_rollback(db);
		goto done;
	}
	if ((rc = kz_db_commit(db, err)) != KZ_OK)
		goto done;
	/* who is ahead and when: the kiosk's own figures */
	if (strcmp(out->state, "waiting") == 0)
		rc = kz_wait_estimate_ticket(db, hours, out->ticket_id, KZ_ESTIMATE_TYPICAL_VISIT,
			&out->est, err);
done:
	memset(key, 0, sizeof key);
	if (rc != KZ_OK)
		memset(out, 0, sizeof *out);
	return rc;
}
