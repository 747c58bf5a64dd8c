/*
 * refusal.h - what a clerk reads when the queue refuses them, in the staff
 * language: one sentence per operation and refusal, from po/.  The queue's
 * own message is English for the log and the administrator; it reaches
 * the clerk's screen only when the staff language is "en" (the tests'
 * source words).
 */
#ifndef KZ_REFUSAL_H
#define KZ_REFUSAL_H

/* 1 if rc is a refusal (bad input, a state that forbids it, nothing
 * found, nobody waiting, the office closed, the database busy): nothing
 * changed and the person can act on it; 0 for a failure (the database, a
 * file, the configuration), which is the administrator's. */
int kz_refusal_is(int rc);

/* The translated sentence for refusal rc of operation what ("next",
 * "finish", "no_show", "transfer", "open" ...; a kezek subcommand's name;
 * NULL for none): the operation's own, else the refusal's in general. */
const char *kz_refusal_say(const char *what, int rc);

#endif
