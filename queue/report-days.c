/*
 * report-days.c - per-day summaries of the report; see report-days.h.
 * Start at kz_day_sum_scan (a day's tickets to its summary), then
 * encode/decode (the stored form: unsigned LEB128 varints; a histogram is
 * a header of its pairs, total, largest seconds and byte length, then its
 * pairs as rises in seconds from the previous one).  A report reads the
 * histograms' pairs straight from the stored bytes into its counters
 * (kz_sum_hist_add): nothing is copied or allocated per day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "application.h"
#include "calendar.h"
#include "clock.h"
#include "error.h"
#include "report-days.h"
#include "sql.h"
#include "wait.h"

#define DAYS_PER_TX 8 /* summaries written per transaction: the write lock stays short */

/* --- building ------------------------------------------------------------- */

static int
hist_push(struct kz_sum_hist *h, int64_t secs, uint32_t count)
{
	if (h->n == h->cap) {
		int cap = h->cap ? h->cap * 2 : 16;
		int64_t *s = realloc(h->secs, (size_t)cap * sizeof *s);
		uint32_t *c;
		if (s == NULL)
			return KZ_ENOMEM;
		h->secs = s;
		if ((c = realloc(h->count, (size_t)cap * sizeof *c)) == NULL)
			return KZ_ENOMEM;
		h->count = c;
		h->cap = cap;
	}
	h->secs[h->n] = secs;
	h->count[h->n++] = count;
	return KZ_OK;
}

static int
cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Raw values (each count 1) to sorted pairs, in place. */
static void
hist_compress(struct kz_sum_hist *h)
{
	int k = 0;

	h->max = -1;
	if (h->n == 0)
		return;
	h->total = h->n;
	qsort(h->secs, (size_t)h->n, sizeof *h->secs, cmp64);
	for (int i = 0; i < h->n; i++) {
		if (k > 0 && h->secs[k - 1] == h->secs[i]) {
			h->count[k - 1]++;
			continue;
		}
		h->secs[k] = h->secs[i];
		h->count[k++] = 1;
	}
	h->n = k;
	h->max = h->secs[k - 1];
}

static struct kz_sum_group *
group(struct kz_day_sum *s, int kind, int64_t id)
{
	for (int i = 0; i < s->ngroups; i++)
		if (s->g[i].kind == kind && s->g[i].id == id)
			return &s->g[i];
	if (s->ngroups == s->cap) {
		int cap = s->cap ? s->cap * 2 : 48;
		struct kz_sum_group *g = realloc(s->g, (size_t)cap * sizeof *g);
		if (g == NULL)
			return NULL;
		s->g = g;
		s->cap = cap;
	}
	s->g[s->ngroups] = (struct kz_sum_group){.kind = kind, .id = id};
	return &s->g[s->ngroups++];
}

/* One ticket row as the report counts it. */
struct row {
	int64_t service, counter, clerk, issued, called, started, finished;
	const char *outcome;
	int64_t away; /* postponed, then back: not service time (postpone.h) */
};

static int
add(struct kz_sum_group *g, const struct row *w, int64_t wait, int64_t service, int lunch,
	int64_t limit)
{
	enum kz_outcome o = kz_outcome_from_db(w->outcome);

	g->places++;
	g->served += o == KZ_SERVED;
	g->no_shows += o == KZ_NO_SHOW;
	g->transferred += o == KZ_TRANSFERRED;
	g->cancelled += o == KZ_CANCELLED;
	g->not_served += o == KZ_OFFICE_CLOSED;
	g->lunch += lunch;
	g->lunch_over += lunch && wait > limit;
	if (wait >= 0 && hist_push(&g->wait, wait, 1) != KZ_OK)
		return KZ_ENOMEM;
	if (service >= 0 && hist_push(&g->service, service, 1) != KZ_OK)
		return KZ_ENOMEM;
	return KZ_OK;
}

struct day_at {
	int64_t midnight, lunch_start, lunch_end, limit;
};

