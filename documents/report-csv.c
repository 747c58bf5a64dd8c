/*
 * report-csv.c - the managers' report as RFC 4180 CSV (UTF-8, CRLF): one
 * row per group, a section column (all, service, counter, clerk, hour,
 * day, app4), each ending with its office's App. 1 key so that the region's
 * files put together never mix two offices' rows; for `kezek report --csv`,
 * `kezek region report --csv` and kezek-hall's report.csv.
 */
#include <stdint.h>
#include <string.h>

#include "report-csv.h"

static double
minutes(int64_t s)
{
	return s / 60.0;
}

/* One field, quoted when it must be; a comma after it, or CRLF if last. */
static void
cell(FILE *f, const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
	} else {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	}
	fputs(last ? "\r\n" : ",", f);
}

static void
fieldf(FILE *f, const char *fmt, double v, int have, int last)
{
	char buf[64] = "";

	if (have)
		snprintf(buf, sizeof buf, fmt, v);
	cell(f, buf, last);
}

static void
csv_stat(FILE *f, const struct kz_stat *s, int last)
{
	fieldf(f, "%.0f", s->n, 1, 0);
	fieldf(f, "%.1f", minutes(s->median), s->n > 0, 0);
	fieldf(f, "%.1f", minutes(s->p90), s->n > 0, 0);
	fieldf(f, "%.1f", minutes(s->max), s->n > 0, 0);
	fieldf(f, "%.1f", kz_stat_share(s), s->n > 0, last);
}

static void
csv_group(FILE *f, const char *section, const char *key, const char *name,
	const struct kz_report_group *g, const char *office)
{
	cell(f, section, 0);
	cell(f, key, 0);
	cell(f, name, 0);
	fieldf(f, "%.0f", g->places, 1, 0);
	fieldf(f, "%.0f", g->served, 1, 0);
	fieldf(f, "%.0f", g->no_shows, 1, 0);
	fieldf(f, "%.0f", g->transferred, 1, 0);
	fieldf(f, "%.0f", g->cancelled, 1, 0);
	fieldf(f, "%.0f", g->not_served, 1, 0);
	csv_stat(f, &g->wait, 0);
	csv_stat(f, &g->service, 0);
	fieldf(f, "%.0f", g->lunch, 1, 0);
	fieldf(f, "%.0f", g->lunch_over, 1, 0);
	cell(f, "", 0);
	cell(f, "", 0);
	cell(f, "", 0);
	cell(f, "", 0);
	cell(f, office, 1);
}

void
kz_doc_report_csv(FILE *f, const struct kz_report *r, const struct kz_config *cfg,
	const char *office, int kk, int head_too)
{
	static const char *const head[] = {"section", "key", "name", "places", "served", "no_shows",
		"transferred", "cancelled", "not_served", "wait_n", "wait_median_min",
		"wait_p90_min", "wait_max_min", "wait_within_limit_pct", "service_n",
		"service_median_min", "service_p90_min", "service_max_min",
		"service_within_limit_pct", "wait_over_lunch", "wait_over_limit_over_lunch",
		"norm_pct", "target_pct", "current_pct", "current_n", "office"};
	struct kz_app4_row rows[KZ_APP4_ROWS];
	size_t n = sizeof head / sizeof head[0];

	if (office == NULL)
		office = "";
	for (size_t i = 0; head_too && i < n; i++)
		cell(f, head[i], i + 1 == n);
	csv_group(f, "all", "all", "", &r->total, office);
	for (int i = 0; i < r->nservices; i++)
		csv_group(f, "service", r->services[i].key,
			kk ? r->services[i].name_kk : r->services[i].name_ru, &r->services[i],
			office);
	for (int i = 0; i < r->ncounters; i++)
		csv_group(f, "counter", r->counters[i].key, "", &r->counters[i], office);
	for (int i = 0; i < r->nclerks; i++)
		csv_group(f, "clerk", r->clerks[i].key, r->clerks[i].key, &r->clerks[i], office);
	for (int h = 0; h < 24; h++)
		if (r->hours[h].places > 0)
			csv_group(f, "hour", r->hours[h].key, "", &r->hours[h], office);
	for (int i = 0; i < r->ndays; i++) {
		const struct kz_report_day *d = &r->days[i];
		struct kz_report_group g = {.places = d->places,
			.served = d->served,
			.no_shows = d->no_shows,
			.transferred = d->transferred,
			.cancelled = d->cancelled,
			.not_served = d->not_served,
			.wait = d->wait,
			.service = d->service,
			.lunch = d->lunch,
			.lunch_over = d->lunch_over};
		csv_group(f, "day", r->days[i].day, r->days[i].working ? "" : "day off", &g,
			office);
	}
	kz_report_app4(r, &cfg->targets, rows);
	for (int i = 0; i < KZ_APP4_ROWS; i++) {
		cell(f, "app4", 0);
		cell(f, rows[i].code, 0);
		cell(f, kk ? rows[i].name_kk : rows[i].name_ru, 0);
		for (size_t j = 3; j < n - 5; j++) /* the groups' columns */
			cell(f, "", 0);
		fieldf(f, "%.0f", rows[i].norm, 1, 0);
		fieldf(f, "%.0f", rows[i].target, 1, 0);
		fieldf(f, "%.1f", rows[i].current, rows[i].current >= 0, 0);
		/* n: the ballots (or applications) the value rests on */
		fieldf(f, "%.0f", rows[i].of, rows[i].basis[0] != '\0', 0);
		cell(f, office, 1);
	}
}
