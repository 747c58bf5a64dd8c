/*
 * schema.c - the numbered schema steps.  Step N takes a database from
 * user_version N-1 to N.  Never edit a step that has shipped: add one.
 */
#include "schema.h"

static const char step1[] =
	/* Reference data, loaded from hall.ini by kz_hall_sync. */
	"CREATE TABLE meta ("
	"  key   TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);"
	"CREATE TABLE services ("
	"  id      INTEGER PRIMARY KEY,"
	"  code    TEXT NOT NULL UNIQUE,"
	"  prefix  TEXT NOT NULL,"
	"  name_kk TEXT NOT NULL,"
	"  name_ru TEXT NOT NULL,"
	"  active  INTEGER NOT NULL DEFAULT 1);"
	"CREATE TABLE clerks ("
	"  id        INTEGER PRIMARY KEY,"
	"  full_name TEXT NOT NULL,"
	"  position  TEXT NOT NULL,"
	"  UNIQUE (full_name, position));"
	"CREATE TABLE counters ("
	"  id        INTEGER PRIMARY KEY,"
	"  number    INTEGER NOT NULL UNIQUE,"
	"  active    INTEGER NOT NULL DEFAULT 1,"
	"  state     TEXT NOT NULL DEFAULT 'closed'"
	"            CHECK (state IN ('closed', 'open', 'paused')),"
	"  clerk_id  INTEGER REFERENCES clerks(id),"
	"  ticket_id INTEGER UNIQUE REFERENCES tickets(id),"
	"  CHECK (state = 'closed' OR clerk_id IS NOT NULL));"
	"CREATE TABLE counter_services ("
	"  counter_id INTEGER NOT NULL REFERENCES counters(id),"
	"  service_id INTEGER NOT NULL REFERENCES services(id),"
	"  PRIMARY KEY (counter_id, service_id)) WITHOUT ROWID;"
	/* The daily sequence per service: issue takes last + 1 in the same
	 * transaction as the ticket row, so a number is never reused or skipped. */
	"CREATE TABLE day_sequences ("
	"  day        TEXT NOT NULL,"
	"  service_id INTEGER NOT NULL REFERENCES services(id),"
	"  last       INTEGER NOT NULL,"
	"  PRIMARY KEY (day, service_id)) WITHOUT ROWID;"
	/* One row per place in a queue.  A transfer ends a row with outcome
	 * 'transferred' and opens a new one in the other service with the same
	 * number and the original issued_at (origin_id: the first row). */
	"CREATE TABLE tickets ("
	"  id          INTEGER PRIMARY KEY,"
	"  day         TEXT NOT NULL,"
	"  service_id  INTEGER NOT NULL REFERENCES services(id),"
	"  seq         INTEGER NOT NULL,"
	"  number      TEXT NOT NULL,"
	"  issued_at   INTEGER NOT NULL,"
	"  origin_id   INTEGER REFERENCES tickets(id),"
	"  state       TEXT NOT NULL DEFAULT 'waiting'"
	"              CHECK (state IN ('waiting', 'called', 'serving', 'done')),"
	"  outcome     TEXT CHECK (outcome IN ('served', 'no_show', 'transferred',"
	"                                      'cancelled', 'office_closed')),"
	"  counter_id  INTEGER REFERENCES counters(id),"
	"  clerk_id    INTEGER REFERENCES clerks(id),"
	"  called_at   INTEGER,"
	"  started_at  INTEGER,"
	"  finished_at INTEGER,"
	"  recalls     INTEGER NOT NULL DEFAULT 0,"
	"  CHECK ((state = 'done') = (outcome IS NOT NULL)));"
	"CREATE UNIQUE INDEX tickets_number ON tickets(day, number) WHERE origin_id IS NULL;"
	/* Every state change, appended: what, when, which ticket, counter, clerk. */
	"CREATE TABLE events ("
	"  id         INTEGER PRIMARY KEY,"
	"  at         INTEGER NOT NULL,"
	"  kind       TEXT NOT NULL,"
	"  ticket_id  INTEGER REFERENCES tickets(id),"
	"  counter_id INTEGER REFERENCES counters(id),"
	"  clerk_id   INTEGER REFERENCES clerks(id),"
	"  service_id INTEGER REFERENCES services(id),"
	"  detail     TEXT);";

static const char step2[] =
	/* The log is append-only: history must be rebuildable from it. */
	"CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
	" BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
	"CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
	" BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
	/* The hot paths: who is waiting (next, status) and a ticket's history. */
	"CREATE INDEX tickets_waiting ON tickets(day, service_id, issued_at) WHERE state = 'waiting';"
	"CREATE INDEX tickets_lookup ON tickets(day, number);"
	"CREATE INDEX events_ticket ON events(ticket_id) WHERE ticket_id IS NOT NULL;"
	/* The benchmarks' floor: a bare one-row insert under the same settings. */
	"CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, at INTEGER NOT NULL);";

static const char step3[] =
	/* The hall display asks, several times a second, for the latest calls. */
	"CREATE INDEX events_calls ON events(at) WHERE kind IN ('called', 'recalled');";

