/* test_application.c - applications: intake with the p.11 checklist, IIN,
 * BIN and act checks, refusal and its notice (p.16), decision, deemed
 * approval across Nauryz, hand-over (p.15), uncollected results (p.26),
 * the lists, and no personal data in the event log or in messages. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "queue/application.h"
#include "queue/counter.h"
#include "queue/error.h"
#include "queue/outbox.h"

#define IIN     "870412300416" /* valid: control digit 6 */
#define BAD_IIN "870412300415" /* its control digit is wrong */
#define BIN     "080540001238" /* valid: control digit 8 */
#define BAD_BIN "080540001239"

static const char ini[] =
	"[hall]\nname_kk = Бөлім\nname_ru = Отдел\n"
	"[service A]\nname_kk = Тапсыру\nname_ru = Сдача\n"
	"[counter 1]\nservices = A\n"
	"[counter 2]\nservices = A\n"
	"[printer kiosk-1]\nrole = tickets\ntransport = tcp\naddress = 127.0.0.1:9100\npaper = 58\n"
	"[printer counter-1]\nrole = receipts\ntransport = tcp\naddress = 127.0.0.1:9101\n"
	"paper = 80\n"
	"[printer office]\nrole = a4\ntransport = cups\naddress = Office_A4\n";

#define ALL_INDIVIDUAL                                                                             \
	((1u << KZ_APPDOC_APPLICATION) | (1u << KZ_APPDOC_ID_COPY) | (1u << KZ_APPDOC_ACT) |       \
		(1u << KZ_APPDOC_CONCLUSION))

static int
setup(void **state)
{
	struct test_hall *h = test_hall_new(ini);

	test_at("2026-03-20T10:00"); /* a Friday; Nauryz days off 21-25 March follow */
	test_open_counter(h, 1);
	*state = h;
	return 0;
}

static struct kz_app_input
individual(void)
{
	return (struct kz_app_input){
		.kind = KZ_APP_INDIVIDUAL,
		.name = "Иванов Иван Иванович",
		.idnum = IIN,
		.id_doc = "удостоверение личности № 012345678 от 01.02.2015",
		.phone = "+7 701 123 45 67",
		.address = "г. Кокшетау, ул. Абая, 1",
		.plot_address = "г. Кокшетау, ул. Ленина, 5",
		.docs = ALL_INDIVIDUAL,
	};
}

static struct kz_app_input
legal(void)
{
	return (struct kz_app_input){
		.kind = KZ_APP_LEGAL,
		.name = "ТОО «Жер»",
		.idnum = BIN,
		.representative = "Сериков Серік Серікұлы",
		.authority = "доверенность № 7 от 02.03.2026",
		.plot_address = "г. Кокшетау, ул. Мира, 10",
		.docs = (1u << KZ_APPDOC_APPLICATION) | (1u << KZ_APPDOC_REGISTRATION) |
			(1u << KZ_APPDOC_AUTHORITY) | (1u << KZ_APPDOC_ID_COPY) |
			(1u << KZ_APPDOC_ACT) | (1u << KZ_APPDOC_CONCLUSION),
	};
}

static struct kz_application
accept(struct test_hall *h, const struct kz_app_input *in)
{
	struct kz_application a;
	char err[KZ_ERR_LEN] = "";

	if (kz_app_accept(h->db, h->cal, 1, in, NULL, NULL, &a, NULL, err) != KZ_OK)
		fail_msg("accept: %s", err);
	return a;
}

static struct kz_application
get(struct test_hall *h, const char *number)
{
	struct kz_application a;
	char err[KZ_ERR_LEN] = "";

	if (kz_app_get(h->db, number, &a, err) != KZ_OK)
		fail_msg("get %s: %s", number, err);
	return a;
}

static int
count_one(const struct kz_application *a, void *arg)
{
	(void)a;
	(*(int *)arg)++;
	return 0;
}

static int
count(struct test_hall *h, const struct kz_app_filter *f)
{
	char err[KZ_ERR_LEN] = "";
	int n = 0;

	if (kz_app_list(h->db, f, count_one, &n, err) != KZ_OK)
		fail_msg("list: %s", err);
	return n;
}

