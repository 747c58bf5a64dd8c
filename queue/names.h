/*
 * names.h - the words of an enum at the program's edges.  Inside the
 * program states, outcomes, channels and kinds are enums; the database
 * stores a word for each, and the command line takes a word (sometimes
 * another spelling too).  Each enum has one table of kz_name rows, next
 * to the module that owns it (ticket.c, counter.c, application.c,
 * complaint.c), and converts through these three functions only.
 */
#ifndef KZ_NAMES_H
#define KZ_NAMES_H

struct kz_name {
	int value;         /* the enum's value */
	const char *db;    /* as the database column stores it, and as printed */
	const char *alias; /* another spelling the command line takes, or NULL */
};

/* The database word of value in table t (n rows); "?" if it has none. */
const char *kz_name_of(const struct kz_name *t, int n, int value);

/* The value whose database word is s, or fallback when s is NULL or not
 * in the table (the database's CHECK constraints keep that from
 * happening). */
int kz_name_from_db(const struct kz_name *t, int n, const char *s, int fallback);

/* Parse s, a database word or an alias, into *value.  KZ_EINVAL (with
 * err, may be NULL) naming what was given and the words taken:
 * "'x' is not a channel: in_person, post or email". */
int kz_name_parse(const struct kz_name *t, int n, const char *s, int *value, const char *what,
	char *err);

#define KZ_NAMES(t) (t), (int)(sizeof(t) / sizeof((t)[0]))

#endif
