/*
 * state.c - what the simulation's files share: its event queue, the agenda
 * of later days' events, growing arrays and the out-of-memory message;
 * see state.h.
 */
#include <stdlib.h>

#include "queue/clock.h"
#include "queue/error.h"
#include "sim/state.h"

static int
before(const struct event *a, const struct event *b)
{
	return a->at < b->at || (a->at == b->at && a->seq < b->seq);
}

static int
heap_push(struct heap *h, struct event e)
{
	size_t i;

	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 1024;
		struct event *v = realloc(h->v, cap * sizeof *v);
		if (v == NULL)
			return KZ_ENOMEM;
		h->v = v;
		h->cap = cap;
	}
	for (i = h->n++; i > 0 && before(&e, &h->v[(i - 1) / 2]); i = (i - 1) / 2)
		h->v[i] = h->v[(i - 1) / 2];
	h->v[i] = e;
	return KZ_OK;
}

struct event
kz_sim_heap_pop(struct heap *h)
{
	struct event top = h->v[0], last = h->v[--h->n];
	size_t i = 0;

	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= h->n)
			break;
		if (c + 1 < h->n && before(&h->v[c + 1], &h->v[c]))
			c++;
		if (!before(&h->v[c], &last))
			break;
		h->v[i] = h->v[c];
		i = c;
	}
	if (h->n > 0)
		h->v[i] = last;
	return top;
}

/* p (of *cap elements of size) grown to hold n + 1: p itself, a larger
 * copy, or NULL (p still valid) when memory runs out. */
void *
kz_sim_grow(void *p, size_t *cap, size_t n, size_t size)
{
	size_t c = *cap ? *cap * 2 : 64;
	void *np;

	if (n < *cap)
		return p;
	if ((np = realloc(p, c * size)) != NULL)
		*cap = c;
	return np;
}

int
kz_sim_nomem(struct sim *s)
{
	return kz_err(s->err, KZ_ENOMEM, "out of memory simulating %s", s->day);
}

int
kz_sim_schedule(struct sim *s, int64_t at, int kind, int who, int arg)
{
	struct event e = {at, s->seq++, kind, who, arg};

	return heap_push(&s->heap, e) == KZ_OK ? KZ_OK : kz_sim_nomem(s);
}

/* A case event on a later working day (dropped past the range's end). */
int
kz_sim_agenda_add(struct sim *s, int64_t at, int kind, int who, int arg)
{
	struct event e = {at, 0, kind, who, arg}, *v;

	if (kz_date_cmp(kz_date_of(at), s->last) > 0)
		return KZ_OK;
	if (kz_date_cmp(kz_date_of(at), s->today) == 0)
		return kz_sim_schedule(s, at, kind, who, arg);
	if ((v = kz_sim_grow(s->agenda, &s->agenda_cap, s->nagenda, sizeof *v)) == NULL)
		return kz_sim_nomem(s);
	s->agenda = v;
	s->agenda[s->nagenda++] = e;
	return KZ_OK;
}

/* A moment of date between minutes from and to, outside lunch. */
int64_t
kz_sim_office_moment(struct sim *s, struct kz_date date, int from, int to)
{
	int m = from;

	for (int i = 0; i < 20; i++) {
		m = kz_rng_int(&s->cases, from, to - 1);
		if (m < s->h->lunch_start || m >= s->h->lunch_end)
			break;
	}
	return kz_date_at(date, m) + kz_rng_int(&s->cases, 0, 59);
}