/* The event log's rows about applications, "kind detail;" each, oldest first. */
static void
app_events(struct test_hall *h, char *out, size_t len)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	size_t n = 0;

	out[0] = '\0';
	assert_int_equal(sqlite3_open_v2(h->db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
				 "SELECT kind || ' ' || coalesce(detail, '') FROM events"
				 " WHERE kind LIKE 'app%' ORDER BY id",
				 -1, &st, NULL),
		SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW && n < len)
		n += (size_t)snprintf(out + n, len - n, "%s;", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void
test_complete_documents_are_registered_with_number_and_due_day(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = individual();
	struct kz_application a = accept(h, &in), b;
	char events[512];

	assert_string_equal(a.number, "2026-0001");
	assert_int_equal(a.status, KZ_APP_REGISTERED);
	assert_int_equal(a.state, KZ_APP_REGISTERED);
	assert_string_equal(a.day, "2026-03-20");
	/* p.7.1: 3rd working day after Friday 20 March, past Nauryz 21-25 March */
	assert_string_equal(a.due_day, "2026-03-30");
	assert_int_equal(a.counter, 1);
	assert_string_equal(a.clerk, "Clerk Number1");
	assert_string_equal(a.clerk_position, "Chief specialist");
	assert_int_equal(a.docs, ALL_INDIVIDUAL);
	assert_int_equal(a.missing, 0);
	assert_string_equal(a.applicant, "Иванов Иван Иванович");
	assert_string_equal(a.idnum, IIN);
	assert_string_equal(a.plot_address, "г. Кокшетау, ул. Ленина, 5");
	assert_int_equal(a.deemed, 0);
	assert_int_equal(a.overdue, 0);
	assert_int_equal(a.has_act, 0);
	assert_string_equal(a.notice_due_day, "");
	b = accept(h, &in);
	assert_string_equal(b.number, "2026-0002");
	/* a new year starts its own sequence */
	test_at("2027-01-05T10:00");
	b = accept(h, &in);
	assert_string_equal(b.number, "2027-0001");
	/* the log has the numbers and nothing about the person */
	app_events(h, events, sizeof events);
	assert_string_equal(events,
		"app_registered 2026-0001;app_registered 2026-0002;"
		"app_registered 2027-0001;");
}

static void
test_missing_document_is_a_recorded_suspension_with_notice_due(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = individual();
	struct kz_application a;
	char err[KZ_ERR_LEN] = "";

	in.docs &= ~(1u << KZ_APPDOC_CONCLUSION);
	a = accept(h, &in);
	assert_string_equal(a.number, "2026-0001");
	assert_int_equal(a.status, KZ_APP_SUSPENDED);
	assert_int_equal(a.state, KZ_APP_SUSPENDED);
	/* the notice is an outgoing paper of the day, numbered in the register */
	assert_string_equal(a.notice_out, "2026-O-0001");
	assert_string_equal(a.notice_out_day, "2026-03-20");
	assert_int_equal(a.receipt_owed, 0); /* the notice, not a receipt, goes with it */
	assert_int_equal(a.missing, 1u << KZ_APPDOC_CONCLUSION);
	/* one day: Saturday 21st is a day off, as is Nauryz to the 25th */
	assert_string_equal(a.notice_due_day, "2026-03-26");
	assert_string_equal(a.suspended_until, "2026-03-30");
	assert_int_equal(a.overdue, 0);
	assert_int_equal(a.deemed, 0);
	assert_string_equal(a.kept_until, "");
	test_at("2026-03-26T17:59");
	assert_int_equal(get(h, a.number).overdue, 0);
	test_at("2026-03-27T09:00");
	a = get(h, a.number);
	assert_int_equal(a.overdue, 1);
	assert_int_equal(a.deemed, 0); /* a suspension is never deemed approved */
	assert_int_equal(count(h, &(struct kz_app_filter){.overdue = 1}), 1);
	assert_int_equal(kz_app_notice_sent(h->db, a.number, &a, err), KZ_OK);
	assert_int_not_equal(a.notice_sent_at, 0);
	assert_int_equal(a.overdue, 0);
	assert_int_equal(kz_app_notice_sent(h->db, a.number, &a, err), KZ_EREJECT);
	assert_non_null(strstr(err, "already"));
	/* nothing to decide or hand over */
	assert_int_equal(kz_app_decide(h->db, "2026-0001", 1, NULL, &a, err), KZ_EREJECT);
	assert_non_null(strstr(err, "p.16"));
	assert_int_equal(kz_app_handover(h->db, "2026-0001", 0, NULL, NULL, &a, err), KZ_EREJECT);
	/* a registered one has no notice */
	in = individual();
	a = accept(h, &in);
	assert_int_equal(kz_app_notice_sent(h->db, a.number, &a, err), KZ_EREJECT);
}

static void
test_malformed_input_changes_nothing(void **state)
{
	struct test_hall *h = *state;
	struct kz_application a;
	char err[KZ_ERR_LEN];
	struct kz_app_input in;
	int64_t job = 0;

#define REFUSED(what, field, value, expect)                                                        \
	do {                                                                                       \
		in = (what);                                                                       \
		in.field = (value);                                                                \
		err[0] = '\0';                                                                     \
		if (kz_app_accept(h->db, h->cal, 1, &in, NULL, NULL, &a, NULL, err) != KZ_EINVAL)  \
			fail_msg("%s = %s is not refused", #field, #value);                        \
		if (strstr(err, (expect)) == NULL)                                                 \
			fail_msg("%s: '%s' lacks '%s'", #field, err, (expect));                    \
	} while (0)

	REFUSED(individual(), idnum, BAD_IIN, "control digit");
	assert_null(strstr(err, BAD_IIN));   /* personal data stays out of messages */
	assert_null(strstr(err, "8704123")); /* even in part */
	REFUSED(individual(), idnum, "87041230041", "12");
	assert_null(strstr(err, "87041230041"));
	REFUSED(individual(), idnum, BIN, "BIN");
	REFUSED(individual(), idnum, NULL, "IIN");
	REFUSED(legal(), idnum, BAD_BIN, "control digit");
	assert_null(strstr(err, BAD_BIN));
	REFUSED(legal(), idnum, IIN, "IIN");
	REFUSED(individual(), name, "", "full name");
	REFUSED(individual(), name, "Иванов\nИван", "control character");
	assert_null(strstr(err, "Иванов"));
	REFUSED(individual(), phone, NULL, "phone");
	REFUSED(individual(), id_doc, NULL, "identity document");
	REFUSED(individual(), address, NULL, "address");
	REFUSED(individual(), plot_address, "", "land plot");
	REFUSED(individual(), representative, "Кто-то", "legal entity");
	REFUSED(individual(), proxy, "Петров Пётр", "power of attorney");
	REFUSED(individual(), proxy_doc, "доверенность № 1", "'proxy: ...'");
	REFUSED(individual(), docs, ALL_INDIVIDUAL | (1u << KZ_APPDOC_REGISTRATION),
		"registration is not a document of p.11 for an individual");
	REFUSED(individual(), docs, ALL_INDIVIDUAL | (1u << KZ_APPDOC_POWER_OF_ATTORNEY),
		"goes with a proxy");
	REFUSED(legal(), representative, NULL, "representative");
	REFUSED(legal(), authority, NULL, "authority");
	REFUSED(legal(), proxy, "Петров Пётр", "representative");
	REFUSED(legal(), docs, (1u << KZ_APPDOC_PROXY_ID), "proxy_id is not a document");
	/* a bad printout language */
	in = individual();
	assert_int_equal(kz_app_accept(h->db, h->cal, 1, &in, "office", "en", &a, &job, err),
		KZ_EINVAL);
	/* nothing was recorded and no number was used up */
	assert_int_equal(count(h, NULL), 0);
	in = individual();
	assert_string_equal(accept(h, &in).number, "2026-0001");
#undef REFUSED
}

static void
test_counter_must_be_open(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = individual();
	struct kz_application a;
	char err[KZ_ERR_LEN] = "";

	assert_int_equal(kz_app_accept(h->db, h->cal, 2, &in, NULL, NULL, &a, NULL, err),
		KZ_EREJECT);
	assert_non_null(strstr(err, "kezek counter open 2"));
	assert_int_equal(kz_app_accept(h->db, h->cal, 9, &in, NULL, NULL, &a, NULL, err),
		KZ_ENOTFOUND);
	assert_int_equal(count(h, NULL), 0);
}

static const struct kz_act_row act_rows[2] = {
	{"Зона 1, земли населённых пунктов", 1500, 120000000, 12000, 21600000},
	{"Зона 2", 350, 80000000, 10000, 2800000},
};

static void
test_act_is_checked_and_kept(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = individual();
	struct kz_act_row rows[4], bad[2];
	struct kz_application a;
	char err[KZ_ERR_LEN] = "";
	int n = 0;

	in.act = act_rows;
	in.nact = 2;
	in.act_total = 24400000;
	a = accept(h, &in);
	assert_int_equal(a.has_act, 1);
	assert_int_equal(a.nact, 2);
	assert_int_equal(a.act_total, 24400000);
	assert_int_equal(kz_app_act_rows(h->db, a.id, rows, 4, &n, err), KZ_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].zone, "Зона 1, земли населённых пунктов");
	assert_int_equal(rows[1].value, 2800000);
	/* a row whose value is not area x rate x coefficient */
	memcpy(bad, act_rows, sizeof bad);
	bad[1].value = 2900000;
	in.act = bad;
	in.act_total = 24500000;
	assert_int_equal(kz_app_accept(h->db, h->cal, 1, &in, NULL, NULL, &a, NULL, err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "row 2"));
	assert_non_null(strstr(err, "28 000,00"));
	/* a total that is not the rows' sum */
	in.act = act_rows;
	in.act_total = 24400001;
	assert_int_equal(kz_app_accept(h->db, h->cal, 1, &in, NULL, NULL, &a, NULL, err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "total"));
	/* rows without the act among the documents */
	in.act_total = 24400000;
	in.docs &= ~(1u << KZ_APPDOC_ACT);
	assert_int_equal(kz_app_accept(h->db, h->cal, 1, &in, NULL, NULL, &a, NULL, err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "act"));
	assert_int_equal(count(h, NULL), 1);
}

static void
test_act_row_and_documents_as_typed(void **state)
{
	struct kz_act_row r;
	char err[KZ_ERR_LEN] = "";
	unsigned docs = 0;

	(void)state;
	assert_int_equal(kz_app_act_row_parse(" Зона 1 ;0,1500;1 200 000;1,2;216 000,00", &r, err),
		KZ_OK);
	assert_string_equal(r.zone, "Зона 1");
	assert_int_equal(r.area, 1500);
	assert_int_equal(r.rate, 120000000);
	assert_int_equal(r.coef, 12000);
	assert_int_equal(r.value, 21600000);
	assert_int_equal(kz_app_act_row_parse("Зона 1;0,15;1200000;1,2", &r, err), KZ_EINVAL);
	assert_non_null(strstr(err, "value"));
	assert_int_equal(kz_app_act_row_parse("Зона 1;0,15;x;1,2;1", &r, err), KZ_EINVAL);
	assert_non_null(strstr(err, "base rate"));
	assert_int_equal(kz_app_act_row_parse("Зона 1;1;1;1;1;1", &r, err), KZ_EINVAL);
	assert_int_equal(kz_app_act_row_parse(";1;1;1;1", &r, err), KZ_EINVAL);
	assert_int_equal(kz_app_docs_parse("application, id-copy,act ,conclusion", &docs, err),
		KZ_OK);
	assert_int_equal(docs, ALL_INDIVIDUAL);
	assert_int_equal(kz_app_docs_parse("application,passport", &docs, err), KZ_EINVAL);
	assert_non_null(strstr(err, "'passport'"));
	assert_non_null(strstr(err, "conclusion"));
	assert_string_equal(kz_app_doc_code(KZ_APPDOC_PROXY_ID), "proxy_id");
	assert_null(kz_app_doc_code(KZ_APPDOC_COUNT));
	assert_non_null(strstr(kz_app_doc_name(KZ_APPDOC_ACT, "kk"), "3-қосымша"));
	assert_non_null(strstr(kz_app_doc_name(KZ_APPDOC_ACT, "ru"), "приложение 3"));
}

static void
test_legal_entity_and_proxy_checklists(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = legal();
	struct kz_application a = accept(h, &in);

	assert_int_equal(a.status, KZ_APP_REGISTERED);
	assert_int_equal(a.kind, KZ_APP_LEGAL);
	assert_string_equal(a.idnum, BIN);
	assert_string_equal(a.representative, "Сериков Серік Серікұлы");
	in.docs &= ~(1u << KZ_APPDOC_REGISTRATION);
	a = accept(h, &in);
	assert_int_equal(a.status, KZ_APP_SUSPENDED);
	assert_int_equal(a.missing, 1u << KZ_APPDOC_REGISTRATION);
	/* an individual through a proxy: the power of attorney and the proxy's ID */
	in = individual();
	in.proxy = "Петров Пётр Петрович";
	in.proxy_doc = "доверенность № 12 от 10.03.2026";
	in.docs = (1u << KZ_APPDOC_APPLICATION) | (1u << KZ_APPDOC_POWER_OF_ATTORNEY) |
		(1u << KZ_APPDOC_PROXY_ID) | (1u << KZ_APPDOC_ACT) | (1u << KZ_APPDOC_CONCLUSION);
	a = accept(h, &in);
	assert_int_equal(a.status, KZ_APP_REGISTERED);
	assert_string_equal(a.proxy, "Петров Пётр Петрович");
	in.docs &= ~(1u << KZ_APPDOC_PROXY_ID);
	a = accept(h, &in);
	assert_int_equal(a.status, KZ_APP_SUSPENDED);
	assert_int_equal(a.missing, 1u << KZ_APPDOC_PROXY_ID);
	assert_int_equal(count(h,
				 &(struct kz_app_filter){
					 .state = &(const enum kz_app_state){KZ_APP_SUSPENDED}}),
		2);
	assert_int_equal(count(h,
				 &(struct kz_app_filter){
					 .state = &(const enum kz_app_state){KZ_APP_REGISTERED}}),
		2);
}

static void
test_receipt_or_notice_is_queued_with_the_application(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = individual();
	struct kz_application a, b;
	struct kz_print_job j;
	char err[KZ_ERR_LEN] = "";
	int64_t job = 0;

	assert_int_equal(kz_app_accept(h->db, h->cal, 1, &in, "counter-1", "ru", &a, &job, err),
		KZ_OK);
	assert_int_not_equal(job, 0);
	assert_int_equal(kz_outbox_get(h->db, job, &j, err), KZ_OK);
	assert_string_equal(kz_outbox_doc_name(j.document), "receipt");
	assert_string_equal(j.lang, "ru");
	assert_string_equal(j.printer, "counter-1");
	assert_int_equal(kz_app_get_job(h->db, job, &b, err), KZ_OK);
	assert_string_equal(b.number, a.number);
	/* a reprint prints the same application */
	assert_int_equal(kz_outbox_claim(h->db, "counter-1", &j, err), KZ_OK);
	assert_int_equal(kz_outbox_fail(h->db, j.id, "test", err), KZ_OK);
	assert_int_equal(kz_outbox_reprint(h->db, job, &job, err), KZ_OK);
	assert_int_equal(kz_app_get_job(h->db, job, &b, err), KZ_OK);
	assert_string_equal(b.number, a.number);
	/* a refusal prints its notice, on A4 here */
	in.docs = 1u << KZ_APPDOC_APPLICATION;
	assert_int_equal(kz_app_accept(h->db, h->cal, 1, &in, "office", "kk", &a, &job, err),
		KZ_OK);
	assert_int_equal(a.status, KZ_APP_SUSPENDED);
	assert_int_equal(kz_outbox_get(h->db, job, &j, err), KZ_OK);
	assert_string_equal(kz_outbox_doc_name(j.document), "notice");
	assert_string_equal(j.lang, "kk");
	assert_int_equal(kz_app_get_job(h->db, job, &b, err), KZ_OK);
	assert_string_equal(b.number, "2026-0002");
	/* not a ticket printer, not a printer that does not exist: nothing recorded */
	in = individual();
	assert_int_equal(kz_app_accept(h->db, h->cal, 1, &in, "kiosk-1", "kk", &a, &job, err),
		KZ_EREJECT);
	assert_non_null(strstr(err, "receipts or a4"));
	assert_int_equal(kz_app_accept(h->db, h->cal, 1, &in, "nowhere", "kk", &a, &job, err),
		KZ_ENOTFOUND);
	assert_int_equal(count(h, NULL), 2);
	assert_string_equal(accept(h, &in).number, "2026-0003");
	/* a job that prints no application */
	assert_int_equal(kz_outbox_add(h->db, "office", KZ_DOC_TEST, "kk", &job, err), KZ_OK);
	assert_int_equal(kz_app_get_job(h->db, job, &b, err), KZ_ENOTFOUND);
}

static void
test_decisions(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = individual();
	struct kz_application a;
	char err[KZ_ERR_LEN] = "", events[512];

	accept(h, &in);
	accept(h, &in);
	test_at("2026-03-26T11:00");
	assert_int_equal(kz_app_decide(h->db, "2026-0001", 0, NULL, &a, err), KZ_EINVAL);
	assert_non_null(strstr(err, "reason"));
	assert_int_equal(kz_app_decide(h->db, "2026-0001", 0, "", &a, err), KZ_EINVAL);
	assert_int_equal(kz_app_decide(h->db, "2026-0001", 1, NULL, &a, err), KZ_OK);
	assert_int_equal(a.status, KZ_APP_APPROVED);
	assert_int_equal(a.state, KZ_APP_APPROVED);
	assert_string_equal(a.decided_day, "2026-03-26");
	assert_int_equal(a.deemed, 0);
	/* kept 6 months from the day it is due (p.26) */
	assert_string_equal(a.kept_until, "2026-09-30");
	assert_int_equal(kz_app_decide(h->db, "2026-0001", 0, "late", &a, err), KZ_EREJECT);
	assert_non_null(strstr(err, "already approved on 2026-03-26"));
	assert_int_equal(kz_app_decide(h->db, "2026-0002", 0, "the act's zone is wrong", &a, err),
		KZ_OK);
	assert_int_equal(a.state, KZ_APP_REJECTED);
	assert_string_equal(a.reason, "the act's zone is wrong");
	assert_int_equal(kz_app_decide(h->db, "2026-0009", 1, NULL, &a, err), KZ_ENOTFOUND);
	assert_int_equal(kz_app_decide(h->db, "", 1, NULL, &a, err), KZ_EINVAL);
	app_events(h, events, sizeof events);
	assert_string_equal(events,
		"app_registered 2026-0001;app_registered 2026-0002;"
		"app_approved 2026-0001;app_rejected 2026-0002;");
}

/* p.16: accepted Friday 20 March 2026, due Monday 30 March past Nauryz
 * (21-25 March off); no decision by then: approved from the 30th. */
static void
test_deemed_approval_across_nauryz(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = individual();
	struct kz_app_filter deemed = {.deemed = 1};
	struct kz_application a = accept(h, &in);
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-24T12:00"); /* a Nauryz day off */
	assert_int_equal(get(h, a.number).deemed, 0);
	test_at("2026-03-30T17:59"); /* the due day itself: the office may still decide */
	a = get(h, a.number);
	assert_int_equal(a.deemed, 0);
	assert_int_equal(a.state, KZ_APP_REGISTERED);
	assert_int_equal(a.overdue, 0);
	assert_int_equal(count(h, &deemed), 0);
	assert_int_equal(kz_app_handover(h->db, a.number, 0, NULL, NULL, &a, err), KZ_EREJECT);
	assert_non_null(strstr(err, "no decision yet (due 2026-03-30)"));
	test_at("2026-03-31T09:00");
	a = get(h, a.number);
	assert_int_equal(a.deemed, 1);
	assert_int_equal(a.state, KZ_APP_DEEMED_APPROVED);
	assert_int_equal(a.status, KZ_APP_REGISTERED);
	assert_int_equal(a.overdue, 1);
	assert_string_equal(a.kept_until, "2026-09-30");
	assert_int_equal(count(h, &deemed), 1);
	assert_int_equal(count(h,
				 &(struct kz_app_filter){
					 .state = &(
						 const enum kz_app_state){KZ_APP_DEEMED_APPROVED}}),
		1);
	assert_int_equal(count(h,
				 &(struct kz_app_filter){
					 .state = &(const enum kz_app_state){KZ_APP_REGISTERED}}),
		0);
	assert_int_equal(count(h, &(struct kz_app_filter){.overdue = 1}), 1);
	/* too late to reject; a late approval confirms it */
	assert_int_equal(kz_app_decide(h->db, a.number, 0, "no", &a, err), KZ_EREJECT);
	assert_non_null(strstr(err, "deemed approved from 2026-03-30"));
	assert_int_equal(kz_app_decide(h->db, a.number, 1, NULL, &a, err), KZ_OK);
	assert_int_equal(a.status, KZ_APP_APPROVED);
	assert_int_equal(a.deemed, 1);
	assert_int_equal(a.state, KZ_APP_DEEMED_APPROVED);
	assert_int_equal(a.overdue, 0);
	assert_string_equal(a.kept_until, "2026-09-30");
	assert_int_equal(count(h, &deemed), 1);
	/* approved late, it stays deemed approved from the due day */
	test_at("2026-04-10T10:00");
	assert_int_equal(get(h, a.number).deemed, 1);
}

static void
test_handover_in_person_or_by_proxy(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = individual(), lin = legal();
	struct kz_application a;
	char err[KZ_ERR_LEN] = "", events[512];

	accept(h, &in);
	accept(h, &in);
	accept(h, &lin);
	accept(h, &in); /* 2026-0004: left undecided, deemed approved later */
	test_at("2026-03-27T10:00");
	assert_int_equal(kz_app_decide(h->db, "2026-0001", 1, NULL, &a, err), KZ_OK);
	assert_int_equal(kz_app_decide(h->db, "2026-0002", 0, "зона не та", &a, err), KZ_OK);
	assert_int_equal(kz_app_decide(h->db, "2026-0003", 1, NULL, &a, err), KZ_OK);
	test_at("2026-03-30T15:00");
	assert_int_equal(kz_app_handover(h->db, "2026-0001", 1, NULL, NULL, &a, err), KZ_OK);
	assert_int_equal(a.handed_to, KZ_HANDED_APPLICANT);
	assert_string_equal(a.handed_name, "Иванов Иван Иванович");
	assert_string_equal(a.handed_doc, "");
	assert_int_not_equal(a.handed_at, 0);
	assert_int_equal(kz_app_handover(h->db, "2026-0001", 1, NULL, NULL, &a, err), KZ_EREJECT);
	assert_non_null(strstr(err, "handed over on 2026-03-30 already"));
	/* a proxy: with the power of attorney, or not at all */
	assert_int_equal(kz_app_handover(h->db, "2026-0002", 0, "Петров Пётр", NULL, &a, err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "power of attorney"));
	assert_int_equal(kz_app_handover(h->db, "2026-0002", 0, NULL, "доверенность", &a, err),
		KZ_EINVAL);
	assert_int_equal(kz_app_handover(h->db, "2026-0002", 0, "Петров Пётр",
				 "доверенность № 3 от 28.03.2026", &a, err),
		KZ_OK);
	assert_int_equal(a.handed_to, KZ_HANDED_PROXY);
	assert_string_equal(a.handed_name, "Петров Пётр");
	assert_string_equal(a.handed_doc, "доверенность № 3 от 28.03.2026");
	assert_int_equal(a.state, KZ_APP_REJECTED);
	/* a legal entity's result goes to its representative */
	assert_int_equal(kz_app_handover(h->db, "2026-0003", 0, NULL, NULL, &a, err), KZ_OK);
	assert_string_equal(a.handed_name, "Сериков Серік Серікұлы");
	/* at a closed counter: no */
	test_at("2026-03-31T10:00");
	assert_int_equal(kz_app_handover(h->db, "2026-0004", 2, NULL, NULL, &a, err), KZ_EREJECT);
	/* deemed approved: its result can be collected */
	assert_int_equal(kz_app_handover(h->db, "2026-0004", 1, NULL, NULL, &a, err), KZ_OK);
	assert_int_equal(a.deemed, 1);
	assert_int_equal(a.overdue, 0);
	assert_int_equal(kz_app_handover(h->db, "2026-0404", 1, NULL, NULL, &a, err), KZ_ENOTFOUND);
	app_events(h, events, sizeof events);
	assert_non_null(strstr(events, "app_handed_over 2026-0001;"));
	assert_non_null(strstr(events, "app_handed_over 2026-0004;"));
	assert_null(strstr(events, "Петров"));
}

/* p.26: results are kept 6 months; one not collected by then is listed. */
static void
test_uncollected_after_six_months(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = individual();
	struct kz_app_filter f = {.uncollected = 1};
	struct kz_application a;
	char err[KZ_ERR_LEN] = "";

	accept(h, &in);
	accept(h, &in);
	accept(h, &in);
	in.docs = 0;
	accept(h, &in); /* refused: never uncollected */
	test_at("2026-03-26T10:00");
	assert_int_equal(kz_app_decide(h->db, "2026-0001", 1, NULL, &a, err), KZ_OK);
	assert_int_equal(kz_app_decide(h->db, "2026-0002", 0, "нет", &a, err), KZ_OK);
	/* 2026-0003 stays undecided: deemed approved from 30 March */
	test_at("2026-09-30T17:00");
	assert_int_equal(count(h, &f), 0);
	a = get(h, "2026-0003");
	assert_string_equal(a.kept_until, "2026-09-30");
	assert_int_equal(a.uncollected, 0);
	test_at("2026-10-01T09:00");
	assert_int_equal(count(h, &f), 3);
	assert_int_equal(get(h, "2026-0002").uncollected, 1);
	assert_int_equal(kz_app_handover(h->db, "2026-0002", 0, NULL, NULL, &a, err), KZ_OK);
	assert_int_equal(a.uncollected, 0);
	assert_int_equal(count(h, &f), 2);
	assert_int_equal(count(h, &(struct kz_app_filter){.uncollected = 1, .deemed = 1}), 1);
	assert_int_equal(kz_app_state_parse("lost", &(enum kz_app_state){0}, err), KZ_EINVAL);
	assert_non_null(strstr(err, "deemed_approved"));
	enum kz_app_state st = KZ_APP_REGISTERED;
	assert_int_equal(kz_app_state_parse("deemed", &st, err), KZ_OK);
	assert_int_equal(st, KZ_APP_DEEMED_APPROVED);
}

/* A suspended application resumed the day before Nauryz: the term counts
 * from the day the set is complete, across the holidays; a new receipt is
 * owed until one prints. */
static void
test_resume_counts_the_term_from_the_complete_set(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = individual();
	struct kz_application a;
	struct kz_print_job j;
	char err[KZ_ERR_LEN] = "", events[512];
	int64_t job = 0;
	const unsigned act = 1u << KZ_APPDOC_ACT, conclusion = 1u << KZ_APPDOC_CONCLUSION;

	test_at("2026-03-19T10:00"); /* a Thursday */
	in.docs &= ~(act | conclusion);
	a = accept(h, &in);
	assert_int_equal(a.status, KZ_APP_SUSPENDED);
	assert_string_equal(a.suspended_until, "2026-03-27"); /* 20, 26, 27 March */
	/* what can be brought, and what not */
	test_at("2026-03-20T16:00");
	assert_int_equal(kz_app_resume(h->db, h->cal, a.number, 1, conclusion, NULL, NULL, &a, NULL,
				 err),
		KZ_EREJECT);
	assert_non_null(strstr(err, "still lacks act"));
	assert_int_equal(kz_app_resume(h->db, h->cal, a.number, 1,
				 act | conclusion | (1u << KZ_APPDOC_ID_COPY), NULL, NULL, &a, NULL,
				 err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "id_copy"));
	assert_non_null(strstr(err, "already"));
	assert_int_equal(kz_app_resume(h->db, h->cal, a.number, 2, act | conclusion, NULL, NULL, &a,
				 NULL, err),
		KZ_EREJECT); /* counter 2 is closed */
	assert_int_equal(get(h, "2026-0001").status, KZ_APP_SUSPENDED);
	/* Friday 20th, before the Nauryz run 21-25: due Monday 30th */
	assert_int_equal(kz_app_resume(h->db, h->cal, "2026-0001", 1, act | conclusion, "counter-1",
				 NULL, &a, &job, err),
		KZ_OK);
	assert_int_equal(a.status, KZ_APP_REGISTERED);
	assert_int_equal(a.docs, ALL_INDIVIDUAL);
	assert_string_equal(a.day, "2026-03-19");
	assert_string_equal(a.due_day, "2026-03-30");
	assert_int_not_equal(a.resumed_at, 0);
	assert_int_equal(a.receipt_owed, 1);
	assert_int_equal(kz_outbox_get(h->db, job, &j, err), KZ_OK);
	assert_string_equal(kz_outbox_doc_name(j.document), "receipt");
	assert_string_equal(j.lang, "kk"); /* the applicant's, from intake */
	/* once is enough */
	assert_int_equal(kz_app_resume(h->db, h->cal, a.number, 1, act, NULL, NULL, &a, NULL, err),
		KZ_EREJECT);
	assert_non_null(strstr(err, "registered"));
	/* the receipt printed: no longer owed */
	assert_int_equal(kz_outbox_claim(h->db, "counter-1", &j, err), KZ_OK);
	assert_int_equal(kz_outbox_done(h->db, j.id, err), KZ_OK);
	a = get(h, "2026-0001");
	assert_int_equal(a.receipt_owed, 0);
	assert_int_not_equal(a.receipt_printed_at, 0);
	/* Friday 27th would have been the suspended term; the new term holds */
	test_at("2026-03-30T17:00");
	assert_int_equal(get(h, "2026-0001").deemed, 0);
	test_at("2026-03-31T09:00");
	assert_int_equal(get(h, "2026-0001").deemed, 1);
	app_events(h, events, sizeof events);
	assert_string_equal(events, "app_suspended 2026-0001;app_resumed 2026-0001;");
}

/* A suspension whose term passes without the documents ends refused, with
 * its motivated refusal numbered and queued on A4. */
static void
test_suspension_past_its_term_is_refused(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = individual();
	struct kz_application a;
	struct kz_print_job j;
	char err[KZ_ERR_LEN] = "", events[512];
	int n = -1;

	in.docs &= ~(1u << KZ_APPDOC_CONCLUSION);
	assert_int_equal(kz_app_accept(h->db, h->cal, 1, &in, NULL, "ru", &a, NULL, err), KZ_OK);
	assert_string_equal(a.suspended_until, "2026-03-30");
	assert_string_equal(a.lang, "ru");
	test_at("2026-03-30T17:59");
	assert_int_equal(kz_app_expire(h->db, "office", &n, err), KZ_OK);
	assert_int_equal(n, 0);
	assert_int_equal(get(h, a.number).expired, 0);
	test_at("2026-03-31T09:00");
	assert_int_equal(get(h, a.number).expired, 1);
	assert_int_equal(count(h, &(struct kz_app_filter){.expired = 1}), 1);
	assert_int_equal(kz_app_resume(h->db, h->cal, a.number, 1, 1u << KZ_APPDOC_CONCLUSION, NULL,
				 NULL, &a, NULL, err),
		KZ_EREJECT);
	assert_non_null(strstr(err, "ended on 2026-03-30"));
	assert_int_equal(kz_app_expire(h->db, "counter-1", &n, err), KZ_EREJECT); /* a roll */
	assert_int_equal(kz_app_expire(h->db, "office", &n, err), KZ_OK);
	assert_int_equal(n, 1);
	a = get(h, "2026-0001");
	assert_int_equal(a.status, KZ_APP_REFUSED);
	assert_int_equal(a.expired, 0);
	assert_int_not_equal(a.refused_at, 0);
	assert_string_equal(a.notice_out, "2026-O-0001");
	assert_string_equal(a.refusal_out, "2026-O-0002");
	assert_string_equal(a.refusal_out_day, "2026-03-31");
	assert_int_equal(kz_outbox_claim(h->db, "office", &j, err), KZ_OK);
	assert_string_equal(kz_outbox_doc_name(j.document), "refusal");
	assert_string_equal(j.lang, "ru");
	assert_int_equal(kz_app_expire(h->db, NULL, &n, err), KZ_OK);
	assert_int_equal(n, 0);
	app_events(h, events, sizeof events);
	assert_string_equal(events, "app_suspended 2026-0001;app_refused 2026-0001;");
}

/* A rejection is a written refusal with its own outgoing number, on A4 in
 * the applicant's language; the receipt stays owed until it prints. */
static void
test_rejection_is_a_numbered_refusal(void **state)
{
	struct test_hall *h = *state;
	struct kz_app_input in = individual();
	struct kz_application a;
	struct kz_print_job j;
	char err[KZ_ERR_LEN] = "";
	int64_t job = 0;

	assert_int_equal(kz_app_accept(h->db, h->cal, 1, &in, NULL, "ru", &a, NULL, err), KZ_OK);
	assert_int_equal(a.receipt_owed, 1); /* no printer named: owed */
	assert_int_equal(count(h, &(struct kz_app_filter){.receipt_owed = 1}), 1);
	assert_int_equal(kz_app_decide_print(h->db, a.number, 0, "площадь не совпадает",
				 "counter-1", NULL, &a, &job, err),
		KZ_EREJECT);
	assert_non_null(strstr(err, "A4"));
	assert_int_equal(kz_app_decide_print(h->db, a.number, 0, "площадь не совпадает", "office",
				 NULL, &a, &job, err),
		KZ_OK);
	assert_string_equal(a.refusal_out, "2026-O-0001");
	assert_string_equal(a.refusal_out_day, "2026-03-20");
	assert_int_equal(a.receipt_owed, 0); /* decided: the receipt is moot */
	assert_int_equal(kz_outbox_get(h->db, job, &j, err), KZ_OK);
	assert_string_equal(kz_outbox_doc_name(j.document), "refusal");
	assert_string_equal(j.lang, "ru");
	/* an approval takes no outgoing number */
	a = accept(h, &in);
	assert_int_equal(kz_app_decide(h->db, a.number, 1, NULL, &a, err), KZ_OK);
	assert_string_equal(a.refusal_out, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_complete_documents_are_registered_with_number_and_due_day, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(
			test_missing_document_is_a_recorded_suspension_with_notice_due, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_resume_counts_the_term_from_the_complete_set,
			setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_suspension_past_its_term_is_refused, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_rejection_is_a_numbered_refusal, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_malformed_input_changes_nothing, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_counter_must_be_open, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_act_is_checked_and_kept, setup,
			test_hall_teardown),
		cmocka_unit_test(test_act_row_and_documents_as_typed),
		cmocka_unit_test_setup_teardown(test_legal_entity_and_proxy_checklists, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_receipt_or_notice_is_queued_with_the_application,
			setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_decisions, setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_deemed_approval_across_nauryz, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_handover_in_person_or_by_proxy, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_uncollected_after_six_months, setup,
			test_hall_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
