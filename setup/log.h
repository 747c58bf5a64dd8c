/*
 * log.h - what a Kezek program says of its own running (a fault, a stop, a
 * printer back): one line on stderr, with a level.  Under systemd, whose
 * journal reads a service's stderr, the line starts "<N>" with the syslog
 * priority (3 error, 4 warning, 5 notice, 6 info), which the journal
 * takes as the line's level (journalctl -p warning shows the faults) and
 * strips; elsewhere (a terminal, a test, a pipe) it starts "PROGRAM: ".
 *
 * Why prefixes rather than sd_journal_print or syslog(3): no library to
 * link (the same binary runs from the source tree and the package), no
 * socket to reach from a hardened unit, lines in the order stderr has them,
 * and the programs' messages stay readable where there is no journal.
 */
#ifndef KZ_LOG_H
#define KZ_LOG_H

/* syslog's numbers, as journald reads them */
enum kz_log_level {
	KZ_LOG_ERR = 3,     /* the program cannot do its work until a person acts */
	KZ_LOG_WARNING = 4, /* a fault it waits out (a printer off, a locked database) */
	KZ_LOG_NOTICE = 5,  /* worth knowing: started, stopped, working again */
	KZ_LOG_INFO = 6,
};

/* The program's name for lines outside the journal ("kezek-printd"). */
void kz_log_init(const char *program);

/* Whether stderr is the journal's stream (JOURNAL_STREAM names it). */
int kz_log_to_journal(void);

/* One line at level: "<N>message" to the journal, "PROGRAM: message" else. */
void kz_log(enum kz_log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