static const char step4[] =
	/* Printers named in hall.ini, and what each is doing, for every screen. */
	"CREATE TABLE printers ("
	"  id       INTEGER PRIMARY KEY,"
	"  name     TEXT NOT NULL UNIQUE,"
	"  role     TEXT NOT NULL CHECK (role IN ('tickets', 'receipts', 'a4')),"
	"  active   INTEGER NOT NULL DEFAULT 1,"
	"  state    TEXT NOT NULL DEFAULT 'unknown',"
	"  reason   TEXT NOT NULL DEFAULT '',"
	"  state_at INTEGER);"
	/* The print outbox: a job is written in the transaction of the thing
	 * it prints.  'sending' is set before the bytes go out: a job found
	 * 'sending' after a crash becomes 'uncertain' and is printed again only
	 * when a person asks (a reprint is a new job pointing to the first). */
	"CREATE TABLE print_jobs ("
	"  id         INTEGER PRIMARY KEY,"
	"  printer_id INTEGER NOT NULL REFERENCES printers(id),"
	"  document   TEXT NOT NULL,"
	"  lang       TEXT NOT NULL CHECK (lang IN ('kk', 'ru')),"
	"  ticket_id  INTEGER REFERENCES tickets(id),"
	"  ahead      INTEGER," /* a ticket print: people ahead at issue */
	"  resumes_at INTEGER," /* a ticket print before lunch: when reception resumes */
	"  created_at INTEGER NOT NULL,"
	"  state      TEXT NOT NULL DEFAULT 'queued'"
	"             CHECK (state IN ('queued', 'sending', 'done', 'failed', 'uncertain')),"
	"  attempts   INTEGER NOT NULL DEFAULT 0,"
	"  not_before INTEGER NOT NULL DEFAULT 0,"
	"  sent_at    INTEGER,"
	"  done_at    INTEGER,"
	"  reason     TEXT NOT NULL DEFAULT '',"
	"  reprint_of INTEGER REFERENCES print_jobs(id));"
	"CREATE INDEX print_jobs_open ON print_jobs(printer_id, id)"
	"  WHERE state IN ('queued', 'sending');";

static const char step5[] =
	/* Visitor feedback: the standard's App. 4 satisfaction indicators, one
	 * row per visitor who answered at a kiosk; an answer is 1 (satisfied),
	 * 0 (not) or NULL (skipped).  Anonymous by design (p.17.7
	 * confidentiality): no ticket number, no name, nothing that leads back
	 * to a person.  Append-only like the event log: the managers' report
	 * counts what visitors said, and no one may change it afterwards. */
	"CREATE TABLE feedback ("
	"  id          INTEGER PRIMARY KEY,"
	"  at          INTEGER NOT NULL," /* UTC seconds */
	"  day         TEXT NOT NULL,"    /* local YYYY-MM-DD */
	"  lang        TEXT NOT NULL CHECK (lang IN ('kk', 'ru')),"
	"  kiosk       TEXT NOT NULL DEFAULT '',"
	"  quality     INTEGER CHECK (quality IN (0, 1)),"
	"  information INTEGER CHECK (information IN (0, 1)),"
	"  appeal      INTEGER CHECK (appeal IN (0, 1)),"
	"  politeness  INTEGER CHECK (politeness IN (0, 1)),"
	"  CHECK (coalesce(quality, information, appeal, politeness) IS NOT NULL));"
	"CREATE INDEX feedback_day ON feedback(day);"
	"CREATE TRIGGER feedback_no_update BEFORE UPDATE ON feedback"
	" BEGIN SELECT RAISE(ABORT, 'visitor feedback is append-only'); END;"
	"CREATE TRIGGER feedback_no_delete BEFORE DELETE ON feedback"
	" BEGIN SELECT RAISE(ABORT, 'visitor feedback is append-only'); END;";