static int
add_row(struct kz_day_sum *s, const struct day_at *at, const struct row *w)
{
	int64_t wait = -1, service = -1, end = 0, hour;
	int lunch = 0;
	struct kz_sum_group *g[5];
	int n = 0;

	if (w->called)
		end = w->called;
	else if (w->finished && kz_outcome_from_db(w->outcome) == KZ_OFFICE_CLOSED)
		end = w->finished; /* not called by closing: waited until then */
	if (end) {
		wait = kz_wait_seconds(w->issued, end, 0);
		lunch = kz_wait_spans(w->issued, end, at->lunch_start, at->lunch_end);
	}
	if (w->started && w->finished && w->called)
		service = kz_service_seconds(w->called + w->away, w->finished, 0);
	/* hours from the day's local midnight: no time-zone lookup per row */
	hour = (w->issued - at->midnight) / 3600;
	hour = hour < 0 ? 0 : hour > 23 ? 23 : hour;
	g[n++] = group(s, KZ_SUM_TOTAL, 0);
	g[n++] = group(s, KZ_SUM_SERVICE, w->service);
	if (w->counter)
		g[n++] = group(s, KZ_SUM_COUNTER, w->counter);
	if (w->clerk)
		g[n++] = group(s, KZ_SUM_CLERK, w->clerk);
	g[n++] = group(s, KZ_SUM_HOUR, hour);
	for (int i = 0; i < n; i++)
		if (g[i] == NULL || add(g[i], w, wait, service, lunch, at->limit) != KZ_OK)
			return KZ_ENOMEM;
	return KZ_OK;
}

static int
day_at(const struct kz_config *cfg, const char *day, struct day_at *at, char *err)
{
	const struct kz_hours *h = &cfg->hours;
	struct kz_date d;

	if (kz_date_parse(day, &d) != 0)
		return kz_err(err, KZ_EINVAL, "'%s' is not a day; write YYYY-MM-DD", day);
	at->midnight = kz_date_at(d, 0);
	at->lunch_start = kz_date_at(d, h->lunch_start);
	at->lunch_end =
		h->lunch_end > h->lunch_start ? kz_date_at(d, h->lunch_end) : at->lunch_start;
	at->limit = (int64_t)cfg->wait_limit_min * 60;
	return KZ_OK;
}

/* A day's text ("YYYY-MM-DD") as days since 1970; -1 for none. */
static int32_t
days_of(const char *s)
{
	struct kz_date d;

	return s && kz_date_parse(s, &d) == 0 ? (int32_t)kz_date_days(d) : -1;
}

void
kz_sum_app_count(struct kz_report_apps *a, const struct kz_sum_app *x, int32_t today)
{
	int registered = x->status == KZ_APP_REGISTERED;

	if (x->status == KZ_APP_REFUSED || x->status == KZ_APP_SUSPENDED) { /* p.16 both */
		a->refused++;
		if (x->notice_sent < 0 ? today > x->notice_due : x->notice_sent > x->notice_due)
			a->notices_late++;
		return;
	}
	a->accepted++;
	if (x->decided >= 0 || today > x->due)
		a->due++;
	if (x->decided >= 0 && x->decided <= x->due)
		a->on_time++;
	else if (x->decided >= 0 || today > x->due)
		a->late++;
	if ((registered && today > x->due) || (x->status == KZ_APP_APPROVED && x->decided > x->due))
		a->deemed++;
	if (registered && today <= x->due)
		return; /* not ready yet */
	a->uncollected += x->kept >= 0 && !x->handed && today > x->kept;
}

