/*
 * steps.c - the centre's schema.  The event log (office, event_id) is the
 * source of truth; places is the report table, rebuilt from it as events
 * arrive (region/send.c), never written from anything else.
 */
#include "steps.h"

static const char step1[] =
	/* One row per office: what its hall last said of itself, and how far
	 * its log is held here.  Limits in seconds, lunch in minutes of the day. */
	"CREATE TABLE offices ("
	"  office        text PRIMARY KEY," /* the App. 1 key, as in offices.csv */
	"  name_kk       text NOT NULL DEFAULT '',"
	"  name_ru       text NOT NULL DEFAULT '',"
	"  timezone      text NOT NULL,"
	"  wait_limit    integer NOT NULL,"
	"  service_limit integer NOT NULL,"
	"  lunch_start   integer NOT NULL,"
	"  lunch_end     integer NOT NULL,"
	"  held_id       bigint NOT NULL DEFAULT 0," /* every event up to here is held */
	"  batches       bigint NOT NULL DEFAULT 0,"
	"  shipped_at    timestamptz,"                /* the centre's clock, last batch */
	"  skew_seconds  integer NOT NULL DEFAULT 0," /* the hall's clock minus the centre's */
	"  problem       text NOT NULL DEFAULT '');"
	"CREATE TABLE events ("
	"  office     text NOT NULL REFERENCES offices,"
	"  event_id   bigint NOT NULL,"
	"  at         bigint NOT NULL," /* UTC seconds, the hall's clock */
	"  kind       text NOT NULL,"
	"  ticket_id  bigint,"
	"  counter_id bigint,"
	"  clerk_id   bigint,"
	"  service_id bigint,"
	"  detail     text,"
	"  hash       text NOT NULL," /* the hall's fingerprint of the row */
	"  PRIMARY KEY (office, event_id));"
	"CREATE INDEX events_ticket ON events (office, ticket_id) WHERE ticket_id IS NOT NULL;"
	"CREATE TABLE services ("
	"  office  text NOT NULL REFERENCES offices,"
	"  id      bigint NOT NULL,"
	"  code    text NOT NULL,"
	"  name_kk text NOT NULL,"
	"  name_ru text NOT NULL,"
	"  PRIMARY KEY (office, id));"
	"CREATE TABLE counters ("
	"  office text NOT NULL REFERENCES offices,"
	"  id     bigint NOT NULL,"
	"  number integer NOT NULL,"
	"  PRIMARY KEY (office, id));"
	"CREATE TABLE clerks (" /* names only: the reports' per-clerk rows */
	"  office    text NOT NULL REFERENCES offices,"
	"  id        bigint NOT NULL,"
	"  full_name text NOT NULL,"
	"  PRIMARY KEY (office, id));"
	/* Events a hall sent again with other content than the centre holds:
	 * a hall restored from an older backup.  The centre keeps its own. */
	"CREATE TABLE conflicts ("
	"  office      text NOT NULL REFERENCES offices,"
	"  event_id    bigint NOT NULL,"
	"  held_hash   text NOT NULL,"
	"  sent_hash   text NOT NULL,"
	"  seen_at     timestamptz NOT NULL DEFAULT now(),"
	"  PRIMARY KEY (office, event_id));"
	/* One row per place in a queue, as the hall's tickets table has it,
	 * rebuilt from the events; the derived figures beside. */
	"CREATE TABLE places ("
	"  office      text NOT NULL REFERENCES offices,"
	"  ticket_id   bigint NOT NULL,"
	"  prev_ticket bigint,"           /* sent on from this place */
	"  origin      boolean NOT NULL," /* a ticket issued, not a visitor sent on */
	"  service_id  bigint,"
	"  counter_id  bigint,"
	"  clerk_id    bigint,"
	"  own_issued  bigint,"
	"  issued      bigint," /* the visitor's first issue (p.7.2) */
	"  called      bigint,"
	"  started     bigint,"
	"  finished    bigint,"
	"  outcome     text,"
	"  day         date,"     /* local day of issue */
	"  hour        smallint," /* local hour of issue */
	"  wait        integer,"  /* seconds; NULL: not called (yet) */
	"  service     integer,"
	"  lunch       boolean NOT NULL DEFAULT false,"
	"  wait_ok     boolean,"
	"  service_ok  boolean,"
	"  PRIMARY KEY (office, ticket_id));"
	"CREATE INDEX places_day ON places (day, office);";