static const char step6[] =
	/* Applications for the service (p.11-16, p.26).  number is "2026-0001":
	 * the local year of acceptance and the year's sequence (4 digits, more
	 * after 9999), from application_sequences, so a number is never reused.
	 * status is what was recorded: registered (all documents of p.11, the
	 * receipt of p.14), refused (p.16: a document missing; the notice of
	 * p.16 is due by notice_due_day), approved or rejected (a decision,
	 * with a reason).  "Deemed approved" (p.16, last paragraph) is never
	 * stored: it follows from due_day and decided_day (application.c).
	 * The applicant's fields are personal data (p.17.7): nullable, so that
	 * a purge can clear them (purged_at), and never in the event log. */
	"CREATE TABLE application_sequences ("
	"  year INTEGER PRIMARY KEY,"
	"  last INTEGER NOT NULL);"
	"CREATE TABLE applications ("
	"  id              INTEGER PRIMARY KEY,"
	"  year            INTEGER NOT NULL,"
	"  seq             INTEGER NOT NULL,"
	"  number          TEXT NOT NULL UNIQUE,"
	"  kind            TEXT NOT NULL CHECK (kind IN ('individual', 'legal')),"
	"  applicant       TEXT,"             /* personal: full name, or the entity's name */
	"  idnum           TEXT,"             /* personal: IIN (individual) or BIN (legal) */
	"  id_doc          TEXT,"             /* personal: identity document */
	"  phone           TEXT,"             /* personal */
	"  address         TEXT,"             /* personal: home or registered address */
	"  representative  TEXT,"             /* personal: a legal entity's representative */
	"  authority       TEXT,"             /* the representative's authority */
	"  proxy           TEXT,"             /* personal: who handed it in for an individual */
	"  proxy_doc       TEXT,"             /* the proxy's power of attorney */
	"  plot_address    TEXT,"             /* the land plot */
	"  accepted_at     INTEGER NOT NULL," /* UTC seconds */
	"  day             TEXT NOT NULL,"    /* local YYYY-MM-DD of acceptance */
	"  due_day         TEXT NOT NULL,"    /* p.7.1: the 3rd working day after day */
	"  counter_id      INTEGER REFERENCES counters(id),"
	"  clerk_id        INTEGER NOT NULL REFERENCES clerks(id)," /* who accepted it */
	"  status          TEXT NOT NULL"
	"                  CHECK (status IN ('registered', 'refused', 'approved', 'rejected')),"
	"  docs            INTEGER NOT NULL,"           /* bit i: p.11 document i handed in */
	"  missing         INTEGER NOT NULL DEFAULT 0," /* refused: bits not handed in */
	"  act_total       INTEGER,"                    /* tiyn, when the act's rows were entered */
	"  decided_at      INTEGER,"
	"  decided_day     TEXT," /* local YYYY-MM-DD of decided_at */
	"  decision_reason TEXT,"
	"  notice_due_day  TEXT," /* refused: p.16 notice within 1 day */
	"  notice_sent_at  INTEGER,"
	"  suspended_until TEXT,"    /* refused: the suspension's last day */
	"  handed_at       INTEGER," /* p.15: the result collected */
	"  handed_to       TEXT CHECK (handed_to IN ('applicant', 'proxy')),"
	"  handed_name     TEXT," /* personal: who collected it */
	"  handed_doc      TEXT," /* personal: their power of attorney */
	"  handed_clerk_id INTEGER REFERENCES clerks(id),"
	"  purged_at       INTEGER,"
	"  UNIQUE (year, seq),"
	"  CHECK ((status IN ('approved', 'rejected')) = (decided_at IS NOT NULL)),"
	"  CHECK ((status = 'refused') = (notice_due_day IS NOT NULL)),"
	"  CHECK (status <> 'rejected' OR decision_reason <> ''),"
	"  CHECK ((handed_at IS NULL) = (handed_to IS NULL)));"
	"CREATE INDEX applications_due ON applications(due_day) WHERE status = 'registered';"
	/* Each row of the act of assessed value (App. 3) as the clerk entered
	 * it, checked: value = area x rate x coefficient; act_total their sum. */
	"CREATE TABLE application_act_rows ("
	"  application_id INTEGER NOT NULL REFERENCES applications(id),"
	"  row            INTEGER NOT NULL,"
	"  zone           TEXT NOT NULL,"
	"  area           INTEGER NOT NULL," /* hectares x 10^4 */
	"  rate           INTEGER NOT NULL," /* tiyn per hectare */
	"  coef           INTEGER NOT NULL," /* x 10^4 */
	"  value          INTEGER NOT NULL," /* tiyn */
	"  PRIMARY KEY (application_id, row)) WITHOUT ROWID;"
	/* A receipt's or notice's print job names its application; a reprint
	 * prints the same one (the outbox copies the ticket's columns only). */
	"ALTER TABLE print_jobs ADD COLUMN application_id INTEGER REFERENCES applications(id);"
	"CREATE TRIGGER print_jobs_reprint_application AFTER INSERT ON print_jobs"
	" WHEN NEW.reprint_of IS NOT NULL AND NEW.application_id IS NULL BEGIN"
	"  UPDATE print_jobs SET application_id ="
	"   (SELECT application_id FROM print_jobs WHERE id = NEW.reprint_of) WHERE id = NEW.id;"
	" END;";

static const char step7[] =
	/* The complaints journal (p.20-25).  number is "2026-C-0001": the year
	 * of registration, C for complaint, the year's sequence (4 digits, more
	 * after 9999); seq runs 1..N per year with no gap.  complainant,
	 * contact, summary and answer are personal data (p.17.7): NULL once
	 * kezek purge has run over an answered complaint (purged_at set);
	 * everything else stays for the reports.  due_day is the local day the
	 * answer is due: days (15 or 30) calendar days after registration,
	 * moved off a day off to the next working day. */
	"CREATE TABLE complaints ("
	"  id             INTEGER PRIMARY KEY,"
	"  year           INTEGER NOT NULL,"
	"  seq            INTEGER NOT NULL,"
	"  number         TEXT NOT NULL UNIQUE,"
	"  registered_at  INTEGER NOT NULL," /* UTC seconds */
	"  channel        TEXT NOT NULL CHECK (channel IN ('in_person', 'post', 'email')),"
	"  kind           TEXT NOT NULL CHECK (kind IN ('result', 'service')),"
	"  complainant    TEXT," /* personal: who complains */
	"  contact        TEXT," /* personal: where the answer goes */
	"  summary        TEXT," /* personal: what the complaint says */
	"  clerk_id       INTEGER NOT NULL REFERENCES clerks(id)," /* who took it */
	"  counter_id     INTEGER REFERENCES counters(id),"
	"  days           INTEGER NOT NULL CHECK (days IN (15, 30)),"
	"  due_day        TEXT NOT NULL," /* local YYYY-MM-DD */
	"  answered_at    INTEGER,"
	"  answer_channel TEXT CHECK (answer_channel IN ('in_person', 'post', 'email')),"
	"  answer         TEXT," /* personal: what the answer said */
	"  answer_clerk_id INTEGER REFERENCES clerks(id),"
	"  purged_at      INTEGER,"
	"  UNIQUE (year, seq),"
	"  CHECK ((answered_at IS NULL) = (answer_channel IS NULL)),"
	"  CHECK (purged_at IS NULL OR answered_at IS NOT NULL));"
	"CREATE INDEX complaints_open ON complaints(due_day) WHERE answered_at IS NULL;"
	/* A talon's print job names its complaint; a reprint prints the same
	 * one (the outbox copies the ticket's columns only). */
	"ALTER TABLE print_jobs ADD COLUMN complaint_id INTEGER REFERENCES complaints(id);"
	"CREATE TRIGGER print_jobs_reprint_complaint AFTER INSERT ON print_jobs"
	" WHEN NEW.reprint_of IS NOT NULL AND NEW.complaint_id IS NULL BEGIN"
	"  UPDATE print_jobs SET complaint_id ="
	"   (SELECT complaint_id FROM print_jobs WHERE id = NEW.reprint_of) WHERE id = NEW.id;"
	" END;"
	/* A clerk's PIN for the counter console: crypt(3) hash, never the PIN. */
	"ALTER TABLE clerks ADD COLUMN pin_hash TEXT;";

