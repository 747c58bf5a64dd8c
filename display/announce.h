/*
 * announce.h - the hall's voice: a chime, then the call spoken in Kazakh
 * and in Russian with espeak-ng, as a person says it: A-017 at counter 3
 * is "Талон а он жеті, терезе үш" / "Талон а семнадцать, окно три" (the
 * prefix's letters by their Kazakh or Russian names, or as the service's
 * spoken_letter in hall.ini says; numbers in words, so the voice never
 * falls into English letter names).  One announcement after another so
 * calls never talk over each other.  Speaking happens on a thread of its own, so the board never waits
 * for it.  With sound off, or no sound device, calls are still queued and
 * logged, only not heard.
 */
#ifndef KZ_ANNOUNCE_H
#define KZ_ANNOUNCE_H

#include "queue/config.h"

struct kz_announcer;

/* Start the announcer for cfg's display (sound, voices) and services
 * (their spoken prefixes; cfg is kept by reference: it must outlive a).  KZ_OK even with no sound
 * device (it then stays silent and says why in *why, may be NULL, 256
 * bytes).  KZ_E* codes only for out of memory or a thread that cannot start. */
int kz_announce_open(const struct kz_config *cfg, struct kz_announcer **out, char *why, char *err);

/* Stop: finishes the announcement being spoken, drops the rest. */
void kz_announce_close(struct kz_announcer *a);

/* Queue the call of ticket number to counter (a recall is announced the
 * same way).  Never blocks. */
void kz_announce_call(struct kz_announcer *a, const char *number, int counter);

/* Announcements queued and not yet finished. */
int kz_announce_pending(struct kz_announcer *a);

/* The i-th phrase queued since open (0 = first), in the order it is (or
 * will be) spoken: the language ("kk" or "ru") and the text.  NULL text
 * past the end.  Both strings stay valid until close. */
const char *kz_announce_phrase(struct kz_announcer *a, int i, const char **lang);

/* The phrases for a call, without queueing them (kk, ru: 128 bytes each).
 * cfg (may be NULL: the usual letter names) gives the services' spoken
 * prefixes.  A letter with no name and the dash are left out, never read
 * out in English. */
void kz_announce_text(const struct kz_config *cfg, const char *number, int counter, char *kk,
	char *ru);

#endif
