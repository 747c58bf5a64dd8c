/*
 * error.h - Kezek's error codes and messages.
 *
 * Every library function that can fail returns KZ_OK or one of the negative
 * codes below, and writes a one-line message for a person into a buffer the
 * caller owns (KZ_ERR_LEN bytes, always NUL-terminated; NULL is allowed and
 * means "don't tell me").  Messages say what, where and what to do, in the
 * style "counter 2 is closed; open it with 'kezek counter open 2 ...'":
 * lowercase, problem first, no full stop.  The library never prints or exits.
 */
#ifndef KZ_ERROR_H
#define KZ_ERROR_H

#define KZ_ERR_LEN 512

enum kz_status_code {
	KZ_OK = 0,
	KZ_EINVAL = -1,    /* a value the caller gave is malformed or unknown */
	KZ_EREJECT = -2,   /* a transition that makes no sense in this state */
	KZ_ENOTFOUND = -3, /* no such service, counter, ticket */
	KZ_EEMPTY = -4,    /* nothing to do: no one is waiting */
	KZ_EDB = -5,       /* the database failed or is not a Kezek database */
	KZ_EBUSY = -6,     /* the database stayed locked past busy_timeout */
	KZ_ECONFIG = -7,   /* the configuration is malformed */
	KZ_ENOMEM = -8,    /* out of memory */
	KZ_ECLOSED = -9,   /* the office is closed, or no longer issues tickets today */
	KZ_EDEVICE = -10,  /* a printer or other device cannot be reached, refused, or timed out */
};

/* Format a message into err (may be NULL); returns code, so callers can
 * write "return kz_err(err, KZ_EREJECT, "...", ...)".  A format marked
 * N_("...") is one a person at the terminal acts on (the administrator's
 * hall.ini, device.ini, database and files): the build gathers it into
 * po/, and kz_err says it in the language kz_i18n_errors_in set (the
 * kezek command: the staff's).  Unmarked ones stay in the source words,
 * for the services' logs. */
int kz_err(char *err, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Marks a message kz_err translates (tools/po-update.sh gathers it). */
#define N_(msgid) (msgid)

/* The translator of marked messages: fmt in the person's language, or fmt
 * itself; NULL for none (the default, the source words).  Set by
 * kz_i18n_errors_in (i18n.h), which owns the catalogue; error.c only
 * calls it, so the catalogue's own errors can use kz_err. */
void kz_err_translate_with(const char *(*translate)(const char *fmt));

/* fmt as kz_err formats it: through the translator if one is set.  For
 * a module's own fault recorder (hall.ini's, the holidays'). */
const char *kz_err_format(const char *fmt);

/* A short name for a code ("rejected", "database error" ...), never NULL. */
const char *kz_err_name(int code);

#endif