static const char step8[] =
	/* The report reads a range of days of each register. */
	"CREATE INDEX applications_day ON applications(day);"
	"CREATE INDEX complaints_registered ON complaints(registered_at);";

static const char step9[] =
	/* The kiosk administrator's PIN, out of hall.ini (readable by every
	 * user): its crypt(3) hash, whether it is the published sample (warned
	 * about until changed), and the wrong tries in a row and the rest they
	 * earned (UTC seconds; 0 none), so that a restart does not lift it. */
	"CREATE TABLE admin_pins ("
	"  kiosk      TEXT PRIMARY KEY," /* [kiosk NAME] of hall.ini */
	"  hash       TEXT NOT NULL,"
	"  set_at     INTEGER NOT NULL,"
	"  sample     INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),"
	"  tries      INTEGER NOT NULL DEFAULT 0,"
	"  rest_until INTEGER NOT NULL DEFAULT 0);";

static const char step10[] =
	/* What kezek simulate made: each range of simulated days and the ids of
	 * the tickets it issued, so that a demonstration never passes for
	 * real visits (sim/, queue/simulated.h). */
	"CREATE TABLE simulations ("
	"  id           INTEGER PRIMARY KEY,"
	"  made_at      INTEGER NOT NULL,"
	"  first_day    TEXT NOT NULL,"
	"  last_day     TEXT NOT NULL,"
	"  seed         INTEGER NOT NULL,"
	"  first_ticket INTEGER NOT NULL,"
	"  last_ticket  INTEGER NOT NULL);";

static const char step11[] =
	/* One ballot per ticket served today (App. 4 feedback that counts
	 * once), with the answers kept apart from any ticket.  ballot_marks
	 * holds, per day, a keyed hash (HMAC-SHA256) of each ticket number
	 * that has voted, under that day's random key in ballot_keys; both
	 * are WITHOUT ROWID, ordered by key and mark, never by arrival, so no
	 * row lines up with a feedback row.  Only today's tickets may vote:
	 * the first ballot of a day deletes earlier days' keys and marks, and
	 * then nothing is left that tells which tickets voted. */
	"CREATE TABLE ballot_keys ("
	"  day TEXT PRIMARY KEY," /* local YYYY-MM-DD */
	"  key BLOB NOT NULL CHECK (length(key) = 32)) WITHOUT ROWID;"
	"CREATE TABLE ballot_marks ("
	"  day  TEXT NOT NULL,"
	"  mark BLOB NOT NULL CHECK (length(mark) = 32),"
	"  PRIMARY KEY (day, mark)) WITHOUT ROWID;";

