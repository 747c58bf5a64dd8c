/*
 * directory.h - the office directory of the standard: App. 1 (the offices
 * that provide the service, config/offices.csv) and App. 5 (the akimat
 * apparatuses that take complaints, config/akimats.csv).  Both files have
 * the columns key, region, name, address, official, phones, emails, notes;
 * an office and the body responsible for it share a key.
 */
#ifndef KZ_DIRECTORY_H
#define KZ_DIRECTORY_H

struct kz_directory;

struct kz_office_entry {
	const char *key;    /* stable: akmola-akkol-district */
	const char *region; /* "Акмолинская область" */
	const char *name;
	const char *address;
	const char *official; /* the responsible person's position */
	const char *phones;
	const char *emails; /* "a@b.kz; c@d.kz", "" if none could be recovered */
	const char *notes;  /* what was mended from the standard's text */
};

/* Read a directory CSV (RFC 4180, UTF-8, the header above).  KZ_ECONFIG
 * naming the file and row for a malformed file, a duplicate key or a
 * missing column. */
int kz_dir_load(const char *path, struct kz_directory **out, char *err);
void kz_dir_free(struct kz_directory *dir);

int kz_dir_count(const struct kz_directory *dir);
const struct kz_office_entry *kz_dir_entry(const struct kz_directory *dir, int i);

/* The entry with key, or NULL. */
const struct kz_office_entry *kz_dir_find(const struct kz_directory *dir, const char *key);

/* Does text occur in any column of e, ignoring case (Cyrillic included)? */
int kz_dir_matches(const struct kz_office_entry *e, const char *text);

#endif
