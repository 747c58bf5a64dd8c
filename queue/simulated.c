/*
 * simulated.c - the register of simulated ranges (simulated.h).
 */
#include "simulated.h"

#include "clock.h"
#include "error.h"
#include "sql.h"

int
kz_simulated_next_id(struct kz_db *db, int64_t *id, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT coalesce(max(id), 0) + 1 FROM tickets", err);

	if (st == NULL)
		return KZ_EDB;
	return kz_db_step_int(db, st, id, "find the next ticket's id", err);
}

static int
record(struct kz_db *db, const char *from_day, const char *to_day, uint64_t seed, int64_t first_id,
	char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO simulations (made_at, first_day, last_day, seed, first_ticket, "
		"last_ticket) SELECT ?, ?, ?, ?, ?, coalesce(max(id), 0) FROM tickets",
		err);

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, kz_clock_now());
	kz_bind_text(st, 2, from_day);
	kz_bind_text(st, 3, to_day);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)seed);
	sqlite3_bind_int64(st, 5, first_id);
	return kz_db_exec_stmt(db, st, "record the simulation", err);
}

int
kz_simulated_record(struct kz_db *db, const char *from_day, const char *to_day, uint64_t seed,
	int64_t first_id, char *err)
{
	IN_TX(record(db, from_day, to_day, seed, first_id, err));
}

int
kz_simulated_count(struct kz_db *db, int64_t *real, int64_t *simulated, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM simulations s "
		"  WHERE t.id BETWEEN s.first_ticket AND s.last_ticket)), 0) FROM tickets t",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return kz_db_fail(db, rc, "count simulated tickets", err);
	}
	*simulated = sqlite3_column_int64(st, 1);
	*real = sqlite3_column_int64(st, 0) - *simulated;
	sqlite3_reset(st);
	return KZ_OK;
}