static int
scan_apps(struct kz_db *db, const char *day, struct kz_day_sum *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT status, due_day, decided_day, handed_at IS NOT NULL, notice_due_day,"
		" coalesce(notice_sent_at, 0) FROM applications WHERE day = ?",
		err);
	int rc, cap = 0;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_sum_app *x;
		int64_t sent = sqlite3_column_int64(st, 5);
		char sent_day[11];
		int32_t ready;
		if (out->napps == cap) {
			cap = cap ? cap * 2 : 16;
			if ((x = realloc(out->apps, (size_t)cap * sizeof *x)) == NULL) {
				sqlite3_reset(st);
				return kz_err(err, KZ_ENOMEM, "out of memory summarising %s", day);
			}
			out->apps = x;
		}
		x = &out->apps[out->napps++];
		x->status = kz_app_state_from_db((const char *)sqlite3_column_text(st, 0));
		x->due = days_of((const char *)sqlite3_column_text(st, 1));
		x->decided = days_of((const char *)sqlite3_column_text(st, 2));
		x->handed = sqlite3_column_int(st, 3);
		x->notice_due = days_of((const char *)sqlite3_column_text(st, 4));
		x->notice_sent = -1;
		if (sent != 0) {
			kz_clock_day(sent, sent_day);
			x->notice_sent = days_of(sent_day);
		}
		ready = x->decided >= 0 && x->decided > x->due ? x->decided : x->due;
		x->kept = ready < 0
			? -1
			: (int32_t)kz_date_days(kz_date_add_months(kz_date_from_days(ready), 6));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read the day's applications", err);
}

int
kz_day_sum_scan(struct kz_db *db, const struct kz_config *cfg, const char *day,
	struct kz_day_sum *out, char *err)
{
	sqlite3_stmt *st;
	struct day_at at = {0};
	int rc;

	memset(out, 0, sizeof *out);
	snprintf(out->day, sizeof out->day, "%s", day);
	if ((rc = day_at(cfg, day, &at, err)) != KZ_OK)
		return rc;
	if (group(out, KZ_SUM_TOTAL, 0) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory summarising %s", day);
	st = kz_db_stmt(db,
		"SELECT service_id, coalesce(counter_id, 0), coalesce(clerk_id, 0), issued_at,"
		" coalesce(called_at, 0), coalesce(started_at, 0), coalesce(finished_at, 0),"
		" outcome, origin_id IS NULL, away_seconds FROM tickets WHERE day = ?",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct row w = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
			sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3),
			sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5),
			sqlite3_column_int64(st, 6), (const char *)sqlite3_column_text(st, 7),
			sqlite3_column_int64(st, 9)};
		out->issued += sqlite3_column_int(st, 8);
		if (add_row(out, &at, &w) != KZ_OK) {
			sqlite3_reset(st);
			return kz_err(err, KZ_ENOMEM, "out of memory summarising %s", day);
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "read the day's tickets", err);
	for (int i = 0; i < out->ngroups; i++) {
		hist_compress(&out->g[i].wait);
		hist_compress(&out->g[i].service);
	}
	if ((rc = kz_feedback_fill(db, day, day, &out->feedback, err)) != KZ_OK)
		return rc;
	return scan_apps(db, day, out, err);
}

int64_t
kz_sum_hist_total(const struct kz_sum_hist *h)
{
	return h->total;
}

/* One unsigned LEB128 varint from *p (not past end); -1 if cut short. */
static int
varint(const unsigned char **p, const unsigned char *end, uint64_t *out)
{
	uint64_t v = 0;

	for (int shift = 0; shift < 64 && *p < end; shift += 7) {
		unsigned char byte = *(*p)++;
		v |= (uint64_t)(byte & 0x7f) << shift;
		if (!(byte & 0x80)) {
			*out = v;
			return 0;
		}
	}
	return -1;
}

/* The next stored pair after at: its seconds and count; -1 if damaged. */
static inline int
packed_pair(const unsigned char **p, const unsigned char *end, int64_t *at, uint32_t *count)
{
	uint64_t rise, n = 1;

	if (*p < end && **p < 0x80) { /* the usual case: a rise under 64 s */
		rise = *(*p)++;
	} else if (end - *p >= 2 && (*p)[1] < 0x80) { /* under 8192 s */
		rise = ((*p)[0] & 0x7fu) | (uint64_t)(*p)[1] << 7;
		*p += 2;
	} else if (varint(p, end, &rise) != 0) {
		return -1;
	}
	if ((rise & 1) && (varint(p, end, &n) != 0 || n > UINT32_MAX))
		return -1;
	*at += (int64_t)(rise >> 1);
	*count = (uint32_t)n;
	return 0;
}

