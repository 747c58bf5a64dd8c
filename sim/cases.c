/*
 * cases.c - the applications and complaints of simulated days:
 * intake visitors hand in documents (some refused, decisions on later
 * days, some late or never), result visitors collect, complaints come in
 * person or by post and are answered; all through queue/'s operations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue/application.h"
#include "queue/clock.h"
#include "queue/complaint.h"
#include "queue/error.h"
#include "sim/cases.h"
#include "sim/people.h"
#include "sim/state.h"

/* What applicants and their plots are called. */
static const char *const companies[] = {
	"ТОО «Агро-Көкше»",
	"ТОО «Северный элеватор»",
	"ТОО «Береке Құрылыс»",
	"АО «КазСтройСервис»",
	"ТОО «Жасыл Дала»",
	"ТОО «Бурабай Агро»",
};
static const char *const streets[] = {
	"ул. Абая",
	"ул. Ауэзова",
	"ул. Горького",
	"пр. Назарбаева",
	"ул. Уалиханова",
	"ул. Ақан сері",
	"ул. Момышулы",
	"мкр. Васильковский",
};
static const char *const places[] = {
	"г. Кокшетау, мкр. Сарыарка",
	"г. Кокшетау, ул. Садовая",
	"Зерендинский р-н, с. Зеренда",
	"г. Кокшетау, пос. Красный Яр",
	"Бурабайский р-н, с. Катарколь",
};

/* Who registers complaints that come by post or e-mail. */
static const struct sim_clerk registry = {"Мұқанова Гүлжан Тұрсынқызы", "инспектор канцелярии"};

/* --- applications and complaints --------------------------------------- */

static int
accept(struct sim *s, struct sim_counter *c)
{
	static const char *const zones[] = {
		"Зона 3, земли населённых пунктов",
		"Зона 5, земли населённых пунктов",
		"Зона 12, земли сельскохозяйственного назначения",
		"Зона 7, земли промышленности",
	};
	static const int64_t rates[] = {35000000, 60000000, 120000000, 245000000};
	static const int64_t coefs[] = {9000, 10000, 11500, 12000, 13000};
	struct kz_rng *r = &s->cases;
	struct kz_app_input in = {
		.kind = kz_rng_chance(r, 0.15) ? KZ_APP_LEGAL : KZ_APP_INDIVIDUAL};
	char name[128], rep[128], proxy[128], proxy_doc[96], authority[96], id_doc[96];
	char tel[32], address[128], plot[160], iin[KZ_IDNUM_LEN + 1];
	struct kz_act_row act[2];
	struct kz_application app;
	struct sim_app *a;
	int legal = in.kind == KZ_APP_LEGAL, rc;

	kz_sim_idnum(r, legal, iin);
	kz_sim_phone(r, tel, sizeof tel);
	snprintf(address, sizeof address, "г. Кокшетау, %s, %d, кв. %d",
		streets[kz_rng_int(r, 0, NELEM(streets) - 1)], kz_rng_int(r, 1, 140),
		kz_rng_int(r, 1, 90));
	snprintf(plot, sizeof plot, "Акмолинская обл., %s, уч. %d",
		places[kz_rng_int(r, 0, NELEM(places) - 1)], kz_rng_int(r, 1, 400));
	snprintf(id_doc, sizeof id_doc, "удостоверение личности № 0%08d, МВД РК",
		kz_rng_int(r, 10000000, 99999999));
	in.idnum = iin;
	in.phone = tel;
	in.address = address;
	in.plot_address = plot;
	in.id_doc = id_doc;
	if (legal) {
		snprintf(name, sizeof name, "%s",
			companies[kz_rng_int(r, 0, NELEM(companies) - 1)]);
		kz_sim_person(r, rep, sizeof rep);
		snprintf(authority, sizeof authority, "доверенность № %d от %02d.%02d.%d",
			kz_rng_int(r, 1, 300), kz_rng_int(r, 1, 28), kz_rng_int(r, 1, 12),
			s->today.y - 1);
		in.representative = rep;
		in.authority = authority;
	} else {
		kz_sim_person(r, name, sizeof name);
		if (kz_rng_chance(r, 0.10)) {
			kz_sim_person(r, proxy, sizeof proxy);
			snprintf(proxy_doc, sizeof proxy_doc, "нотариальная доверенность № %d",
				kz_rng_int(r, 100, 9999));
			in.proxy = proxy;
			in.proxy_doc = proxy_doc;
		}
	}
	in.name = name;
	in.docs = kz_app_docs_required(in.kind, in.proxy != NULL);
	if (kz_rng_chance(r, P_REFUSED)) {
		/* the commission's conclusion is what people forget most */
		int d = kz_rng_chance(r, 0.6) ? KZ_APPDOC_CONCLUSION
			: kz_rng_chance(r, 0.5)
			? KZ_APPDOC_ACT
			: (legal ? KZ_APPDOC_REGISTRATION : KZ_APPDOC_ID_COPY);
		if (in.proxy != NULL && d == KZ_APPDOC_ID_COPY)
			d = KZ_APPDOC_POWER_OF_ATTORNEY;
		in.docs &= ~(1u << d);
	}
	if (in.docs & (1u << KZ_APPDOC_ACT)) {
		in.nact = kz_rng_int(r, 1, 2);
		for (int i = 0; i < in.nact; i++) {
			struct kz_act_row *row = &act[i];
			memset(row, 0, sizeof *row);
			snprintf(row->zone, sizeof row->zone, "%s",
				zones[kz_rng_int(r, 0, NELEM(zones) - 1)]);
			row->area = kz_rng_int(r, 400, 25000); /* 0.04 .. 2.5 ha */
			row->rate = rates[kz_rng_int(r, 0, NELEM(rates) - 1)];
			row->coef = coefs[kz_rng_int(r, 0, NELEM(coefs) - 1)];
			row->value = (int64_t)(((uint64_t)row->area * (uint64_t)row->rate *
							       (uint64_t)row->coef +
						       50000000u) /
				100000000u);
			in.act_total += row->value;
		}
		in.act = act;
	}
	rc = kz_app_accept(s->db, s->cal, c->conf->number, &in, NULL, NULL, &app, NULL, s->err);
	if (rc != KZ_OK)
		return rc;
	if ((a = kz_sim_grow(s->apps, &s->apps_cap, s->napps, sizeof *a)) == NULL)
		return kz_sim_nomem(s);
	s->apps = a;
	a = &s->apps[s->napps];
	memset(a, 0, sizeof *a);
	snprintf(a->number, sizeof a->number, "%s", app.number);
	snprintf(a->due_day, sizeof a->due_day, "%s", app.due_day);
	a->refused = app.status == KZ_APP_REFUSED || app.status == KZ_APP_SUSPENDED;
	a->never = kz_rng_chance(r, P_NEVER_COLLECT);
	s->res->applications++;
	if (a->refused) {
		/* the notice (p.16): the next working day, now and then a day late */
		s->res->refused++;
		s->napps++;
		return kz_sim_agenda_add(s,
			kz_sim_office_moment(s,
				kz_cal_add_working_days(s->cal, s->today,
					kz_rng_chance(r, 0.9) ? 1 : 2),
				s->h->open + 30, s->h->lunch_start),
			EV_NOTICE, (int)s->napps - 1, 0);
	}
	s->napps++;
	if (kz_rng_chance(r, 0.08))
		return KZ_OK; /* never decided: deemed approved after its due day */
	{
		double u = kz_rng_unit(r);
		int k = u < 0.35 ? 1 : u < 0.70 ? 2 : u < 0.90 ? 3 : kz_rng_int(r, 4, 5);
		int approve = k > 3 || !kz_rng_chance(r, 0.06);
		int64_t at = kz_sim_office_moment(s, kz_cal_add_working_days(s->cal, s->today, k),
			s->h->open + 60, s->h->close - 30);
		return kz_sim_agenda_add(s, at, EV_DECIDE, (int)s->napps - 1, approve);
	}
}

