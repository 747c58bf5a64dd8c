/*
 * term.h - the terminal of the interactive commands (kezek console, kezek
 * clerk pin).  On a terminal, keys come one at a time with no echo and
 * typed secrets are not shown; when standard input is a file or a pipe
 * (a script, a test), every key and every answer is one line, so the same
 * session can be written down and replayed.
 */
#ifndef KZ_TERM_H
#define KZ_TERM_H

#include <stddef.h>

#define KZ_TERM_EOF     (-1) /* standard input ended */
#define KZ_TERM_TIMEOUT 0    /* no key within the time asked */

/* Is standard input (and output) a terminal?  Then kz_term_raw switches
 * it to single keys; kz_term_restore (also at exit and on SIGINT, SIGTERM)
 * puts it back as it was. */
int kz_term_interactive(void);
void kz_term_raw(void);
void kz_term_restore(void);

/* The next key, waiting at most timeout_ms (negative: for ever) on a
 * terminal.  Not on a terminal: the first character of the next line that
 * is not blank ('\n' for an empty line); no timeout.  KZ_TERM_EOF at the
 * end of input, KZ_TERM_TIMEOUT when none came in time. */
int kz_term_key(int timeout_ms);

/* Ask prompt (on a terminal only; with secret, what is typed is not
 * shown) and read one line without its end into buf (len bytes; the rest
 * of a longer line is dropped).  0, or KZ_TERM_EOF. */
int kz_term_line(const char *prompt, char *buf, size_t len, int secret);

/* A new PIN for `kezek WHO pin NAME` into pin (len bytes): read from
 * standard input, and on a terminal typed twice and compared.  0, or -1
 * with why said on standard error (nothing typed, the two differ); the
 * second copy is wiped either way, pin is the caller's to wipe. */
int kz_term_new_pin(const char *who, char *pin, size_t len);

/* Progress of a long operation on standard error, "what: done of total"
 * rewritten in place, only when standard error is a terminal (a pipe or a
 * log stays quiet), at most ten times a second; the line is cleared when
 * done reaches total. */
void kz_term_progress(const char *what, long done, long total);

#endif