static const char step_suspend[] =
	/* Suspension for missing documents (p.16), the outgoing register, the
	 * receipt owed (p.14).  An application with a document missing is
	 * 'suspended' until suspended_until; resumed (the set completed at a
	 * counter, resumed_at) it is 'registered' again, due from that day; a
	 * term passed without the documents makes it 'refused' (refused_at).
	 * The CHECK on status widens, which SQLite does only by rebuilding the
	 * table (its documented twelve steps; foreign keys are off while steps
	 * run and checked before they commit, db.c).  Old 'refused' rows were
	 * suspensions the notice promised: they become 'suspended' and end at
	 * the next expiry like any other.  lang is the applicant's language
	 * (kk, ru) for the papers sent later; receipt_printed_at is set when a
	 * receipt of the application reaches 'done' (the trigger below), so
	 * any later print of it clears the receipt owed. */
	"CREATE TABLE applications_new ("
	"  id              INTEGER PRIMARY KEY,"
	"  year            INTEGER NOT NULL,"
	"  seq             INTEGER NOT NULL,"
	"  number          TEXT NOT NULL UNIQUE,"
	"  kind            TEXT NOT NULL CHECK (kind IN ('individual', 'legal')),"
	"  applicant       TEXT,"
	"  idnum           TEXT,"
	"  id_doc          TEXT,"
	"  phone           TEXT,"
	"  address         TEXT,"
	"  representative  TEXT,"
	"  authority       TEXT,"
	"  proxy           TEXT,"
	"  proxy_doc       TEXT,"
	"  plot_address    TEXT,"
	"  accepted_at     INTEGER NOT NULL,"
	"  day             TEXT NOT NULL,"
	"  due_day         TEXT NOT NULL," /* p.7.1: from day, or from the day resumed */
	"  counter_id      INTEGER REFERENCES counters(id),"
	"  clerk_id        INTEGER NOT NULL REFERENCES clerks(id),"
	"  status          TEXT NOT NULL CHECK (status IN ('registered', 'suspended', 'refused',"
	"                                                 'approved', 'rejected')),"
	"  docs            INTEGER NOT NULL,"
	"  missing         INTEGER NOT NULL DEFAULT 0," /* missing at intake */
	"  act_total       INTEGER,"
	"  decided_at      INTEGER,"
	"  decided_day     TEXT,"
	"  decision_reason TEXT,"
	"  notice_due_day  TEXT," /* suspended at intake: p.16 notice within 1 day */
	"  notice_sent_at  INTEGER,"
	"  suspended_until TEXT," /* suspended at intake: the suspension's last day */
	"  handed_at       INTEGER,"
	"  handed_to       TEXT CHECK (handed_to IN ('applicant', 'proxy')),"
	"  handed_name     TEXT,"
	"  handed_doc      TEXT,"
	"  handed_clerk_id INTEGER REFERENCES clerks(id),"
	"  purged_at       INTEGER,"
	"  lang            TEXT NOT NULL DEFAULT 'kk' CHECK (lang IN ('kk', 'ru')),"
	"  resumed_at      INTEGER," /* the missing documents came */
	"  resumed_clerk_id INTEGER REFERENCES clerks(id),"
	"  refused_at      INTEGER,"    /* the suspension ended without them */
	"  receipt_printed_at INTEGER," /* a receipt of p.14 printed */
	"  UNIQUE (year, seq),"
	"  CHECK ((status IN ('approved', 'rejected')) = (decided_at IS NOT NULL)),"
	"  CHECK (status NOT IN ('suspended', 'refused') OR"
	"         (notice_due_day IS NOT NULL AND suspended_until IS NOT NULL)),"
	"  CHECK ((status = 'refused') = (refused_at IS NOT NULL)),"
	"  CHECK (status <> 'rejected' OR decision_reason <> ''),"
	"  CHECK ((handed_at IS NULL) = (handed_to IS NULL)));"
	"INSERT INTO applications_new (id, year, seq, number, kind, applicant, idnum, id_doc, phone,"
	" address, representative, authority, proxy, proxy_doc, plot_address, accepted_at, day,"
	" due_day, counter_id, clerk_id, status, docs, missing, act_total, decided_at, decided_day,"
	" decision_reason, notice_due_day, notice_sent_at, suspended_until, handed_at, handed_to,"
	" handed_name, handed_doc, handed_clerk_id, purged_at, receipt_printed_at)"
	" SELECT id, year, seq, number, kind, applicant, idnum, id_doc, phone, address,"
	" representative, authority, proxy, proxy_doc, plot_address, accepted_at, day, due_day,"
	" counter_id, clerk_id, CASE status WHEN 'refused' THEN 'suspended' ELSE status END, docs,"
	" missing, act_total, decided_at, decided_day, decision_reason, notice_due_day,"
	" notice_sent_at, suspended_until, handed_at, handed_to, handed_name, handed_doc,"
	" handed_clerk_id, purged_at,"
	" (SELECT min(j.done_at) FROM print_jobs j WHERE j.application_id = a.id"
	"   AND j.document = 'receipt' AND j.state = 'done')"
	" FROM applications a;"
	"DROP TABLE applications;"
	"ALTER TABLE applications_new RENAME TO applications;"
	"CREATE INDEX applications_due ON applications(due_day) WHERE status = 'registered';"
	"CREATE INDEX applications_day ON applications(day);"
	"CREATE INDEX applications_suspended ON applications(suspended_until)"
	"  WHERE status = 'suspended';"
	/* The outgoing register: every paper the office sends out (the notice
	 * of p.16, the motivated refusal of p.5) takes the year's next number,
	 * "2026-O-0001", and its date, in the transaction that makes it. */
	"CREATE TABLE outgoing ("
	"  id             INTEGER PRIMARY KEY,"
	"  year           INTEGER NOT NULL,"
	"  seq            INTEGER NOT NULL,"
	"  number         TEXT NOT NULL UNIQUE,"
	"  at             INTEGER NOT NULL," /* UTC seconds */
	"  day            TEXT NOT NULL,"    /* local YYYY-MM-DD: the paper's date */
	"  document       TEXT NOT NULL CHECK (document IN ('notice', 'refusal')),"
	"  application_id INTEGER NOT NULL REFERENCES applications(id),"
	"  UNIQUE (year, seq),"
	"  UNIQUE (application_id, document));"
	"CREATE TRIGGER print_jobs_receipt_printed AFTER UPDATE OF state ON print_jobs"
	" WHEN NEW.state = 'done' AND NEW.document = 'receipt' AND NEW.application_id IS NOT NULL"
	" BEGIN"
	"  UPDATE applications SET receipt_printed_at ="
	"   coalesce(NEW.done_at, NEW.sent_at, NEW.created_at)"
	"   WHERE id = NEW.application_id AND receipt_printed_at IS NULL;"
	" END;";

