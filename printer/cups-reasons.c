/* cups-reasons.c - a CUPS printer's state-reasons read as the state staff
 * see and what they do about it; see cups-reasons.h. */
#include <stdio.h>
#include <string.h>

#include "cups-reasons.h"

#define N(msgid) msgid /* a sentence for po/, translated where it is shown */

#define SAID_OFFLINE  N("The printer does not answer: check that it is switched on and connected.")
#define SAID_PAPER    N("The printer is out of paper: load paper.")
#define SAID_JAM      N("Paper is jammed in the printer: open it and take the paper out.")
#define SAID_COVER    N("A cover of the printer is open: close it.")
#define SAID_TONER    N("The printer is out of toner or ink: put in a new cartridge.")
#define SAID_TRAY     N("A paper tray of the printer is missing: put it back.")
#define SAID_FAULT    N("The printer reports a fault: see the message on its panel.")
#define SAID_PAUSED   N("Printing is paused: the administrator resumes the queue.")
#define SAID_PAPERLOW N("The printer's paper is running low: have more ready.")
#define SAID_TONERLOW N("The printer's toner or ink is running low: have a new cartridge ready.")

/* Worst first: a printer that does not answer tells nothing true of its
 * paper; a person's pause matters after what the printer itself needs. */
static const struct reason {
	const char *keyword; /* without its -error, -warning or -report suffix */
	enum kz_printer_condition condition;
	const char *said;
} reasons[] = {
	{"offline", KZ_PRINTER_OFFLINE, SAID_OFFLINE},
	{"connecting-to-device", KZ_PRINTER_OFFLINE, SAID_OFFLINE},
	{"timed-out", KZ_PRINTER_OFFLINE, SAID_OFFLINE},
	{"shutdown", KZ_PRINTER_OFFLINE, SAID_OFFLINE},
	{"media-empty", KZ_PRINTER_PAPER_OUT, SAID_PAPER},
	{"media-needed", KZ_PRINTER_PAPER_OUT, SAID_PAPER},
	{"media-jam", KZ_PRINTER_ERROR, SAID_JAM},
	{"cover-open", KZ_PRINTER_COVER_OPEN, SAID_COVER},
	{"door-open", KZ_PRINTER_COVER_OPEN, SAID_COVER},
	{"interlock-open", KZ_PRINTER_COVER_OPEN, SAID_COVER},
	{"toner-empty", KZ_PRINTER_ERROR, SAID_TONER},
	{"marker-supply-empty", KZ_PRINTER_ERROR, SAID_TONER},
	{"input-tray-missing", KZ_PRINTER_ERROR, SAID_TRAY},
	{"paused", KZ_PRINTER_PAUSED, SAID_PAUSED},
	{"media-low", KZ_PRINTER_PAPER_LOW, SAID_PAPERLOW},
	{"toner-low", KZ_PRINTER_READY, SAID_TONERLOW},
	{"marker-supply-low", KZ_PRINTER_READY, SAID_TONERLOW},
};

const char *const kz_cups_sentences[] = {SAID_OFFLINE, SAID_PAPER, SAID_JAM, SAID_COVER, SAID_TONER,
	SAID_TRAY, SAID_FAULT, SAID_PAUSED, SAID_PAPERLOW, SAID_TONERLOW, NULL};

#define NREASONS (int)(sizeof reasons / sizeof reasons[0])
#define GENERIC  NREASONS /* rank of an -error of no known kind */

/* The rank of one keyword (word, n bytes): its row, GENERIC for another
 * error, -1 for one that says nothing to staff. */
static int
rank_of(const char *word, size_t n)
{
	static const char *const suffixes[] = {"-error", "-warning", "-report"};
	size_t base = n;
	int error = 0;

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t k = strlen(suffixes[i]);

		if (n > k && strncmp(word + n - k, suffixes[i], k) == 0) {
			base = n - k;
			error = i == 0;
		}
	}
	for (int i = 0; i < NREASONS; i++)
		if (strlen(reasons[i].keyword) == base &&
			strncmp(word, reasons[i].keyword, base) == 0)
			return i;
	return error ? GENERIC : -1;
}

/* What CUPS' network backends say (in the message, not a reason) while
 * they cannot reach the printer. */
static const char *const unreachable[] = {
	"may not exist or is unavailable",
	"not responding",
	"Waiting for printer to become available",
	"Unable to locate printer",
	"Network host",
};

/* What CUPS' network backends say before the printer has a byte of the
 * job: still connecting, not reached, or told it is busy (they try again).
 * Once connected they say nothing new until the printer has it whole. */
static const char *const not_reached[] = {
	"Connecting to printer",
	"unreachable at this time",
	"The printer is in use",
	"Unable to contact printer",
};

int
kz_cups_not_reached(const struct kz_cups_printer *p)
{
	const char *msg = strchr(p->reasons, '(');

	for (size_t i = 0; msg != NULL && i < sizeof not_reached / sizeof not_reached[0]; i++)
		if (strstr(msg, not_reached[i]) != NULL)
			return 1;
	for (size_t i = 0; msg != NULL && i < sizeof unreachable / sizeof unreachable[0]; i++)
		if (strstr(msg, unreachable[i]) != NULL)
			return 1;
	return 0;
}

void
kz_cups_read_reasons(const char *state, struct kz_cups_printer *p)
{
	const char *s = p->reasons, *msg = strchr(p->reasons, '(');
	int best = -1;

	for (size_t i = 0; msg != NULL && i < sizeof unreachable / sizeof unreachable[0]; i++)
		if (strstr(msg, unreachable[i]) != NULL)
			best = 0; /* offline */

	/* the keywords end where the message in brackets starts */
	while (*s != '\0' && *s != '(') {
		size_t n = strcspn(s, ", (");
		int r = n > 0 ? rank_of(s, n) : -1;

		if (r >= 0 && (best < 0 || r < best))
			best = r;
		s += n;
		s += strspn(s, ", ");
	}
	p->condition = KZ_PRINTER_READY;
	p->said = "";
	if (best == GENERIC) {
		p->condition = KZ_PRINTER_ERROR;
		p->said = SAID_FAULT;
	} else if (best >= 0) {
		p->condition = reasons[best].condition;
		p->said = reasons[best].said;
	}
	/* stopped with nothing worse to say: only a person starts it again */
	if (state != NULL && strcmp(state, "stopped") == 0 &&
		(p->condition == KZ_PRINTER_READY || p->condition == KZ_PRINTER_PAPER_LOW)) {
		p->condition = KZ_PRINTER_PAUSED;
		p->said = SAID_PAUSED;
	}
}
