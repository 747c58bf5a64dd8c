/*
 * session.h - who is logged in: a fixed table of sessions, each known by a
 * random token (the HttpOnly cookie kezek_session) and carrying its CSRF
 * token, role, account and counter.  A session ends at logout, after
 * HALL_IDLE_SECONDS without a request, or HALL_SESSION_SECONDS after
 * login; an ended token is never accepted again.  Thread-safe.
 */
#ifndef KZ_HALL_SESSION_H
#define KZ_HALL_SESSION_H

#include "hall.h"

#define HALL_IDLE_SECONDS    (2 * 3600)
#define HALL_SESSION_SECONDS (14 * 3600)

int hall_sessions_new(struct hall_sessions **out);
void hall_sessions_free(struct hall_sessions *s);

/* A new session for *who (role, account, counter, lang): its token and
 * csrf are filled in.  KZ_ENOMEM when the table is full of live ones. */
int hall_session_add(struct hall_sessions *s, struct hall_session *who);

/* The live session of token into *out (a copy), touched: 1, or 0. */
int hall_session_find(struct hall_sessions *s, const char *token, struct hall_session *out);

/* End token's session. */
void hall_session_end(struct hall_sessions *s, const char *token);

/* Change a live session's language. */
void hall_session_set_lang(struct hall_sessions *s, const char *token, const char *lang);

/* a and b (NUL-terminated) equal, in a time that does not tell where they differ. */
int hall_same_secret(const char *a, const char *b);

#endif