static const char step_report_days[] =
	/* The report's per-day summaries (queue/report-days.h): what each was
	 * worked out under, and the day's figures as a compact blob.  Any
	 * change to a day's tickets deletes its summary, so a stored one always
	 * matches them; the next report works the day out again. */
	"CREATE TABLE report_days ("
	"  day    TEXT PRIMARY KEY," /* local day, YYYY-MM-DD */
	"  params TEXT NOT NULL,"    /* time zone, lunch break, wait limit */
	"  data   BLOB NOT NULL);"
	"CREATE TRIGGER report_days_ticket_added AFTER INSERT ON tickets BEGIN"
	"  DELETE FROM report_days WHERE day = NEW.day;"
	" END;"
	"CREATE TRIGGER report_days_ticket_changed AFTER UPDATE OF day, service_id, issued_at,"
	"  origin_id, state, outcome, counter_id, clerk_id, called_at, started_at, finished_at"
	"  ON tickets BEGIN"
	"  DELETE FROM report_days WHERE day IN (OLD.day, NEW.day);"
	" END;"
	"CREATE TRIGGER report_days_ticket_removed AFTER DELETE ON tickets BEGIN"
	"  DELETE FROM report_days WHERE day = OLD.day;"
	" END;"
	"CREATE TRIGGER report_days_feedback_added AFTER INSERT ON feedback BEGIN"
	"  DELETE FROM report_days WHERE day = NEW.day;"
	" END;"
	"CREATE TRIGGER report_days_feedback_changed AFTER UPDATE ON feedback BEGIN"
	"  DELETE FROM report_days WHERE day IN (OLD.day, NEW.day);"
	" END;"
	"CREATE TRIGGER report_days_feedback_removed AFTER DELETE ON feedback BEGIN"
	"  DELETE FROM report_days WHERE day = OLD.day;"
	" END;"
	"CREATE TRIGGER report_days_application_added AFTER INSERT ON applications BEGIN"
	"  DELETE FROM report_days WHERE day = NEW.day;"
	" END;"
	"CREATE TRIGGER report_days_application_changed AFTER UPDATE OF day, status, due_day,"
	"  decided_day, handed_at, notice_due_day, notice_sent_at ON applications BEGIN"
	"  DELETE FROM report_days WHERE day IN (OLD.day, NEW.day);"
	" END;"
	"CREATE TRIGGER report_days_application_removed AFTER DELETE ON applications BEGIN"
	"  DELETE FROM report_days WHERE day = OLD.day;"
	" END;";

static const char step_print_service[] =
	/* The print outbox again, for a service that never gives up and never
	 * prints a stale ticket: 'expired' (a queue ticket that did not reach
	 * its printer in time, ticket_print_seconds, is not printed unasked);
	 * the raster bands a job has and the band being sent when the service
	 * stopped (bands_sent = i: bands before i are out, band i may be in
	 * part, bands_sent = bands: the picture is out), so a restart can bring
	 * the printer back to a known state; the file a folder printer wrote
	 * (personal data: removed by kezek purge with its case).  SQLite cannot
	 * change a CHECK, so the table is made again; its reprint_of refers to
	 * the new name, which the rename carries over. */
	"CREATE TABLE print_jobs_new ("
	"  id         INTEGER PRIMARY KEY,"
	"  printer_id INTEGER NOT NULL REFERENCES printers(id),"
	"  document   TEXT NOT NULL,"
	"  lang       TEXT NOT NULL CHECK (lang IN ('kk', 'ru')),"
	"  ticket_id  INTEGER REFERENCES tickets(id),"
	"  ahead      INTEGER,"
	"  resumes_at INTEGER,"
	"  created_at INTEGER NOT NULL,"
	"  state      TEXT NOT NULL DEFAULT 'queued' CHECK (state IN"
	"             ('queued', 'sending', 'done', 'failed', 'uncertain', 'expired')),"
	"  attempts   INTEGER NOT NULL DEFAULT 0,"
	"  not_before INTEGER NOT NULL DEFAULT 0,"
	"  sent_at    INTEGER,"
	"  done_at    INTEGER,"
	"  reason     TEXT NOT NULL DEFAULT '',"
	"  reprint_of INTEGER REFERENCES print_jobs_new(id),"
	"  application_id INTEGER REFERENCES applications(id),"
	"  complaint_id   INTEGER REFERENCES complaints(id),"
	"  bands      INTEGER NOT NULL DEFAULT 0,"
	"  bands_sent INTEGER NOT NULL DEFAULT 0,"
	"  file       TEXT);" /* personal: a folder printer's PDF */
	"INSERT INTO print_jobs_new (id, printer_id, document, lang, ticket_id, ahead,"
	" resumes_at, created_at, state, attempts, not_before, sent_at, done_at, reason,"
	" reprint_of, application_id, complaint_id)"
	" SELECT id, printer_id, document, lang, ticket_id, ahead, resumes_at, created_at,"
	" state, attempts, not_before, sent_at, done_at, reason, reprint_of, application_id,"
	" complaint_id FROM print_jobs;"
	"DROP TABLE print_jobs;"
	"ALTER TABLE print_jobs_new RENAME TO print_jobs;"
	"CREATE INDEX print_jobs_open ON print_jobs(printer_id, id)"
	"  WHERE state IN ('queued', 'sending');"
	"CREATE TRIGGER print_jobs_reprint_application AFTER INSERT ON print_jobs"
	" WHEN NEW.reprint_of IS NOT NULL AND NEW.application_id IS NULL BEGIN"
	"  UPDATE print_jobs SET application_id ="
	"   (SELECT application_id FROM print_jobs WHERE id = NEW.reprint_of) WHERE id = NEW.id;"
	" END;"
	"CREATE TRIGGER print_jobs_reprint_complaint AFTER INSERT ON print_jobs"
	" WHEN NEW.reprint_of IS NOT NULL AND NEW.complaint_id IS NULL BEGIN"
	"  UPDATE print_jobs SET complaint_id ="
	"   (SELECT complaint_id FROM print_jobs WHERE id = NEW.reprint_of) WHERE id = NEW.id;"
	" END;"
	/* The service's heartbeat, by the injectable clock: a printer whose
	 * service has not written one lately has no service running.  service:
	 * 'running', 'waiting' (for the database or the printer) or 'stopped'
	 * (asked to), with what it waits for in service_reason. */
	"ALTER TABLE printers ADD COLUMN heartbeat_at INTEGER;"
	"ALTER TABLE printers ADD COLUMN service TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE printers ADD COLUMN service_reason TEXT NOT NULL DEFAULT '';";