int
kz_sim_on_decide(struct sim *s, int who, int approve)
{
	static const char *const reasons[] = {
		"поправочный коэффициент в акте не соответствует зоне участка",
		"площадь участка в акте расходится с идентификационным документом",
	};
	struct sim_app *a = &s->apps[who];
	struct kz_application app;
	int rc = kz_app_decide(s->db, a->number, approve,
		approve ? NULL : reasons[kz_rng_int(&s->cases, 0, NELEM(reasons) - 1)], &app,
		s->err);

	if (rc != KZ_OK)
		return rc;
	a->decided = 1;
	s->res->decided++;
	return KZ_OK;
}

int
kz_sim_on_notice(struct sim *s, int who)
{
	struct kz_application app;
	int rc = kz_app_notice_sent(s->db, s->apps[who].number, &app, s->err);

	return rc;
}

/* The oldest result that is ready for its applicant today, or NULL. */
static struct sim_app *
ready_result(struct sim *s)
{
	while (s->first_uncollected < s->napps) {
		struct sim_app *a = &s->apps[s->first_uncollected];
		if (!a->refused && !a->handed && !a->never)
			break;
		s->first_uncollected++;
	}
	for (size_t i = s->first_uncollected; i < s->napps; i++) {
		struct sim_app *a = &s->apps[i];
		if (!a->refused && !a->handed && !a->never &&
			(a->decided || strcmp(s->day, a->due_day) > 0))
			return a;
	}
	return NULL;
}

static int
hand_over(struct sim *s, struct sim_counter *c)
{
	struct sim_app *a = ready_result(s);
	struct kz_application app;
	char proxy[128], doc[96];
	int by_proxy = kz_rng_chance(&s->cases, 0.15), rc;

	if (a == NULL)
		return KZ_OK;
	if (by_proxy) {
		kz_sim_person(&s->cases, proxy, sizeof proxy);
		snprintf(doc, sizeof doc, "доверенность № %d", kz_rng_int(&s->cases, 100, 9999));
	}
	rc = kz_app_handover(s->db, a->number, c->conf->number, by_proxy ? proxy : NULL,
		by_proxy ? doc : NULL, &app, s->err);
	if (rc != KZ_OK)
		return rc;
	a->handed = 1;
	s->res->handed_over++;
	return KZ_OK;
}