/* Room in c for seconds up to max. */
static int
counts_reach(struct kz_sum_counts *c, int64_t max)
{
	size_t need = (size_t)max / KZ_SUM_BLOCK + 1, n = c->nblocks ? c->nblocks : 64;
	uint32_t **b;

	if (need <= c->nblocks)
		return KZ_OK;
	while (n < need)
		n *= 2;
	if ((b = realloc(c->block, n * sizeof *b)) == NULL)
		return KZ_ENOMEM;
	memset(b + c->nblocks, 0, (n - c->nblocks) * sizeof *b);
	c->block = b;
	c->nblocks = n;
	return KZ_OK;
}

/* The counters of the block holding secs, made if there are none; seconds
 * come rising, so the last block looked up (*k, *at) is usually it. */
static inline uint32_t *
block_of(struct kz_sum_counts *c, int64_t secs, size_t *k, uint32_t **at)
{
	size_t want = (size_t)secs / KZ_SUM_BLOCK;

	if (*at != NULL && *k == want)
		return *at;
	if (c->block[want] == NULL &&
		(c->block[want] = calloc(KZ_SUM_BLOCK, sizeof(uint32_t))) == NULL)
		return NULL;
	*k = want;
	return *at = c->block[want];
}

/* Add the worked-out pairs of h (not stored ones). */
static int
add_pairs(struct kz_sum_counts *c, const struct kz_sum_hist *h)
{
	size_t k = 0;
	uint32_t *b = NULL;

	for (int i = 0; i < h->n; i++) {
		if (block_of(c, h->secs[i], &k, &b) == NULL)
			return KZ_ENOMEM;
		b[h->secs[i] % KZ_SUM_BLOCK] += h->count[i];
	}
	return KZ_OK;
}

int
kz_sum_counts_add(struct kz_sum_counts *c, const struct kz_sum_hist *h)
{
	const unsigned char *p = h->packed, *end = p ? p + h->packed_len : NULL;
	int64_t at = 0, total = 0;
	size_t k = 0;
	uint32_t *b = NULL;

	if (h->n == 0)
		return KZ_OK;
	if (counts_reach(c, h->max) != KZ_OK)
		return KZ_ENOMEM;
	c->n += (size_t)h->total;
	if (p == NULL)
		return add_pairs(c, h);
	for (int i = 0; i < h->n; i++) {
		uint32_t n;
		if (packed_pair(&p, end, &at, &n) != 0 || at > h->max)
			return KZ_EINVAL;
		if (block_of(c, at, &k, &b) == NULL)
			return KZ_ENOMEM;
		b[at % KZ_SUM_BLOCK] += n;
		total += n;
	}
	return p == end && total == h->total && at == h->max ? KZ_OK : KZ_EINVAL;
}

void
kz_sum_counts_free(struct kz_sum_counts *c)
{
	for (size_t i = 0; i < c->nblocks; i++)
		free(c->block[i]);
	free(c->block);
	memset(c, 0, sizeof *c);
}

void
kz_sum_walk_start(struct kz_sum_walk *w, const struct kz_sum_hist *h)
{
	*w = (struct kz_sum_walk){.h = h, .p = h->packed};
}

int
kz_sum_walk_next(struct kz_sum_walk *w, int64_t *secs, uint32_t *count)
{
	const struct kz_sum_hist *h = w->h;

	if (w->i >= h->n)
		return 0;
	if (h->packed == NULL) {
		*secs = h->secs[w->i];
		*count = h->count[w->i++];
		return 1;
	}
	if (packed_pair(&w->p, h->packed + h->packed_len, &w->at, count) != 0 || w->at > h->max)
		return 0; /* damaged: kz_sum_hist_add says so */
	*secs = w->at;
	w->i++;
	return 1;
}

void
kz_day_sum_free(struct kz_day_sum *s)
{
	for (int i = 0; s->g && i < s->ngroups; i++) {
		free(s->g[i].wait.secs);
		free(s->g[i].wait.count);
		free(s->g[i].service.secs);
		free(s->g[i].service.count);
	}
	free(s->g);
	free(s->apps);
	memset(s, 0, sizeof *s);
}

/* --- the stored form ------------------------------------------------------ */

struct buf {
	unsigned char *p;
	size_t n, cap;
	int failed;
};