static const char step_postpone[] =
	/* Postpone and return: a called visitor sent to fetch a copy leaves
	 * the counter for a while ('postponed', with the reason, when it was
	 * and the time limit) and the counter calls them back; away_seconds
	 * is the time spent away, kept out of the service time.  The state's
	 * CHECK widens, so the table is made again (SQLite's twelve steps,
	 * foreign keys off while steps run, db.c); its indexes and the report
	 * triggers on it go with the old table and are made again here.  Its
	 * origin_id refers to the new name, which the rename carries over. */
	"CREATE TABLE tickets_new ("
	"  id          INTEGER PRIMARY KEY,"
	"  day         TEXT NOT NULL,"
	"  service_id  INTEGER NOT NULL REFERENCES services(id),"
	"  seq         INTEGER NOT NULL,"
	"  number      TEXT NOT NULL,"
	"  issued_at   INTEGER NOT NULL,"
	"  origin_id   INTEGER REFERENCES tickets_new(id),"
	"  state       TEXT NOT NULL DEFAULT 'waiting'"
	"              CHECK (state IN ('waiting', 'called', 'serving', 'postponed', 'done')),"
	"  outcome     TEXT CHECK (outcome IN ('served', 'no_show', 'transferred',"
	"                                      'cancelled', 'office_closed')),"
	"  counter_id  INTEGER REFERENCES counters(id),"
	"  clerk_id    INTEGER REFERENCES clerks(id),"
	"  called_at   INTEGER,"
	"  started_at  INTEGER,"
	"  finished_at INTEGER,"
	"  recalls     INTEGER NOT NULL DEFAULT 0,"
	"  postponed_at     INTEGER,"                    /* while postponed: since when */
	"  postponed_until  INTEGER,"                    /* the last postponement's limit */
	"  postpone_reason  TEXT,"                       /* and its reason */
	"  away_seconds     INTEGER NOT NULL DEFAULT 0," /* postponed, then back */
	"  CHECK ((state = 'done') = (outcome IS NOT NULL)),"
	"  CHECK ((state = 'postponed') = (postponed_at IS NOT NULL)),"
	"  CHECK (state <> 'postponed' OR (counter_id IS NOT NULL AND postponed_until IS NOT NULL)));"
	"INSERT INTO tickets_new (id, day, service_id, seq, number, issued_at, origin_id, state,"
	" outcome, counter_id, clerk_id, called_at, started_at, finished_at, recalls)"
	" SELECT id, day, service_id, seq, number, issued_at, origin_id, state, outcome,"
	" counter_id, clerk_id, called_at, started_at, finished_at, recalls FROM tickets;"
	"DROP TABLE tickets;"
	"ALTER TABLE tickets_new RENAME TO tickets;"
	"CREATE UNIQUE INDEX tickets_number ON tickets(day, number) WHERE origin_id IS NULL;"
	"CREATE INDEX tickets_waiting ON tickets(day, service_id, issued_at) WHERE state = 'waiting';"
	"CREATE INDEX tickets_lookup ON tickets(day, number);"
	"CREATE INDEX tickets_postponed ON tickets(counter_id, postponed_until)"
	"  WHERE state = 'postponed';"
	"CREATE TRIGGER report_days_ticket_added AFTER INSERT ON tickets BEGIN"
	"  DELETE FROM report_days WHERE day = NEW.day;"
	" END;"
	"CREATE TRIGGER report_days_ticket_changed AFTER UPDATE OF day, service_id, issued_at,"
	"  origin_id, state, outcome, counter_id, clerk_id, called_at, started_at, finished_at,"
	"  away_seconds ON tickets BEGIN"
	"  DELETE FROM report_days WHERE day IN (OLD.day, NEW.day);"
	" END;"
	"CREATE TRIGGER report_days_ticket_removed AFTER DELETE ON tickets BEGIN"
	"  DELETE FROM report_days WHERE day = OLD.day;"
	" END;";

