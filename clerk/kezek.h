/*
 * kezek.h - what the `kezek` command's subcommands share.
 *
 * A subcommand is a file clerk/cmd-NAME.c holding one const struct kz_cmd:
 * its name, arguments, options and exec.  main.c lists them all.  exec
 * parses nothing itself: positional arguments and option values are ready
 * in struct kz_cli; it calls one queue/ function and prints the result.
 */
#ifndef KZ_KEZEK_H
#define KZ_KEZEK_H

#include <stdio.h>

#include "queue/calendar.h"
#include "queue/config.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/i18n.h"
#include "setup/setup.h"

/* Exit codes, the same for every Kezek program. */
enum {
	KZ_EXIT_OK = 0,
	KZ_EXIT_USAGE = 1,    /* the command line is wrong */
	KZ_EXIT_REJECTED = 2, /* a transition that makes no sense now */
	KZ_EXIT_FAILED = 3,   /* database or configuration error */
	KZ_EXIT_UNSURE = 4,   /* answered, on holiday data not decreed (calendar due, now) */
};

struct kz_cmd_option {
	const char *name; /* long option, without "--" */
	const char *arg;  /* "NAME" if it takes a value, NULL for a flag */
	const char *help;
};

enum {
	KZ_CMD_DB = 1 << 0,        /* needs the hall database (and config) open */
	KZ_CMD_CREATE = 1 << 1,    /* may create the database */
	KZ_CMD_CAL = 1 << 2,       /* needs the working calendar */
	KZ_CMD_READS = 1 << 3,     /* only reads the database: runs where it cannot write */
	KZ_CMD_LANG = 1 << 4,      /* its --lang kk|ru is the language it speaks to the staff */
	KZ_CMD_OWN_SETUP = 1 << 5, /* finds and reports the configuration itself (doctor) */
};

/* What the command says to the staff, in their language: [hall] staff_lang,
 * or --lang of a command flagged KZ_CMD_LANG.  T marks a string for the
 * catalogues (tools/po-update.sh) and translates it; N only marks one that
 * is translated later with kz_tr(kz_cli_lang(), s). */
#define T(msgid) kz_tr(kz_cli_lang(), msgid)
#define N(msgid) (msgid)

/* The staff's language, "kk" or "ru" ("ru" before the hall is read; "en",
 * the source strings, when KEZEK_LANG=en asks for them). */
const char *kz_cli_lang(void);

/* For what speaks before or without the hall's setup (help, doctor): the
 * staff's language from the configuration (loaded unless loaded says it
 * is) and KEZEK_LANG, and its catalogue where one is found.  What fails
 * is not said: the words stay the source's. */
struct kz_cli;
void kz_cli_quiet_language(struct kz_cli *cli, int loaded);

/* A word the database keeps (a state, an outcome, a kind, a channel:
 * "no_show") as the staff read it ("неявка"); name itself if unknown. */
const char *kz_cli_word(const char *name);

/* Make lang ("kk", "ru" or "en") the staff's language; others are ignored. */
void kz_cli_set_lang(const char *lang);

/* A key of the personal data a command reads as "key: value" lines on
 * standard input or from --from FILE (person.c), never from its arguments:
 * whatever is in a process's arguments every user of the machine can read. */
struct kz_cmd_key {
	const char *name; /* "name": the line "name: ..." */
	const char *help;
};

struct kz_cli;

struct kz_cmd {
	const char *name;                    /* "ticket" */
	const char *args;                    /* "SERVICE", shown in usage */
	const char *summary;                 /* one line for `kezek help` */
	const struct kz_cmd_option *options; /* ends with {NULL}; may be NULL */
	int min_args, max_args;              /* positional arguments */
	int flags;                           /* KZ_CMD_* */
	int counter_arg;                 /* 1-based positional that is a counter number, 0 none */
	int (*exec)(struct kz_cli *cli); /* returns a KZ_EXIT_* code */
	const struct kz_cmd_key *keys;   /* personal data it reads (person.c); ends with
					    {NULL}; NULL for none */
};

#define KZ_MAX_OPTS 24

struct kz_cli {
	const struct kz_cmd *cmd;
	struct kz_config *cfg;   /* loaded before exec */
	struct kz_setup setup;   /* where the configuration and the data directory are */
	struct kz_db *db;        /* open if cmd has KZ_CMD_DB */
	struct kz_calendar *cal; /* loaded if cmd has KZ_CMD_CAL */
	struct kz_i18n *tr;      /* the translations, in use (kz_i18n_use) while it runs */
	const char *db_path;     /* --db, KEZEK_DB or the config's */
	int argc;                /* positional arguments */
	char **argv;
	int nopts;
	const char *opt_name[KZ_MAX_OPTS];
	const char *opt_value[KZ_MAX_OPTS]; /* "" for a flag that was given */
	char err[KZ_ERR_LEN];               /* filled by queue/ calls */
};

/* Every subcommand, in the order of `kezek --help`, ending with NULL; and
 * the options every subcommand takes (args.c). */
extern const struct kz_cmd *const kz_commands[];
extern const struct kz_cmd_option kz_cli_common[];

/* The subcommand named name, or NULL. */
const struct kz_cmd *kz_cmd_find(const char *name);

/* Index in argv of the subcommand's name, past leading common options; 0
 * if there is none. */
int kz_cli_command_index(int argc, char **argv);

/* Parse argv (argv[0] the program, the subcommand's name taken out) for
 * cli->cmd into cli's options and positional arguments (cli->argv holds
 * argc + 1 entries); *help set for --help.  Unless help or --version was
 * asked, the count of arguments and a counter number are checked too.
 * KZ_EXIT_OK, or KZ_EXIT_USAGE said on stderr. */
int kz_cli_parse(struct kz_cli *cli, int argc, char **argv, int *help);

