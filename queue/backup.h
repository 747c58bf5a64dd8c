/*
 * backup.h - copies of the hall database taken while the hall runs, and
 * put back: through SQLite's online backup, so a copy is one consistent
 * moment however busy the hall is, and is checked before it is trusted.
 */
#ifndef KZ_BACKUP_H
#define KZ_BACKUP_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"

struct kz_backup_result {
	int64_t bytes;   /* the copy's size */
	int64_t tickets; /* tickets in it, each rebuilt from its event log */
	int version;     /* its schema version */
};

/* The folder of the hall's copies (kezek backup's default, the daily
 * timer's, what kezek doctor looks in): backups/ beside the database file
 * db_path, into out (len bytes). */
void kz_backup_folder(const char *db_path, char *out, size_t len);

/* Copy the open database db into a new file to (refused if it exists),
 * readable by its owner only: written beside it under a temporary name,
 * checked (integrity and the event-log audit), synced, then renamed, so a
 * file at `to` is a whole, sound copy.  KZ_EINVAL if to exists; KZ_EDB
 * naming what failed, nothing left behind. */
int kz_backup_take(struct kz_db *db, const char *to, struct kz_backup_result *out, char *err);

/* Told how far a long copy has come: pages copied of the total, then the
 * copy's check ("checking", 0 of 1). */
typedef void kz_backup_progress_fn(void *ctx, const char *step, long done, long total);

/* kz_backup_take, copying a few hundred pages at a time and telling
 * progress (may be NULL) after each; the copy is still one moment of db
 * (a read transaction holds its snapshot across the steps). */
int kz_backup_take_told(struct kz_db *db, const char *to, kz_backup_progress_fn *progress,
	void *ctx, struct kz_backup_result *out, char *err);

/* Check the copy at from (a Kezek database of this build's schema or an
 * older one, sound, its log agreeing with its tickets) and put it in
 * place of the open database db, in one step other connections see whole.
 * KZ_EDB naming what is wrong with the copy, and db untouched. */
int kz_backup_restore(struct kz_db *db, const char *from, struct kz_backup_result *out, char *err);

#endif
