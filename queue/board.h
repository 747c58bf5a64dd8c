/*
 * board.h - what the hall display shows, read in one transaction: the
 * status of status.h and the latest calls of the day.  Also how a reader
 * notices that something changed without re-reading everything.
 */
#ifndef KZ_BOARD_H
#define KZ_BOARD_H

#include <stdint.h>

#include "db.h"
#include "status.h"

#define KZ_BOARD_CALLS 16

struct kz_call {
	int64_t event;   /* the event's id: grows with every call and recall */
	int64_t at;      /* when */
	char number[24]; /* ticket number, never a name */
	int counter;     /* counter number */
	int recall;      /* 1: called again */
};

struct kz_board {
	struct kz_status status;
	int ncalls; /* latest first */
	struct kz_call calls[KZ_BOARD_CALLS];
};

/* Fill *out with the status and the latest ncalls (<= KZ_BOARD_CALLS) calls
 * and recalls of today, one snapshot. */
int kz_board_read(struct kz_db *db, int ncalls, struct kz_board *out, char *err);

/* The id of the latest call event so far (0 if none): a display starting up
 * announces only what comes after it. */
int kz_board_last_call(struct kz_db *db, int64_t *event, char *err);

#endif