/* The value of option name, or NULL if it was not given. */
const char *kz_cli_opt(const struct kz_cli *cli, const char *name);

/* Report cli->err for library result code on stderr as "kezek: ...",
 * and return the exit code for it.  A refusal (refusal.h) is said in the
 * staff's words from po/ unless the staff language is "en". */
int kz_cli_fail(struct kz_cli *cli, int code);

/* kz_cli_fail with its own words: said (already in the staff's language)
 * on stderr, and the exit code for code. */
int kz_cli_refuse(struct kz_cli *cli, int code, const char *said);

/* Report a usage error: "kezek NAME: message" and the usage line; returns 1. */
int kz_cli_usage(struct kz_cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A usage refusal met while the arguments were read, before the staff's
 * language and its catalogue were known, is kept in cli->err; once they
 * are (or cannot be), this says it: 1, or 0 if there was none. */
int kz_cli_usage_said(struct kz_cli *cli);
int kz_cli_usage_pending(void); /* 1 while one is kept */

/* The personal data of one command's run, read by kz_person_read: at most
 * KZ_PERSON_MAX bytes of UTF-8 "key: value" lines; see person.c. */
#define KZ_PERSON_MAX  (64 * 1024)
#define KZ_PERSON_KEYS 16 /* keys a command may have */

struct kz_person {
	const struct kz_cmd_key *keys; /* the command's */
	char *value[KZ_PERSON_KEYS];   /* per key, owned; NULL if not given */
	int line[KZ_PERSON_KEYS];      /* where it was given, for messages */
};

/* Read cli->cmd's keys from --from FILE (a regular file readable by its
 * owner only, at most KZ_PERSON_MAX bytes) or else standard input into p
 * (zeroed first).  KZ_EXIT_OK, or KZ_EXIT_USAGE said on stderr in one line
 * naming the line and the key and what to do; p is freed then. */
int kz_person_read(struct kz_cli *cli, struct kz_person *p);

/* The value given for key, or NULL. */
const char *kz_person_get(const struct kz_person *p, const char *key);

/* The line key was given on, 0 if it was not. */
int kz_person_line(const struct kz_person *p, const char *key);

/* Free p's values; p may be zeroed or freed already. */
void kz_person_free(struct kz_person *p);

/* Refuse, in one line on stderr, personal data given as --option (key
 * NULL: as an argument that looks like an IIN or BIN); KZ_EXIT_USAGE. */
int kz_person_refuse(const struct kz_cli *cli, const char *option);

/* The fonts folder: KEZEK_FONTS, or assets/fonts of the data directory. */
void kz_cli_fonts(const struct kz_cli *cli, char *out, size_t len);

/* Parse a counter number argument; on failure reports usage and returns -1. */
int kz_cli_counter(struct kz_cli *cli, const char *arg);

/* The printer a paper goes to: --print, or else the hall's default for it
 * (kz_app_default_printer: a4_only for a letter), copied into buf (32
 * bytes); NULL if there is none. */
const char *kz_cli_printer(struct kz_cli *cli, int a4_only, char *buf);

/* Print s padded with spaces to width terminal columns (UTF-8 aware). */
void kz_cli_pad(FILE *f, const char *s, int width);

/* A line's label s (translated) then at least one blank, padded to width
 * terminal columns: never cut, so a longer word only pushes its value on. */
void kz_cli_label(const char *s, int width);

/* s in exactly width terminal columns, the last always blank: cut between
 * whole characters and ended with "…" if longer, padded if shorter. */
void kz_cli_cell(FILE *f, const char *s, int width);

/* One CSV field (RFC 4180) to stdout: quoted when it holds a comma, a
 * quote or a line break, quotes doubled; then "," or, if last, CRLF. */
void kz_cli_csv(const char *s, int last);

/* The warning, in the staff's language, for an answer that counts days
 * from through to on holiday data not decreed (kz_cal_span_data) into out;
 * NULL when the data is decreed. */
const char *kz_cli_cal_warning(const struct kz_calendar *cal, struct kz_date from,
	struct kz_date to, char *out, size_t len);

/* The warning for an application's due_day counted on data (as recorded
 * at acceptance); NULL when it was decreed. */
const char *kz_cli_due_warning(enum kz_cal_data data, const char *due_day, char *out, size_t len);

/* From 1 November, the warning that next year has no holiday data yet;
 * NULL otherwise. */
const char *kz_cli_next_year_warning(const struct kz_calendar *cal, struct kz_date today, char *out,
	size_t len);

/* "HH:MM" local, or "-" for 0. */
const char *kz_cli_hhmm(long long t, char buf[8]);

extern const struct kz_cmd kz_cmd_init, kz_cmd_ticket, kz_cmd_counter, kz_cmd_next, kz_cmd_recall,
	kz_cmd_start, kz_cmd_finish, kz_cmd_status, kz_cmd_close_day, kz_cmd_history, kz_cmd_check,
	kz_cmd_calendar, kz_cmd_office, kz_cmd_print, kz_cmd_kiosk;
extern const struct kz_cmd kz_cmd_accept, kz_cmd_decide, kz_cmd_handover, kz_cmd_applications,
	kz_cmd_notice_sent;
extern const struct kz_cmd kz_cmd_complaint, kz_cmd_complaints, kz_cmd_clerk, kz_cmd_console,
	kz_cmd_purge;
extern const struct kz_cmd kz_cmd_simulate, kz_cmd_resume, kz_cmd_manager, kz_cmd_device;
extern const struct kz_cmd kz_cmd_postpone, kz_cmd_return;

extern const struct kz_cmd kz_cmd_region;
extern const struct kz_cmd kz_cmd_report, kz_cmd_backup, kz_cmd_restore, kz_cmd_doctor;

#endif