static const char step_due_calendar[] =
	/* The holiday data an application's due day was counted on: 0 decreed,
	 * 1 provisional, 2 no file for the year (calendar.h, enum kz_cal_data);
	 * a due day on data not decreed is shown as such until checked. */
	"ALTER TABLE applications ADD COLUMN due_calendar INTEGER NOT NULL DEFAULT 0"
	" CHECK (due_calendar IN (0, 1, 2));";

/* Managers and administrators log in to kezek-hall's live page with a PIN
 * of their own: kept in clerks beside the clerks' (the same hash, the
 * same lockout through the event log), but a clerk's login never takes a
 * manager's account and a manager's never a clerk's. */
static const char step_staff_roles[] =
	"ALTER TABLE clerks ADD COLUMN role TEXT NOT NULL DEFAULT 'clerk'"
	" CHECK (role IN ('clerk', 'manager', 'administrator'))";

static const char step_shipping[] =
	/* What the region's centre confirmed it holds of this hall's event log
	 * (kezek-sync, queue/ship.h): one row per centre. */
	"CREATE TABLE shipping ("
	"  centre       TEXT PRIMARY KEY," /* the office key the centre knows us by */
	"  confirmed_id INTEGER NOT NULL DEFAULT 0,"
	"  confirmed_at INTEGER NOT NULL DEFAULT 0,"
	"  problem      TEXT NOT NULL DEFAULT '');";

static const char step_report_days_packed[] =
	/* The summaries' histograms now carry a header and are read from their
	 * bytes (report-days.c, form 3 in params): those stored in an earlier
	 * form would be stale anyway, so they go now and are worked out again
	 * when a report needs their days. */
	"DELETE FROM report_days WHERE params NOT LIKE '3 %';";

/* Boards, kiosks and print services on machines of their own, enrolled by
 * an administrator (queue/device.h): only the SHA-256 of a credential or
 * an enrolment code is kept, never the secret.  And what kezek-hall
 * answered each device's state change, by the device's idempotency key,
 * written in the transaction of the change itself (queue/idem.h): a
 * request repeated after a lost answer gets the same answer and changes
 * nothing.  Kept for the day. */
static const char step_devices[] =
	"CREATE TABLE devices ("
	"  id           INTEGER PRIMARY KEY,"
	"  name         TEXT NOT NULL UNIQUE,"
	"  role         TEXT NOT NULL CHECK (role IN ('board', 'kiosk', 'printer')),"
	"  stands_for   TEXT NOT NULL DEFAULT '',"
	"  credential   TEXT UNIQUE," /* SHA-256 hex; NULL before enrolment */
	"  code         TEXT UNIQUE," /* SHA-256 hex of the one-time code; NULL spent */
	"  code_expires INTEGER NOT NULL DEFAULT 0,"
	"  code_tries   INTEGER NOT NULL DEFAULT 0," /* wrong codes typed for this name */
	"  created_at   INTEGER NOT NULL,"
	"  enrolled_at  INTEGER NOT NULL DEFAULT 0,"
	"  revoked_at   INTEGER NOT NULL DEFAULT 0,"
	"  seen_at      INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE device_requests ("
	"  device_id INTEGER NOT NULL REFERENCES devices(id),"
	"  key       TEXT NOT NULL,"
	"  day       TEXT NOT NULL,"
	"  path      TEXT NOT NULL,"
	"  status    INTEGER NOT NULL,"
	"  answer    TEXT NOT NULL,"
	"  at        INTEGER NOT NULL,"
	"  PRIMARY KEY (device_id, key)) WITHOUT ROWID;"
	"CREATE INDEX device_requests_day ON device_requests(day);";
static const char step_transfer_comment[] =
	/* A transfer's comment from the sending clerk, on the new place, for
	 * the counter that receives the visitor (kz_ticket_transfer). */
	"ALTER TABLE tickets ADD COLUMN transfer_comment TEXT;";

const struct kz_schema_step kz_schema_steps[] = {
	{1, "queue: services, counters, clerks, tickets, event log", step1},
	{2, "append-only event log, indexes for calling and history", step2},
	{3, "index of calls for the hall display", step3},
	{4, "printers and the print outbox", step4},
	{5, "visitor feedback (App. 4)", step5},
	{6, "applications, their documents and acts (p.11-16, p.26)", step6},
	{7, "complaints, clerk PINs", step7},
	{8, "indexes of the registers for the reports", step8},
	{9, "the kiosk administrator's PIN and its rest", step9},
	{10, "what kezek simulate made", step10},
	{11, "one feedback ballot per ticket served today, kept apart from it", step11},
	{12, "expired print jobs, raster progress, printed files, service heartbeat",
		step_print_service},
	{13, "suspended applications, the outgoing register, the receipt owed", step_suspend},
	{14, "the report's per-day summaries, deleted when a day's rows change", step_report_days},
	{15, "the holiday data each application's due day was counted on", step_due_calendar},
	{16, "postponed tickets: reason, limit, time away", step_postpone},
	{17, "manager and administrator accounts for the hall's web pages", step_staff_roles},
	{18, "what the region's centre confirmed of the event log", step_shipping},
	{19, "the report's summaries in their packed form, older ones dropped",
		step_report_days_packed},
	{20, "boards, kiosks and print services on their own machines; their requests' answers",
		step_devices},
	{21, "a transfer's comment for the counter that receives the visitor",
		step_transfer_comment},
};

const int kz_schema_nsteps = sizeof kz_schema_steps / sizeof kz_schema_steps[0];