/* The registers' rows the region's figures need (applications p.7.1, p.16,
 * p.26; complaints p.25; the kiosk's ballots, App. 4), as each hall has them
 * now, keyed by office and the hall's row id; never a person's data.
 * registers: the office's rows for the events held before this step were
 * sent (kezek-sync sends them once). */
static const char step2[] =
	"ALTER TABLE offices ADD COLUMN registers boolean NOT NULL DEFAULT false;"
	"CREATE TABLE applications ("
	"  office      text NOT NULL REFERENCES offices,"
	"  id          bigint NOT NULL,"
	"  number      text NOT NULL," /* 2026-0001: unique with the office */
	"  kind        text NOT NULL,"
	"  status      text NOT NULL," /* registered, suspended, refused, approved, rejected */
	"  day         date NOT NULL," /* local day of acceptance */
	"  due_day     date NOT NULL,"
	"  decided_day date,"
	"  notice_due_day  date,"
	"  notice_sent_day date,"
	"  handed      boolean NOT NULL,"
	"  PRIMARY KEY (office, id));"
	/* not unique: a hall restored from an older backup gives a number again
	 * (region/settle.c keeps both, the earlier under a moved id) */
	"CREATE INDEX applications_number ON applications (office, number);"
	"CREATE INDEX applications_day ON applications (day, office);"
	"CREATE TABLE complaints ("
	"  office       text NOT NULL REFERENCES offices,"
	"  id           bigint NOT NULL,"
	"  number       text NOT NULL," /* 2026-C-0001 */
	"  kind         text NOT NULL,"
	"  channel      text NOT NULL,"
	"  day          date NOT NULL," /* local day registered */
	"  days         integer NOT NULL,"
	"  due_day      date NOT NULL,"
	"  answered_day date,"
	"  PRIMARY KEY (office, id));"
	"CREATE INDEX complaints_number ON complaints (office, number);"
	"CREATE INDEX complaints_day ON complaints (day, office);"
	"CREATE TABLE ballots ("
	"  office      text NOT NULL REFERENCES offices,"
	"  id          bigint NOT NULL,"
	"  day         date NOT NULL,"
	"  quality     smallint," /* 1 satisfied, 0 not, NULL skipped */
	"  information smallint,"
	"  appeal      smallint,"
	"  politeness  smallint,"
	"  PRIMARY KEY (office, id));"
	"CREATE INDEX ballots_day ON ballots (day, office);";

/* A restored hall settled (region/settle.c): what was moved aside, when. */
static const char step3[] =
	"ALTER TABLE offices ADD COLUMN settled integer NOT NULL DEFAULT 0;"
	"CREATE TABLE settlements ("
	"  office       text NOT NULL REFERENCES offices,"
	"  n            integer NOT NULL," /* the office's first, second... */
	"  at           timestamptz NOT NULL DEFAULT now(),"
	"  agreed_id    bigint NOT NULL,"  /* the hall and the centre agree up to here */
	"  held_id      bigint NOT NULL,"  /* what the centre held */
	"  moved_from   bigint NOT NULL,"  /* the events after agreed_id now start here */
	"  events       integer NOT NULL," /* kept as history, moved aside */
	"  tickets      integer NOT NULL,"
	"  applications integer NOT NULL,"
	"  complaints   integer NOT NULL,"
	"  ballots      integer NOT NULL,"
	"  conflicts    integer NOT NULL," /* the conflicting events told, now cleared */
	"  PRIMARY KEY (office, n));";

const struct kz_centre_step kz_centre_steps[] = {
	{1, "offices, the event log, reference rows, conflicts, places", step1},
	{2, "applications, complaints and ballots without personal data", step2},
	{3, "settlements of restored halls", step3},
};

const int kz_centre_nsteps = sizeof kz_centre_steps / sizeof kz_centre_steps[0];