static void
put(struct buf *b, uint64_t v)
{
	if (b->cap - b->n < 10) {
		size_t cap = b->cap ? b->cap * 2 : 1024;
		unsigned char *p = realloc(b->p, cap);
		if (p == NULL) {
			b->failed = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	do {
		unsigned char byte = v & 0x7f;
		v >>= 7;
		b->p[b->n++] = byte | (v ? 0x80 : 0);
	} while (v);
}

static size_t
varint_len(uint64_t v)
{
	size_t n = 1;

	while (v >>= 7)
		n++;
	return n;
}

/* A pair's rise from the previous seconds, doubled: most seconds hold one
 * value, so the low bit says a count follows. */
static uint64_t
rise_of(const struct kz_sum_hist *h, int i)
{
	return (uint64_t)(h->secs[i] - (i ? h->secs[i - 1] : 0)) * 2 + (h->count[i] != 1);
}

static void
put_hist(struct buf *b, const struct kz_sum_hist *h)
{
	size_t len = 0;

	for (int i = 0; i < h->n; i++)
		len += varint_len(rise_of(h, i)) + (h->count[i] != 1 ? varint_len(h->count[i]) : 0);
	put(b, (uint64_t)h->n);
	put(b, (uint64_t)h->total);
	put(b, h->n ? (uint64_t)h->max + 1 : 0);
	put(b, (uint64_t)len);
	for (int i = 0; i < h->n; i++) {
		put(b, rise_of(h, i));
		if (h->count[i] != 1)
			put(b, h->count[i]);
	}
}

static void
encode(const struct kz_day_sum *s, struct buf *b)
{
	put(b, (uint64_t)s->issued);
	put(b, (uint64_t)s->ngroups);
	for (int i = 0; i < s->ngroups; i++) {
		const struct kz_sum_group *g = &s->g[i];
		const int counts[] = {g->places, g->served, g->no_shows, g->transferred,
			g->cancelled, g->not_served, g->lunch, g->lunch_over};
		put(b, (uint64_t)g->kind);
		put(b, (uint64_t)g->id);
		for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++)
			put(b, (uint64_t)counts[k]);
		put_hist(b, &g->wait);
		put_hist(b, &g->service);
	}
	put(b, (uint64_t)s->feedback.responses);
	for (int i = 0; i < KZ_FB_QUESTIONS; i++) {
		put(b, (uint64_t)s->feedback.yes[i]);
		put(b, (uint64_t)s->feedback.answered[i]);
	}
	put(b, (uint64_t)s->napps);
	for (int i = 0; i < s->napps; i++) {
		const struct kz_sum_app *x = &s->apps[i];
		const int32_t dates[] = {x->due, x->decided, x->notice_due, x->notice_sent,
			x->kept};
		put(b, (uint64_t)(x->status * 2 + (x->handed != 0)));
		for (size_t k = 0; k < sizeof dates / sizeof dates[0]; k++)
			put(b, dates[k] < 0 ? 0 : (uint64_t)dates[k] + 1);
	}
}

struct reader {
	const unsigned char *p, *end;
	int bad;
};

static uint64_t
get(struct reader *r)
{
	uint64_t v = 0;

	for (int shift = 0; shift < 64; shift += 7) {
		if (r->p >= r->end) {
			r->bad = 1;
			return 0;
		}
		v |= (uint64_t)(*r->p & 0x7f) << shift;
		if (!(*r->p++ & 0x80))
			return v;
	}
	r->bad = 1;
	return 0;
}

/* A histogram's header; its pairs are left where they are (packed) and
 * checked as they are read. */
static int
get_hist(struct reader *r, struct kz_sum_hist *h)
{
	uint64_t n = get(r), total = get(r), max = get(r), len = get(r);

	/* every pair takes a byte at least, and no day holds a million seconds */
	if (r->bad || len > (uint64_t)(r->end - r->p) || n > len || total > INT32_MAX ||
		max > 1000000 || (n == 0) != (max == 0))
		return r->bad = 1, KZ_EINVAL;
	*h = (struct kz_sum_hist){.n = (int)n,
		.total = (int64_t)total,
		.max = (int64_t)max - 1,
		.packed = r->p,
		.packed_len = (size_t)len};
	r->p += len;
	return KZ_OK;
}

static int
decode(const void *data, int len, struct kz_day_sum *s)
{
	struct reader r = {data, (const unsigned char *)data + len, 0};
	uint64_t n;

	s->issued = (int)get(&r);
	n = get(&r);
	if (r.bad || n > (uint64_t)len)
		return KZ_EINVAL;
	if (n > 0 && (s->g = calloc(n, sizeof *s->g)) == NULL)
		return KZ_ENOMEM;
	s->cap = (int)n;
	for (uint64_t i = 0; i < n && !r.bad; i++) {
		struct kz_sum_group *g = &s->g[s->ngroups++];
		int *counts[] = {&g->places, &g->served, &g->no_shows, &g->transferred,
			&g->cancelled, &g->not_served, &g->lunch, &g->lunch_over};
		int rc;
		g->kind = (int)get(&r);
		g->id = (int64_t)get(&r);
		for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++)
			*counts[k] = (int)get(&r);
		if ((rc = get_hist(&r, &g->wait)) != KZ_OK ||
			(rc = get_hist(&r, &g->service)) != KZ_OK)
			return rc;
	}
	s->feedback.responses = (int)get(&r);
	for (int i = 0; i < KZ_FB_QUESTIONS; i++) {
		s->feedback.yes[i] = (int)get(&r);
		s->feedback.answered[i] = (int)get(&r);
	}
	n = get(&r);
	if (r.bad || n > (uint64_t)len)
		return KZ_EINVAL;
	if (n > 0 && (s->apps = calloc(n, sizeof *s->apps)) == NULL)
		return KZ_ENOMEM;
	for (uint64_t i = 0; i < n && !r.bad; i++) {
		struct kz_sum_app *x = &s->apps[s->napps++];
		int32_t *dates[] = {&x->due, &x->decided, &x->notice_due, &x->notice_sent,
			&x->kept};
		uint64_t sh = get(&r);
		x->status = (int)(sh / 2);
		x->handed = (int)(sh % 2);
		for (size_t k = 0; k < sizeof dates / sizeof dates[0]; k++)
			*dates[k] = (int32_t)get(&r) - 1;
	}
	return r.bad || r.p != r.end || s->ngroups < 1 || s->g[0].kind != KZ_SUM_TOTAL ? KZ_EINVAL
										       : KZ_OK;
}

