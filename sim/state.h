/*
 * state.h - what the simulation's files share (private to sim/): its
 * random streams, the model's chances, the event queue and the state of a
 * simulated day.  simulate.c plays the hall and calls cases.c for the
 * applications and complaints; both use this header, neither the other's.
 */
#ifndef KZ_SIM_STATE_H
#define KZ_SIM_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "queue/calendar.h"
#include "queue/complaint.h"
#include "queue/config.h"
#include "queue/db.h"
#include "sim/rng.h"
#include "sim/simulate.h"

#define NELEM(a) (int)(sizeof(a) / sizeof((a)[0]))

/* A member of the staff. */
struct sim_clerk {
	const char *name, *position;
};

/* The model's chances (simulate.h tells the whole model). */
enum { INTAKE_SVC = 0, RESULT_SVC = 1, COMPLAINT_SVC = 2 };

#define P_ABSENT         0.06 /* not there at the call */
#define P_ABSENT_LUNCH   0.15 /* ... having waited through lunch */
#define P_AFTER_RECALL   0.34 /* of those: come up after the recall */
#define P_TRANSFER       0.02
#define P_APPLICATION    0.40 /* intake visitors who hand in documents */
#define P_REFUSED        0.08 /* ... with one missing */
#define P_COLLECT        0.65 /* result visitors who collect a ready result */
#define P_NEVER_COLLECT  0.05 /* results nobody comes for */
#define COMPLAINTS_A_DAY 0.5
#define P_MAIL_COMPLAINT 0.15 /* a day: one by post or e-mail */

enum ev_kind {
	EV_OPEN,     /* counter who opens */
	EV_ARRIVE,   /* a visitor for service who */
	EV_CALL,     /* counter who calls the next */
	EV_RECALL,   /* ... calls its visitor again */
	EV_NO_SHOW,  /* ... gives up on them */
	EV_START,    /* ... the visitor came up */
	EV_FINISH,   /* ... the visitor is done */
	EV_LUNCH,    /* ... lunch begins */
	EV_RESUME,   /* ... lunch is over */
	EV_CLOSE,    /* ... closing time */
	EV_FEEDBACK, /* a served visitor at the kiosk */
	EV_DECIDE,   /* application who decided */
	EV_NOTICE,   /* refused application who: notice sent */
	EV_MAIL,     /* a complaint by post or e-mail */
	EV_ANSWER,   /* complaint who answered */
};

struct event {
	int64_t at;   /* UTC seconds */
	uint64_t seq; /* order of scheduling: ties keep it */
	int kind;     /* enum ev_kind */
	int who;      /* counter, service, application or complaint index */
	int arg; /* EV_DECIDE: approve; EV_FEEDBACK: the ticket's sequence x 2 + waited over the limit */
};

struct heap {
	struct event *v;
	size_t n, cap;
};

enum { C_CLOSED, C_IDLE, C_BUSY, C_PAUSED, C_DONE };

struct sim_counter {
	const struct kz_counter_conf *conf;
	uint32_t serves; /* bit per service index */
	char clerk[128]; /* today's clerk */
	const char *position;
	int state;        /* C_* */
	int call_pending; /* an EV_CALL is on its way */
	int lunch_due;    /* pause once the visitor is done */
	int closing;      /* closing time has come: close once free */
	char number[24];  /* the visitor's ticket */
	int svc;          /* its service's index */
	int comes;        /* 0 never, 1 at the call, 2 after the recall */
	int waited_long;  /* waited over the limit for this call */
};

struct sim_app {
	char number[16];
	char due_day[11];
	int refused, decided, handed, never; /* never: nobody comes for the result */
};

struct sim_complaint {
	char number[24];
	enum kz_complaint_channel channel; /* how it came */
};

struct sim {
	struct kz_db *db;
	struct kz_calendar *cal;
	const struct kz_config *cfg;
	const struct kz_hours *h;
	const struct kz_sim_options *o;
	struct kz_sim_result *res;
	char *err;
	struct kz_date today, last;
	char day[11];
	struct kz_rng arrivals, visitors, answers, cases, staff;
	struct heap heap;
	uint64_t seq;
	struct event *agenda; /* case events of later days */
	size_t nagenda, agenda_cap;
	struct sim_counter counters[KZ_MAX_COUNTERS];
	int ncounters, done;
	int weight[KZ_MAX_SERVICES]; /* 0: nobody comes for it */
	int total_weight;
	int per_day;        /* mean tickets a day */
	double complaint_p; /* a served complaint-service visitor complains */
	int64_t *moved;     /* ids of today's transferred places */
	size_t nmoved, moved_cap;
	struct sim_app *apps;
	size_t napps, apps_cap, first_uncollected;
	struct sim_complaint *complaints;
	size_t ncomplaints, complaints_cap;
};

/* p (of *cap elements of size) grown to hold n + 1, or NULL (p still
 * valid) when memory runs out; nomem says so in the simulation's err. */
void *kz_sim_grow(void *p, size_t *cap, size_t n, size_t size);
int kz_sim_nomem(struct sim *s);

/* An event of today onto the queue, and the earliest one off it (the
 * queue must not be empty); ties come out in the order they went in. */
int kz_sim_schedule(struct sim *s, int64_t at, int kind, int who, int arg);
struct event kz_sim_heap_pop(struct heap *h);

/* An event of a later day (a decision, an answer) onto the agenda. */
int kz_sim_agenda_add(struct sim *s, int64_t at, int kind, int who, int arg);

/* A moment of date between minutes from and to, outside lunch. */
int64_t kz_sim_office_moment(struct sim *s, struct kz_date date, int from, int to);

#endif
