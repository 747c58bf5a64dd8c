/* report-app4.c - the App. 4 table of quality indicators; see report.h. */
#include "report.h"

static const struct {
	const char *code, *ru, *kk;
	int norm;
} rows_def[KZ_APP4_ROWS] = {
	{"1.1",
		"% (доля) случаев предоставления услуги в установленный срок с момента сдачи "
		"документа",
		"Құжат тапсырылған сәттен бастап қызмет белгіленген мерзімде көрсетілген "
		"жағдайлардың %-ы (үлесі)",
		100},
	{"2.1", "% (доля) потребителей, удовлетворенных качеством процесса предоставления услуги",
		"Қызмет көрсету процесінің сапасына қанағаттанған тұтынушылардың %-ы (үлесі)", 100},
	{"3.1",
		"% (доля) потребителей, удовлетворенных качеством и информацией о порядке "
		"предоставления услуги",
		"Қызмет көрсету тәртібі туралы ақпараттың сапасына қанағаттанған тұтынушылардың "
		"%-ы (үлесі)",
		100},
	{"3.2", "% (доля) услуг, информация о которых доступна в электронном формате",
		"Ақпараты электрондық форматта қолжетімді қызметтердің %-ы (үлесі)", 0},
	{"4.1", "% (доля) потребителей, удовлетворенных существующим порядком обжалования",
		"Шағымданудың қолданыстағы тәртібіне қанағаттанған тұтынушылардың %-ы (үлесі)",
		100},
	{"5.1", "% (доля) потребителей, удовлетворенных вежливостью персонала",
		"Персоналдың сыпайылығына қанағаттанған тұтынушылардың %-ы (үлесі)", 100},
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
		*w = (struct kz_app4_row){rows_def[i].code, rows_def[i].ru, rows_def[i].kk,
			rows_def[i].norm, t->target[i], -1, 0, 0, ""};
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