/* What a summary is worked out under: if any of it changes, it is stale.
 * The first number is the stored form's: a summary stored in another form
 * is stale too, so it is worked out again, never misread. */
static void
params(const struct kz_config *cfg, char *out, size_t len)
{
	snprintf(out, len, "3 %s lunch %d-%d limit %d", cfg->timezone, cfg->hours.lunch_start,
		cfg->hours.lunch_end, cfg->wait_limit_min);
}

int
kz_day_sum_each(struct kz_db *db, const struct kz_config *cfg, const char *from, const char *to,
	int (*fn)(const struct kz_day_sum *s, void *arg), void *arg, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT day, params, data FROM report_days WHERE day BETWEEN ? AND ? ORDER BY day",
		err);
	char want[160];
	int rc, frc = KZ_OK;

	if (st == NULL)
		return KZ_EDB;
	params(cfg, want, sizeof want);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
	while (frc == KZ_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 1);
		struct kz_day_sum s = {0};
		if (p == NULL || strcmp(p, want) != 0)
			continue; /* stale: the day is worked out from its tickets instead */
		kz_col_text(st, 0, s.day, sizeof s.day);
		frc = decode(sqlite3_column_blob(st, 2), sqlite3_column_bytes(st, 2), &s);
		if (frc == KZ_EINVAL)
			frc = KZ_OK; /* unreadable: the same */
		else if (frc == KZ_OK)
			frc = fn(&s, arg);
		else
			frc = kz_err(err, frc, "out of memory reading the summary of %s", s.day);
		kz_day_sum_free(&s);
	}
	sqlite3_reset(st);
	if (frc != KZ_OK)
		return frc;
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read the days' summaries", err);
}

