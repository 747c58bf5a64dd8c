/*
 * board.h - the hall board's picture as the hall server sends it to a
 * board on its own machine (GET /api/board) and as that board reads it
 * back: the kz_board of queue/board.h as JSON, with the id of the latest
 * call so far.  One file for both ends, so they always agree.  Staff names
 * are left out: a board shows none.
 */
#ifndef KZ_WIRE_BOARD_H
#define KZ_WIRE_BOARD_H

#include <stdint.h>

#include <jansson.h>

#include "queue/board.h"
#include "queue/status.h"

/* The board and last_call as a new JSON object (NULL: out of memory). */
json_t *kz_wire_board(const struct kz_board *b, int64_t last_call);

/* Read it back into *out and *last_call.  KZ_EINVAL naming the field at
 * fault for an answer of another shape (nothing of *out is to be used). */
int kz_wire_board_parse(const json_t *j, struct kz_board *out, int64_t *last_call, char *err);

/* The status part alone (what the kiosk shows too): services, counters
 * (without their clerks), the totals and the clock. */
json_t *kz_wire_status(const struct kz_status *st);
int kz_wire_status_parse(const json_t *j, struct kz_status *out, char *err);

#endif
