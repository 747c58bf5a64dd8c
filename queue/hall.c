/* hall.c - loading services and counters from the configuration; see hall.h. */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "hall.h"
#include "sql.h"

/* FNV-1a of s and a separator into *h. */
static void
mix(uint64_t *h, const char *s)
{
	for (const unsigned char *q = (const unsigned char *)s; *q; q++)
		*h = (*h ^ *q) * 1099511628211ULL;
	*h = (*h ^ 0xff) * 1099511628211ULL;
}

/* A fingerprint of what the database holds of the configuration. */
static void
fingerprint(const struct kz_config *cfg, char out[17])
{
	uint64_t h = 1469598103934665603ULL;
	char buf[2048];

	for (int i = 0; i < cfg->nservices; i++) {
		const struct kz_service_conf *s = &cfg->services[i];
		snprintf(buf, sizeof buf, "S%s|%s|%s|%s", s->code, s->prefix, s->name_kk,
			s->name_ru);
		mix(&h, buf);
	}
	for (int i = 0; i < cfg->nprinters; i++) {
		snprintf(buf, sizeof buf, "P%s|%s", cfg->printers[i].name,
			kz_config_role_name(cfg->printers[i].role));
		mix(&h, buf);
	}
	for (int i = 0; i < cfg->ncounters; i++) {
		snprintf(buf, sizeof buf, "C%d", cfg->counters[i].number);
		mix(&h, buf);
		for (int j = 0; j < cfg->counters[i].nservices; j++)
			mix(&h, cfg->counters[i].services[j]);
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static int
stored_fingerprint(struct kz_db *db, char out[17], char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT value FROM meta WHERE key = 'config'", err);
	int rc;

	out[0] = '\0';
	if (st == NULL)
		return KZ_EDB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		kz_col_text(st, 0, out, 17);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read meta", err);
}

static int
load_services(struct kz_db *db, const struct kz_config *cfg, char *err)
{
	sqlite3_stmt *st;
	int rc;

	st = kz_db_stmt(db, "UPDATE services SET active = 0", err);
	if (st == NULL || (rc = kz_db_exec_stmt(db, st, "sync services", err)) != KZ_OK)
		return st == NULL ? KZ_EDB : rc;
	for (int i = 0; i < cfg->nservices; i++) {
		const struct kz_service_conf *s = &cfg->services[i];
		st = kz_db_stmt(db,
			"INSERT INTO services (code, prefix, name_kk, name_ru, active)"
			" VALUES (?1, ?2, ?3, ?4, 1) ON CONFLICT (code) DO UPDATE SET"
			" prefix = ?2, name_kk = ?3, name_ru = ?4, active = 1",
			err);
		if (st == NULL)
			return KZ_EDB;
		kz_bind_text(st, 1, s->code);
		kz_bind_text(st, 2, s->prefix);
		kz_bind_text(st, 3, s->name_kk);
		kz_bind_text(st, 4, s->name_ru);
		if ((rc = kz_db_exec_stmt(db, st, "sync services", err)) != KZ_OK)
			return rc;
	}
	return KZ_OK;
}

static int
load_counter(struct kz_db *db, const struct kz_counter_conf *k, char *err)
{
	sqlite3_stmt *st;
	int rc;

	st = kz_db_stmt(db,
		"INSERT INTO counters (number, active) VALUES (?1, 1)"
		" ON CONFLICT (number) DO UPDATE SET active = 1",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, k->number);
	if ((rc = kz_db_exec_stmt(db, st, "sync counters", err)) != KZ_OK)
		return rc;
	for (int j = 0; j < k->nservices; j++) {
		st = kz_db_stmt(db,
			"INSERT INTO counter_services (counter_id, service_id)"
			" SELECT c.id, s.id FROM counters c, services s"
			" WHERE c.number = ? AND s.code = ?",
			err);
		if (st == NULL)
			return KZ_EDB;
		sqlite3_bind_int(st, 1, k->number);
		kz_bind_text(st, 2, k->services[j]);
		if ((rc = kz_db_exec_stmt(db, st, "sync counter services", err)) != KZ_OK)
			return rc;
	}
	return KZ_OK;
}

static int
load_counters(struct kz_db *db, const struct kz_config *cfg, char *err)
{
	sqlite3_stmt *st;
	int rc;

	st = kz_db_stmt(db, "UPDATE counters SET active = 0", err);
	if (st == NULL || (rc = kz_db_exec_stmt(db, st, "sync counters", err)) != KZ_OK)
		return st == NULL ? KZ_EDB : rc;
	st = kz_db_stmt(db, "DELETE FROM counter_services", err);
	if (st == NULL || (rc = kz_db_exec_stmt(db, st, "sync counters", err)) != KZ_OK)
		return st == NULL ? KZ_EDB : rc;
	for (int i = 0; i < cfg->ncounters; i++)
		if ((rc = load_counter(db, &cfg->counters[i], err)) != KZ_OK)
			return rc;
	/* A counter taken out of the configuration must not hold a visitor. */
	st = kz_db_stmt(db,
		"SELECT number FROM counters WHERE active = 0 AND ticket_id IS NOT NULL", err);
	if (st == NULL)
		return KZ_EDB;
	if (sqlite3_step(st) == SQLITE_ROW) {
		int n = sqlite3_column_int(st, 0);
		sqlite3_reset(st);
		return kz_err(err, KZ_EREJECT,
			"counter %d is no longer in the configuration but has a visitor at it; "
			"finish that ticket (with the previous configuration) first",
			n);
	}
	sqlite3_reset(st);
	st = kz_db_stmt(db,
		"UPDATE counters SET state = 'closed', clerk_id = NULL WHERE active = 0", err);
	return st == NULL ? KZ_EDB : kz_db_exec_stmt(db, st, "sync counters", err);
}

/* Printers: by name; one dropped from the file stays, inactive, with its jobs. */
static int
load_printers(struct kz_db *db, const struct kz_config *cfg, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (kz_db_version(db) < 4) /* a database left at an older step has no printers */
		return KZ_OK;
	st = kz_db_stmt(db, "UPDATE printers SET active = 0", err);
	if (st == NULL || (rc = kz_db_exec_stmt(db, st, "sync printers", err)) != KZ_OK)
		return st == NULL ? KZ_EDB : rc;
	for (int i = 0; i < cfg->nprinters; i++) {
		st = kz_db_stmt(db,
			"INSERT INTO printers (name, role, active) VALUES (?1, ?2, 1)"
			" ON CONFLICT (name) DO UPDATE SET role = ?2, active = 1",
			err);
		if (st == NULL)
			return KZ_EDB;
		kz_bind_text(st, 1, cfg->printers[i].name);
		kz_bind_text(st, 2, kz_config_role_name(cfg->printers[i].role));
		if ((rc = kz_db_exec_stmt(db, st, "sync printers", err)) != KZ_OK)
			return rc;
	}
	return KZ_OK;
}

int
kz_hall_sync(struct kz_db *db, const struct kz_config *cfg, int *changed, char *err)
{
	char want[17], have[17];
	sqlite3_stmt *st;
	int rc;

	if (changed)
		*changed = 0;
	fingerprint(cfg, want);
	if ((rc = stored_fingerprint(db, have, err)) != KZ_OK)
		return rc;
	if (strcmp(want, have) == 0)
		return KZ_OK;
	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		return rc;
	/* Check again under the lock: another process may have loaded it. */
	if ((rc = stored_fingerprint(db, have, err)) != KZ_OK)
		goto fail;
	if (strcmp(want, have) == 0) {
		kz_db_rollback(db);
		return KZ_OK;
	}
	if ((rc = load_services(db, cfg, err)) != KZ_OK ||
		(rc = load_counters(db, cfg, err)) != KZ_OK ||
		(rc = load_printers(db, cfg, err)) != KZ_OK)
		goto fail;
	st = kz_db_stmt(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('config', ?)", err);
	if (st == NULL) {
		rc = KZ_EDB;
		goto fail;
	}
	kz_bind_text(st, 1, want);
	if ((rc = kz_db_exec_stmt(db, st, "record configuration", err)) != KZ_OK)
		goto fail;
	if ((rc = kz_db_commit(db, err)) != KZ_OK)
		return rc;
	if (changed)
		*changed = 1;
	return KZ_OK;
fail:
	kz_db_rollback(db);
	return rc;
}