/* --- keeping them ----------------------------------------------------------- */

static int
store(struct kz_db *db, const struct kz_config *cfg, const char *day, char *err)
{
	struct kz_day_sum s;
	struct buf b = {0};
	char p[160];
	sqlite3_stmt *st;
	int rc = kz_day_sum_scan(db, cfg, day, &s, err);

	if (rc != KZ_OK) {
		kz_day_sum_free(&s);
		return rc;
	}
	encode(&s, &b);
	kz_day_sum_free(&s);
	if (b.failed) {
		free(b.p);
		return kz_err(err, KZ_ENOMEM, "out of memory summarising %s", day);
	}
	params(cfg, p, sizeof p);
	st = kz_db_stmt(db,
		"INSERT OR REPLACE INTO report_days (day, params, data) VALUES (?, ?, ?)", err);
	if (st == NULL) {
		free(b.p);
		return KZ_EDB;
	}
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, p, -1, SQLITE_TRANSIENT);
	sqlite3_bind_blob(st, 3, b.p, (int)b.n, SQLITE_TRANSIENT);
	rc = kz_db_exec_stmt(db, st, "store a day's summary", err);
	free(b.p);
	return rc;
}

/* The days of from..to with a current summary, as flags by day offset. */
static int
current_days(struct kz_db *db, const struct kz_config *cfg, const char *from, const char *to,
	int64_t first, char *have, int64_t n, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT day, params FROM report_days WHERE day BETWEEN ? AND ?", err);
	char want[160];
	int rc;

	if (st == NULL)
		return KZ_EDB;
	params(cfg, want, sizeof want);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *day = (const char *)sqlite3_column_text(st, 0),
			   *p = (const char *)sqlite3_column_text(st, 1);
		struct kz_date d;
		if (day && p && strcmp(p, want) == 0 && kz_date_parse(day, &d) == 0 &&
			kz_date_days(d) - first >= 0 && kz_date_days(d) - first < n)
			have[kz_date_days(d) - first] = 1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read the days' summaries", err);
}

/* Store the missing days among the next DAYS_PER_TX from *i, in this
 * transaction. */
static int
store_some(struct kz_db *db, const struct kz_config *cfg, int64_t first, const char *have,
	int64_t n, int64_t *i, int *built, char *err)
{
	int rc = KZ_OK;

	for (int k = 0; k < DAYS_PER_TX && *i < n && rc == KZ_OK; (*i)++) {
		char day[11];
		if (have[*i])
			continue;
		kz_date_format(kz_date_from_days(first + *i), day);
		if ((rc = store(db, cfg, day, err)) == KZ_OK) {
			k++;
			++*built;
		}
	}
	return rc;
}

int
kz_report_days_refresh(struct kz_db *db, const struct kz_config *cfg, const char *from,
	const char *to, int *built, char *err)
{
	struct kz_date f, t;
	int64_t first, n, i = 0;
	char *have;
	int rc, count = 0;

	if (built)
		*built = 0;
	if (kz_date_parse(from, &f) != 0 || kz_date_parse(to, &t) != 0)
		return kz_err(err, KZ_EINVAL, "'%s' to '%s' is not a range of days", from, to);
	first = kz_date_days(f);
	n = kz_date_days(t) - first + 1;
	if (n < 1)
		return KZ_OK;
	if ((have = calloc((size_t)n, 1)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory for the days' summaries");
	if ((rc = kz_db_begin_read(db, err)) == KZ_OK) {
		rc = current_days(db, cfg, from, to, first, have, n, err);
		if (rc == KZ_OK)
			rc = kz_db_commit(db, err);
		else
			kz_db_rollback(db);
	}
	while (rc == KZ_OK && i < n) {
		while (i < n && have[i])
			i++;
		if (i >= n)
			break;
		if ((rc = kz_db_begin(db, err)) != KZ_OK)
			break;
		if ((rc = store_some(db, cfg, first, have, n, &i, &count, err)) == KZ_OK)
			rc = kz_db_commit(db, err);
		else
			kz_db_rollback(db);
	}
	free(have);
	if (built)
		*built = count;
	return rc;
}