/* The answer: 85% within the term, 10% late, 5% never. */
static int
plan_answer(struct sim *s, int days)
{
	double u = kz_rng_unit(&s->cases);
	int after;

	if (u >= 0.95)
		return KZ_OK;
	after = u < 0.85 ? kz_rng_int(&s->cases, 2, days - 2) : days + kz_rng_int(&s->cases, 1, 10);
	return kz_sim_agenda_add(s,
		kz_sim_office_moment(s, kz_cal_add_calendar_days(s->cal, s->today, after),
			s->h->open + 60, s->h->close - 30),
		EV_ANSWER, (int)s->ncomplaints - 1, 0);
}

static const struct {
	enum kz_complaint_kind kind;
	const char *text;
} complaint_texts[] = {
	{KZ_COMPLAINT_SERVICE, "долгое ожидание в очереди, более 40 минут"},
	{KZ_COMPLAINT_SERVICE, "кезекте ұзақ күттім, терезе жабық тұрды"},
	{KZ_COMPLAINT_SERVICE, "специалист не разъяснил перечень документов"},
	{KZ_COMPLAINT_SERVICE, "грубость специалиста при приёме документов"},
	{KZ_COMPLAINT_RESULT, "не согласен с кадастровой стоимостью участка"},
	{KZ_COMPLAINT_RESULT, "в акте неверно указана площадь участка"},
};

int
kz_sim_complain(struct sim *s, int counter, enum kz_complaint_channel channel)
{
	struct kz_rng *r = &s->cases;
	int t = kz_rng_int(r, 0, NELEM(complaint_texts) - 1), rc;
	struct kz_complaint_new n = {.counter = counter,
		.channel = channel,
		.kind = complaint_texts[t].kind,
		.text = complaint_texts[t].text};
	char name[128], contact[128];
	struct kz_complaint out;
	struct sim_complaint *m;

	kz_sim_person(r, name, sizeof name);
	n.name = name;
	n.days = kz_rng_chance(r, 0.8) ? 15 : 30;
	if (channel == KZ_CHANNEL_EMAIL)
		snprintf(contact, sizeof contact, "applicant%d@mail.kz", kz_rng_int(r, 100, 9999));
	else if (channel == KZ_CHANNEL_POST)
		snprintf(contact, sizeof contact, "г. Кокшетау, %s, %d",
			streets[kz_rng_int(r, 0, NELEM(streets) - 1)], kz_rng_int(r, 1, 140));
	else
		kz_sim_phone(r, contact, sizeof contact);
	n.contact = contact;
	if (counter == 0) {
		n.clerk = registry.name;
		n.position = registry.position;
	}
	if ((rc = kz_complaint_add(s->db, s->cal, &n, NULL, NULL, &out, NULL, s->err)) != KZ_OK)
		return rc;
	if ((m = kz_sim_grow(s->complaints, &s->complaints_cap, s->ncomplaints, sizeof *m)) == NULL)
		return kz_sim_nomem(s);
	s->complaints = m;
	m = &s->complaints[s->ncomplaints++];
	snprintf(m->number, sizeof m->number, "%s", out.number);
	m->channel = channel;
	s->res->complaints++;
	return plan_answer(s, out.days);
}

int
kz_sim_on_answer(struct sim *s, int who)
{
	static const char *const texts[] = {
		"даны разъяснения, приняты меры к сокращению очереди",
		"доводы рассмотрены, кадастровая стоимость определена верно",
		"со специалистом проведена беседа, принесены извинения",
	};
	struct sim_complaint *m = &s->complaints[who];
	enum kz_complaint_channel channel = m->channel;
	struct kz_complaint out;
	int rc;

	if (channel == KZ_CHANNEL_IN_PERSON)
		channel = kz_rng_chance(&s->cases, 0.5) ? KZ_CHANNEL_POST : KZ_CHANNEL_IN_PERSON;
	rc = kz_complaint_answer(s->db, m->number, channel,
		texts[kz_rng_int(&s->cases, 0, NELEM(texts) - 1)], 0, &out, s->err);
	if (rc != KZ_OK)
		return rc;
	s->res->answered++;
	return KZ_OK;
}

/* At the end of a served visit, before the ticket is finished: documents
 * handed in, a result collected, a complaint written. */
int
kz_sim_case_hooks(struct sim *s, struct sim_counter *c)
{
	struct kz_rng *r = &s->cases;

	if (c->svc == INTAKE_SVC && kz_rng_chance(r, P_APPLICATION))
		return accept(s, c);
	if (c->svc == RESULT_SVC && kz_rng_chance(r, P_COLLECT))
		return hand_over(s, c);
	if (c->svc == COMPLAINT_SVC && kz_rng_chance(r, s->complaint_p))
		return kz_sim_complain(s, c->conf->number, KZ_CHANNEL_IN_PERSON);
	return KZ_OK;
}
