/* report-app4.c - the App. 4 table of quality indicators; see report.h. */
#include "report.h"
#include "i18n.h"

/* The indicators as App. 4 words them: English msgids, their Kazakh and
 * Russian (the standard's own) in po/. */
#define N(msgid) (msgid) /* a msgid for tools/po-update.sh */
static const struct {
	const char *code, *en;
	int norm;
} rows_def[KZ_APP4_ROWS] = {
	{"1.1",
		N("Share (%) of cases where the service was provided within the set term "
		  "from the moment the document was submitted"),
		100},
	{"2.1",
		N("Share (%) of consumers satisfied with the quality of the process of "
		  "providing the service"),
		100},
	{"3.1",
		N("Share (%) of consumers satisfied with the quality of and the "
		  "information about the procedure for providing the service"),
		100},
	{"3.2",
		N("Share (%) of services whose information is available in electronic "
		  "form"),
		0},
	{"4.1", N("Share (%) of consumers satisfied with the existing appeal procedure"), 100},
	{"5.1", N("Share (%) of consumers satisfied with the politeness of the staff"), 100},
};

/* count of of as a per cent with one decimal, rounded half up; -1 if of == 0 */
static double
share(int count, int of)
{
	if (of <= 0)
		return -1;
	return (double)(((long)count * 2000 / of + 1) / 2) / 10.0;
}

void
kz_report_app4(const struct kz_report *r, const struct kz_targets *t,
	struct kz_app4_row rows[KZ_APP4_ROWS])
{
	static const int question[KZ_APP4_ROWS] = {-1, KZ_FB_QUALITY, KZ_FB_INFORMATION, -1,
		KZ_FB_APPEAL, KZ_FB_POLITENESS};

	for (int i = 0; i < KZ_APP4_ROWS; i++) {
		struct kz_app4_row *w = &rows[i];
		*w = (struct kz_app4_row){rows_def[i].code, kz_tr("ru", rows_def[i].en),
			kz_tr("kk", rows_def[i].en), rows_def[i].norm, t->target[i], -1, 0, 0, ""};
		if (question[i] >= 0) {
			/* the ballots that answered this question (a skip is no vote) */
			w->count = r->feedback.yes[question[i]];
			w->of = r->feedback.answered[question[i]];
			w->basis = "ballots";
		} else if (i == KZ_APP4_ON_TIME) {
			w->count = r->apps.on_time;
			w->of = r->apps.due;
			w->basis = "applications";
		} else { /* 3.2: a fact about the service, stated in the configuration */
			w->count = t->electronic_now;
			w->of = 100;
		}
		w->current = share(w->count, w->of);
	}
}
