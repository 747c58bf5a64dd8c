/*
 * config.c - hall.ini through inih: a handler per section kind, then
 * checks that need the whole file (references, required keys).
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include <ini.h>

#include "config.h"
#include "error.h"
#include "file.h"
#include "utf8.h"

struct parse {
	struct kz_config *cfg;
	char reason[KZ_ERR_LEN]; /* set by the handler that failed */
	int failed;
	int line; /* lines seen by section, for headers */
	char last_section[128];
	/* what the reader saw, for faults inih cannot see: duplicates */
	FILE *f;
	int lineno;       /* the line read last */
	int continuation; /* it continues the key before it (indented) */
	int fail_line;    /* where the reader stopped on a fault */
	struct seen *seen;
	int nseen, capseen;
};

/* A section header or a key where it was first given. */
struct seen {
	char section[128];
	char key[64]; /* "" for the section header itself */
	int line;
};

static int
copy(char *dst, size_t len, const char *src)
{
	if (strlen(src) >= len)
		return -1;
	memcpy(dst, src, strlen(src) + 1);
	return 0;
}

static int
parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* A service code: 1-8 ASCII letters or digits. */
static int
valid_code(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 8)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]))
			return 0;
	return 1;
}

/* A prefix: 1-4 characters (UTF-8 letters or digits allowed), no dash or space. */
static int
valid_prefix(const char *s)
{
	size_t n = strlen(s);
	int chars = 0;

	if (n == 0 || n >= KZ_CODE_LEN)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && !isalnum(c))
			return 0;
		if ((c & 0xC0) != 0x80)
			chars++;
	}
	return chars <= 4;
}

static int fail(struct parse *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Record the first fault; returns 0 so handlers can "return fail(...)". */
static int
fail(struct parse *p, const char *fmt, ...)
{
	va_list ap;

	if (!p->failed) {
		va_start(ap, fmt);
		vsnprintf(p->reason, sizeof p->reason, kz_err_format(fmt), ap);
		va_end(ap);
		p->failed = 1;
	}
	return 0;
}

static int
hall_key(struct parse *p, const char *name, const char *value)
{
	struct kz_config *c = p->cfg;

	if (strcmp(name, "name_kk") == 0 || strcmp(name, "name_ru") == 0) {
		char *dst = name[5] == 'k' ? c->name_kk : c->name_ru;
		if (copy(dst, KZ_NAME_LEN, value) < 0)
			return fail(p, N_("%s is longer than 255 bytes"), name);
		return 1;
	}
	if (strcmp(name, "database") == 0) {
		if (*value == '\0' || copy(c->database, sizeof c->database, value) < 0)
			return fail(p, N_("%s must be a path of 1 to 1023 bytes"), name);
		return 1;
	}
	if (strcmp(name, "holidays") == 0 || strcmp(name, "offices") == 0 ||
		strcmp(name, "akimats") == 0) {
		char *dst = name[0] == 'h' ? c->holidays : name[1] == 'f' ? c->offices : c->akimats;
		if (*value == '\0' || copy(dst, KZ_PATH_LEN, value) < 0)
			return fail(p, N_("%s must be a path of 1 to 1023 bytes"), name);
		return 1;
	}
	if (strcmp(name, "office") == 0) {
		if (*value == '\0' || copy(c->office, sizeof c->office, value) < 0)
			return fail(p,
				N_("office must be a key of offices.csv, such as akmola-region"));
		return 1;
	}
	if (strcmp(name, "timezone") == 0) {
		if (*value == '\0' || copy(c->timezone, sizeof c->timezone, value) < 0)
			return fail(p, N_("timezone must be an IANA zone such as Asia/Almaty"));
		return 1;
	}
	if (strcmp(name, "wait_limit_minutes") == 0) {
		if (parse_int(value, 1, 600, &c->wait_limit_min) < 0)
			return fail(p,
				N_("wait_limit_minutes must be a number of minutes, 1 to 600, not '%s'"),
				value);
		return 1;
	}
	if (strcmp(name, "service_limit_minutes") == 0) {
		if (parse_int(value, 1, 600, &c->service_limit_min) < 0)
			return fail(p,
				N_("service_limit_minutes must be a number of minutes, 1 to 600, not '%s'"),
				value);
		return 1;
	}
	if (strcmp(name, "retention_days") == 0) {
		if (parse_int(value, 1, 36500, &c->retention_days) < 0)
			return fail(p,
				N_("retention_days must be a number of days, 1 to 36500, not '%s'"),
				value);
		return 1;
	}
	if (strcmp(name, "staff_lang") == 0) {
		if (strcmp(value, "kk") != 0 && strcmp(value, "ru") != 0)
			return fail(p, N_("staff_lang must be kk or ru, not '%s'"), value);
		copy(c->staff_lang, sizeof c->staff_lang, value);
		return 1;
	}
	if (strcmp(name, "website") == 0) {
		if (*value == '\0' || strchr(value, ' ') != NULL ||
			copy(c->website, sizeof c->website, value) < 0)
			return fail(p,
				N_("website must be an address of 1 to 127 bytes without spaces, "
				   "such as www.auzr.kz"));
		return 1;
	}
	if (strcmp(name, "ticket_print_seconds") == 0) {
		if (parse_int(value, 5, 3600, &c->ticket_print_seconds) < 0)
			return fail(p,
				N_("ticket_print_seconds must be a number of seconds, 5 to 3600, not '%s'"),
				value);
		return 1;
	}
	return fail(p,
		N_("unknown key '%s' in [hall]; known keys: name_kk, name_ru, database, "
		   "timezone, office, wait_limit_minutes, service_limit_minutes, holidays, "
		   "offices, akimats, retention_days, staff_lang, website, ticket_print_seconds"),
		name);
}

/* "HH:MM" into minutes after midnight. */
static int
parse_hhmm(const char *s, int *out)
{
	int h, m, n = 0;

	if (strlen(s) != 5 || sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || n != 5 || s[2] != ':' ||
		!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[3]) || h > 23 || m > 59)
		return -1;
	*out = h * 60 + m;
	return 0;
}

static int
hours_key(struct parse *p, const char *name, const char *value)
{
	struct kz_hours *h = &p->cfg->hours;
	static const char *const times[] = {"open", "close", "lunch_start", "lunch_end"};
	int *slots[] = {&h->open, &h->close, &h->lunch_start, &h->lunch_end};

	for (int i = 0; i < 4; i++)
		if (strcmp(name, times[i]) == 0) {
			if (parse_hhmm(value, slots[i]) < 0)
				return fail(p,
					N_("%s = '%s' is not a time of day; write it as 09:00"),
					name, value);
			return 1;
		}
	if (strcmp(name, "last_ticket_minutes") == 0 || strcmp(name, "lunch_notice_minutes") == 0) {
		if (parse_int(value, 0, 240, name[1] == 'a' ? &h->last_ticket : &h->lunch_notice) <
			0)
			return fail(p, N_("%s must be a number of minutes, 0 to 240, not '%s'"),
				name, value);
		return 1;
	}
	return fail(p,
		N_("unknown key '%s' in [hours]; known keys: open, close, lunch_start, "
		   "lunch_end, last_ticket_minutes, lunch_notice_minutes"),
		name);
}

static int
display_key(struct parse *p, const char *name, const char *value)
{
	struct kz_display_conf *d = &p->cfg->display;
	static const struct {
		const char *name;
		int lo, hi;
		size_t off;
	} numbers[] = {
		{"alternate_seconds", 2, 600, offsetof(struct kz_display_conf, alternate_seconds)},
		{"green_below_minutes", 1, 600, offsetof(struct kz_display_conf, green_below)},
		{"red_above_minutes", 1, 600, offsetof(struct kz_display_conf, red_above)},
		{"highlight_seconds", 1, 120, offsetof(struct kz_display_conf, highlight_seconds)},
		{"recent_calls", 0, 12, offsetof(struct kz_display_conf, recent_calls)},
	};

	for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
		if (strcmp(name, numbers[i].name) == 0) {
			if (parse_int(value, numbers[i].lo, numbers[i].hi,
				    (int *)((char *)d + numbers[i].off)) < 0)
				return fail(p, N_("%s must be a number from %d to %d, not '%s'"),
					name, numbers[i].lo, numbers[i].hi, value);
			return 1;
		}
	if (strcmp(name, "languages") == 0) {
		if (strcmp(value, "both") != 0 && strcmp(value, "alternate") != 0)
			return fail(p, N_("languages is 'both' or 'alternate', not '%s'"), value);
		d->languages = value[0] == 'b' ? KZ_LANG_BOTH : KZ_LANG_ALTERNATE;
		return 1;
	}
	if (strcmp(name, "sound") == 0) {
		if (strcmp(value, "on") != 0 && strcmp(value, "off") != 0)
			return fail(p, N_("sound is 'on' or 'off', not '%s'"), value);
		d->sound = strcmp(value, "on") == 0;
		return 1;
	}
	if (strcmp(name, "voice_kk") == 0 || strcmp(name, "voice_ru") == 0) {
		if (*value == '\0' ||
			copy(name[6] == 'k' ? d->voice_kk : d->voice_ru, 32, value) < 0)
			return fail(p, N_("%s must name an espeak-ng voice, such as kk or ru"),
				name);
		return 1;
	}
	if (strcmp(name, "info_kk") == 0 || strcmp(name, "info_ru") == 0) {
		if (copy(name[5] == 'k' ? d->info_kk : d->info_ru, sizeof d->info_kk, value) < 0)
			return fail(p, N_("%s is longer than %d bytes"), name,
				(int)sizeof d->info_kk - 1);
		return 1;
	}
	if (strcmp(name, "output") == 0) {
		if (*value == '\0' || copy(d->output, sizeof d->output, value) < 0)
			return fail(p,
				N_("%s names the screen the board shows on as the system names it "
				   "(a name not there is refused with the names there are), such as HDMI-1, "
				   "in under %d bytes"),
				name, (int)sizeof d->output);
		return 1;
	}
	return fail(p,
		N_("unknown key '%s' in [display]; known keys: languages, alternate_seconds, "
		   "sound, voice_kk, voice_ru, green_below_minutes, red_above_minutes, "
		   "highlight_seconds, recent_calls, info_kk, info_ru, output"),
		name);
}

static struct kz_service_conf *
service_for(struct parse *p, const char *code)
{
	struct kz_config *c = p->cfg;

	for (int i = 0; i < c->nservices; i++)
		if (strcmp(c->services[i].code, code) == 0)
			return &c->services[i];
	if (!valid_code(code)) {
		fail(p, N_("service code '%s' must be 1 to 8 Latin letters or digits"), code);
		return NULL;
	}
	if (c->nservices == KZ_MAX_SERVICES) {
		fail(p, N_("more than 32 services"));
		return NULL;
	}
	struct kz_service_conf *s = &c->services[c->nservices++];
	memset(s, 0, sizeof *s);
	copy(s->code, sizeof s->code, code);
	return s;
}

/* A spoken prefix: Cyrillic letters, spaces and hyphens only, so that the
 * voice reads it in its own language (a Latin letter is read in English).
 * Letters of Kazakh alone only where the Kazakh voice alone reads it. */
static int
valid_spoken(const char *s, int kazakh)
{
	static const uint32_t kk_only[] = {0x4D8, 0x4D9, 0x492, 0x493, 0x49A, 0x49B, 0x4A2, 0x4A3,
		0x4E8, 0x4E9, 0x4B0, 0x4B1, 0x4AE, 0x4AF, 0x4BA, 0x4BB, 0x406, 0x456};
	int letters = 0;

	while (*s != '\0') {
		uint32_t cp;
		int ok;
		s += kz_utf8_next((const unsigned char *)s, &cp);
		ok = cp == ' ' || cp == '-' || (cp >= 0x410 && cp <= 0x44F) || cp == 0x401 ||
			cp == 0x451;
		for (size_t i = 0; kazakh && !ok && i < sizeof kk_only / sizeof kk_only[0]; i++)
			ok = cp == kk_only[i];
		if (!ok)
			return 0;
		letters += cp != ' ' && cp != '-';
	}
	return letters > 0;
}

static int
spoken_key(struct parse *p, struct kz_service_conf *s, const char *name, const char *value)
{
	int kk = strcmp(name, "spoken_letter_kk") == 0, ru = strcmp(name, "spoken_letter_ru") == 0,
	    both = strcmp(name, "spoken_letter") == 0;

	if (!kk && !ru && !both)
		return fail(p,
			N_("unknown key '%s' in [service %s]; known keys: prefix, name_kk, name_ru, "
			   "spoken_letter, spoken_letter_kk, spoken_letter_ru"),
			name, s->code);
	/* two whole sentences, never English words put into a translated one */
	if (strlen(value) >= KZ_SPOKEN_LEN || !valid_spoken(value, kk)) {
		if (kk)
			return fail(p,
				N_("%s of [service %s] must be the prefix written as it is said, in Cyrillic "
				   "letters (each letter by its name), 1 to %d bytes"),
				name, s->code, KZ_SPOKEN_LEN - 1);
		return fail(p,
			N_("%s of [service %s] must be the prefix written as it is said, in Russian "
			   "letters (each letter by its name), 1 to %d bytes; letters of Kazakh alone "
			   "go in spoken_letter_kk"),
			name, s->code, KZ_SPOKEN_LEN - 1);
	}
	/* a language's own key wins over spoken_letter, whichever comes first */
	if (kk || (both && s->spoken_kk[0] == '\0'))
		copy(s->spoken_kk, sizeof s->spoken_kk, value);
	if (ru || (both && s->spoken_ru[0] == '\0'))
		copy(s->spoken_ru, sizeof s->spoken_ru, value);
	return 1;
}

static int
service_key(struct parse *p, const char *code, const char *name, const char *value)
{
	struct kz_service_conf *s = service_for(p, code);

	if (s == NULL)
		return 0;
	if (strcmp(name, "prefix") == 0) {
		if (!valid_prefix(value))
			return fail(p,
				N_("prefix '%s' of [service %s] must be 1 to 4 letters or digits"),
				value, code);
		copy(s->prefix, sizeof s->prefix, value);
		return 1;
	}
	if (strcmp(name, "name_kk") == 0 || strcmp(name, "name_ru") == 0) {
		char *dst = name[5] == 'k' ? s->name_kk : s->name_ru;
		if (*value == '\0' || copy(dst, KZ_NAME_LEN, value) < 0)
			return fail(p, N_("%s of [service %s] must be 1 to 255 bytes"), name, code);
		return 1;
	}
	if (strncmp(name, "spoken_letter", 13) == 0)
		return spoken_key(p, s, name, value);
	return fail(p,
		N_("unknown key '%s' in [service %s]; known keys: prefix, name_kk, name_ru, "
		   "spoken_letter, spoken_letter_kk, spoken_letter_ru"),
		name, code);
}

static int valid_printer_name(const char *s);

static struct kz_counter_conf *
counter_for(struct parse *p, const char *label)
{
	struct kz_config *c = p->cfg;
	int number;

	if (parse_int(label, 1, 999, &number) < 0) {
		fail(p, N_("[counter %s]: a counter is named by its number, 1 to 999"), label);
		return NULL;
	}
	for (int i = 0; i < c->ncounters; i++)
		if (c->counters[i].number == number)
			return &c->counters[i];
	if (c->ncounters == KZ_MAX_COUNTERS) {
		fail(p, N_("more than 64 counters"));
		return NULL;
	}
	struct kz_counter_conf *k = &c->counters[c->ncounters++];
	memset(k, 0, sizeof *k);
	k->number = number;
	return k;
}

static int
counter_key(struct parse *p, const char *label, const char *name, const char *value)
{
	struct kz_counter_conf *k = counter_for(p, label);
	char list[1024], *save = NULL, *tok;

	if (k == NULL)
		return 0;
	if (strcmp(name, "printer") == 0) {
		if (!valid_printer_name(value) || copy(k->printer, sizeof k->printer, value) < 0)
			return fail(p,
				N_("[counter %s]: printer '%s' is not a printer's name (letters, "
				   "digits and '-')"),
				label, value);
		return 1;
	}
	if (strcmp(name, "services") != 0)
		return fail(p,
			N_("unknown key '%s' in [counter %s]; known keys: services, printer"), name,
			label);
	if (copy(list, sizeof list, value) < 0)
		return fail(p, N_("services of [counter %s] is too long"), label);
	k->nservices = 0;
	for (tok = strtok_r(list, ", \t", &save); tok; tok = strtok_r(NULL, ", \t", &save)) {
		for (int i = 0; i < k->nservices; i++)
			if (strcmp(k->services[i], tok) == 0)
				return fail(p, N_("[counter %s] lists service '%s' twice"), label,
					tok);
		if (!valid_code(tok))
			return fail(p, N_("[counter %s]: '%s' is not a service code"), label, tok);
		copy(k->services[k->nservices++], KZ_CODE_LEN, tok);
	}
	if (k->nservices == 0)
		return fail(p, N_("[counter %s] serves no service; list codes: services = A, B"),
			label);
	return 1;
}

static int
valid_printer_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= KZ_CODE_LEN * 2)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-')
			return 0;
	return 1;
}

static struct kz_printer_conf *
printer_for(struct parse *p, const char *name)
{
	struct kz_config *c = p->cfg;

	for (int i = 0; i < c->nprinters; i++)
		if (strcmp(c->printers[i].name, name) == 0)
			return &c->printers[i];
	if (!valid_printer_name(name)) {
		fail(p, N_("[printer %s]: a printer's name is Latin letters, digits and '-'"),
			name);
		return NULL;
	}
	if (c->nprinters == KZ_MAX_PRINTERS) {
		fail(p, N_("more than %d printers"), KZ_MAX_PRINTERS);
		return NULL;
	}
	struct kz_printer_conf *pr = &c->printers[c->nprinters++];
	memset(pr, 0, sizeof *pr);
	copy(pr->name, sizeof pr->name, name);
	pr->status = -1; /* not said: decided by the transport below */
	return pr;
}

/* hall.ini's words for roles and transports, by enum: the one place they
 * are spelt. */
static const char *const role_names[] = {
	[KZ_ROLE_NONE] = "",
	[KZ_ROLE_TICKETS] = "tickets",
	[KZ_ROLE_RECEIPTS] = "receipts",
	[KZ_ROLE_A4] = "a4",
};

static const char *const transport_names[KZ_TRANSPORT_COUNT] = {
	[KZ_TRANSPORT_NONE] = "",
	[KZ_TRANSPORT_TCP] = "tcp",
	[KZ_TRANSPORT_DEVICE] = "device",
	[KZ_TRANSPORT_USB] = "usb",
	[KZ_TRANSPORT_CUPS] = "cups",
	[KZ_TRANSPORT_FOLDER] = "folder",
	[KZ_TRANSPORT_CUPS_RAW] = "cups-raw",
};

/* The index of value among names[1..n), 0 if none. */
static int
word_of(const char *value, const char *const names[], size_t n)
{
	for (size_t i = 1; value != NULL && i < n; i++)
		if (strcmp(names[i], value) == 0)
			return (int)i;
	return 0;
}

const char *
kz_config_role_name(enum kz_printer_role role)
{
	size_t n = sizeof role_names / sizeof role_names[0];

	return (size_t)role < n ? role_names[role] : "";
}

const char *
kz_config_transport_name(enum kz_transport_kind transport)
{
	return (unsigned)transport < KZ_TRANSPORT_COUNT ? transport_names[transport] : "";
}

enum kz_printer_role
kz_config_role_of(const char *word)
{
	return (enum kz_printer_role)word_of(word, role_names,
		sizeof role_names / sizeof role_names[0]);
}

enum kz_transport_kind
kz_config_transport_of(const char *word)
{
	return (enum kz_transport_kind)word_of(word, transport_names, KZ_TRANSPORT_COUNT);
}

static int
printer_key(struct parse *p, const char *label, const char *name, const char *value)
{
	struct kz_printer_conf *pr = printer_for(p, label);
	int k;

	if (pr == NULL)
		return 0;
	if (strcmp(name, "role") == 0) {
		if ((k = kz_config_role_of(value)) == KZ_ROLE_NONE)
			return fail(p,
				N_("role of [printer %s] is tickets, receipts or a4, not '%s'"),
				label, value);
		pr->role = (enum kz_printer_role)k;
		return 1;
	}
	if (strcmp(name, "transport") == 0) {
		if ((k = kz_config_transport_of(value)) == KZ_TRANSPORT_NONE)
			return fail(p,
				N_("transport of [printer %s] is tcp, device, usb, cups, cups-raw or "
				   "folder, "
				   "not '%s'"),
				label, value);
		pr->transport = (enum kz_transport_kind)k;
		return 1;
	}
	if (strcmp(name, "address") == 0) {
		if (*value == '\0' || copy(pr->address, sizeof pr->address, value) < 0)
			return fail(p, N_("address of [printer %s] must be 1 to 1023 bytes"),
				label);
		return 1;
	}
	if (strcmp(name, "paper") == 0) {
		if (parse_int(value, 58, 80, &pr->paper) < 0 ||
			(pr->paper != 58 && pr->paper != 80))
			return fail(p, N_("paper of [printer %s] is 58 or 80 (mm), not '%s'"),
				label, value);
		return 1;
	}
	if (strcmp(name, "status") == 0) {
		if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
			return fail(p, N_("status of [printer %s] is yes or no, not '%s'"), label,
				value);
		pr->status = value[0] == 'y' ? 1 : 0;
		return 1;
	}
	if (strcmp(name, "job_timeout_seconds") == 0) {
		if (parse_int(value, 10, 86400, &pr->job_timeout_s) < 0)
			return fail(p,
				N_("job_timeout_seconds of [printer %s] is 10 to 86400, not '%s'"),
				label, value);
		return 1;
	}
	return fail(p,
		N_("unknown key '%s' in [printer %s]; known keys: role, transport, address, "
		   "paper, status, job_timeout_seconds"),
		name, label);
}

static struct kz_kiosk_conf *
kiosk_for(struct parse *p, const char *name)
{
	struct kz_config *c = p->cfg;
	struct kz_kiosk_conf *k;

	for (int i = 0; i < c->nkiosks; i++)
		if (strcmp(c->kiosks[i].name, name) == 0)
			return &c->kiosks[i];
	if (!valid_printer_name(name)) {
		fail(p, N_("[kiosk %s]: a kiosk's name is Latin letters, digits and '-'"), name);
		return NULL;
	}
	if (c->nkiosks == KZ_MAX_KIOSKS) {
		fail(p, N_("more than %d kiosks"), KZ_MAX_KIOSKS);
		return NULL;
	}
	k = &c->kiosks[c->nkiosks++];
	*k = (struct kz_kiosk_conf){.lang = "kk",
		.idle_seconds = 60,
		.ticket_pause_seconds = 5,
		.double_tap_ms = 350,
		.screen_w_mm = 477,
		.screen_h_mm = 268,
		.admin_gesture = "1234"};
	copy(k->name, sizeof k->name, name);
	return k;
}

static int
valid_gesture(const char *s)
{
	size_t n = strlen(s);

	if (n < 3 || n > 8)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '1' || s[i] > '4')
			return 0;
	return 1;
}

static int
kiosk_key(struct parse *p, const char *label, const char *name, const char *value)
{
	struct kz_kiosk_conf *k = kiosk_for(p, label);

	if (k == NULL)
		return 0;
	if (strcmp(name, "printer") == 0 || strcmp(name, "forms_printer") == 0) {
		if (copy(name[0] == 'p' ? k->printer : k->forms_printer, sizeof k->printer, value) <
			0)
			return fail(p, N_("%s of [kiosk %s] must name a [printer]"), name, label);
		return 1;
	}
	if (strcmp(name, "language") == 0) {
		if (strcmp(value, "kk") != 0 && strcmp(value, "ru") != 0)
			return fail(p, N_("language of [kiosk %s] is kk or ru, not '%s'"), label,
				value);
		return copy(k->lang, sizeof k->lang, value) == 0;
	}
	if (strcmp(name, "idle_seconds") == 0) {
		if (parse_int(value, 10, 3600, &k->idle_seconds) < 0)
			return fail(p, N_("idle_seconds of [kiosk %s] is 10 to 3600, not '%s'"),
				label, value);
		return 1;
	}
	if (strcmp(name, "ticket_pause_seconds") == 0) {
		if (parse_int(value, 0, 120, &k->ticket_pause_seconds) < 0)
			return fail(p,
				N_("ticket_pause_seconds of [kiosk %s] is 0 to 120, not '%s'"),
				label, value);
		return 1;
	}
	if (strcmp(name, "double_tap_ms") == 0) {
		if (parse_int(value, 0, 2000, &k->double_tap_ms) < 0)
			return fail(p, N_("double_tap_ms of [kiosk %s] is 0 to 2000, not '%s'"),
				label, value);
		return 1;
	}
	if (strcmp(name, "screen_mm") == 0) {
		char end;
		if (sscanf(value, "%dx%d%c", &k->screen_w_mm, &k->screen_h_mm, &end) != 2 ||
			k->screen_w_mm < 50 || k->screen_h_mm < 50 || k->screen_w_mm > 3000 ||
			k->screen_h_mm > 3000)
			return fail(p,
				N_("screen_mm of [kiosk %s] is the visible screen's WIDTHxHEIGHT in "
				   "millimetres, such as 477x268 for 21.5\", not '%s'"),
				label, value);
		return 1;
	}
	if (strcmp(name, "admin_gesture") == 0) {
		if (!valid_gesture(value) || copy(k->admin_gesture, sizeof k->admin_gesture, value))
			return fail(p,
				N_("admin_gesture of [kiosk %s] is 3 to 8 corners tapped in turn "
				   "(1 top left, 2 top right, 3 bottom right, 4 bottom left), such as 1234, "
				   "not '%s'"),
				label, value);
		return 1;
	}
	if (strcmp(name, "output") == 0) {
		if (*value == '\0' || copy(k->output, sizeof k->output, value) < 0)
			return fail(p,
				N_("output of [kiosk %s] names the screen the kiosk shows on as the "
				   "system names it (a name not there is refused with the names there are), "
				   "such as HDMI-1, in "
				   "under %zu bytes"),
				label, sizeof k->output);
		return 1;
	}
	/* a secret has no place in a file every user may read: refused, with the way */
	if (strcmp(name, "admin_pin") == 0)
		return fail(p,
			N_("admin_pin is no longer read from hall.ini, which every user can read: "
			   "delete this line and set the PIN with 'kezek kiosk pin %s' (kept in the "
			   "database)"),
			label);
	return fail(p,
		N_("unknown key '%s' in [kiosk %s]; known keys: printer, forms_printer, "
		   "language, idle_seconds, ticket_pause_seconds, double_tap_ms, screen_mm, "
		   "admin_gesture, output"),
		name, label);
}

static int
office_key(struct parse *p, const char *name, const char *value)
{
	struct kz_office_kk *o = &p->cfg->office_kk;
	static const char *const keys[] = {"name_kk", "address_kk", "official_kk", "akimat_name_kk",
		"akimat_address_kk", "akimat_official_kk"};
	char *dst[] = {o->name, o->address, o->official, o->akimat_name, o->akimat_address,
		o->akimat_official};

	for (int i = 0; i < 6; i++) {
		if (strcmp(name, keys[i]) != 0)
			continue;
		if (copy(dst[i], KZ_NAME_LEN, value) < 0)
			return fail(p, N_("%s is longer than %d bytes"), name, KZ_NAME_LEN - 1);
		return 1;
	}
	return fail(p,
		N_("unknown key '%s' in [office]; known keys: name_kk, address_kk, "
		   "official_kk, akimat_name_kk, akimat_address_kk, akimat_official_kk"),
		name);
}

static int
targets_key(struct parse *p, const char *name, const char *value)
{
	static const char *const keys[KZ_APP4_ROWS] = {"on_time", "quality", "information",
		"electronic", "appeal", "politeness"};
	struct kz_targets *t = &p->cfg->targets;

	for (int i = 0; i < KZ_APP4_ROWS; i++)
		if (strcmp(name, keys[i]) == 0) {
			if (parse_int(value, 0, 100, &t->target[i]) < 0)
				return fail(p,
					N_("%s in [targets] is a per cent, 0 to 100, not '%s'"),
					name, value);
			return 1;
		}
	if (strcmp(name, "electronic_now") == 0) {
		if (parse_int(value, 0, 100, &t->electronic_now) < 0)
			return fail(p,
				N_("electronic_now in [targets] is a per cent, 0 to 100, not '%s'"),
				value);
		return 1;
	}
	return fail(p,
		N_("unknown key '%s' in [targets]; known keys: on_time, quality, information, "
		   "electronic, appeal, politeness, electronic_now"),
		name);
}

int
kz_config_network(const char *text, int *family, unsigned char addr[16], int *bits)
{
	char host[64], *slash, *end;
	long n;

	if (copy(host, sizeof host, text) < 0 || *host == '\0')
		return KZ_EINVAL;
	memset(addr, 0, 16);
	if ((slash = strchr(host, '/')) != NULL)
		*slash++ = '\0';
	if (inet_pton(AF_INET, host, addr) == 1)
		*family = AF_INET, *bits = 32;
	else if (inet_pton(AF_INET6, host, addr) == 1)
		*family = AF_INET6, *bits = 128;
	else
		return KZ_EINVAL;
	if (slash == NULL)
		return KZ_OK;
	n = strtol(slash, &end, 10);
	if (*slash == '\0' || *end != '\0' || n < 0 || n > *bits)
		return KZ_EINVAL;
	*bits = (int)n;
	return KZ_OK;
}

/* allow = NET, NET ...: each checked here, so a typo refuses the file. */
static int
server_allow(struct parse *p, const char *value)
{
	struct kz_server_conf *s = &p->cfg->server;
	char list[1024], *save = NULL;
	unsigned char addr[16];
	int family, bits;

	if (copy(list, sizeof list, value) < 0)
		return fail(p, N_("allow in [server] is longer than 1023 bytes"));
	s->nallow = 0;
	for (char *net = strtok_r(list, ", ", &save); net; net = strtok_r(NULL, ", ", &save)) {
		if (kz_config_network(net, &family, addr, &bits) != KZ_OK)
			return fail(p,
				N_("allow in [server]: '%s' is not a network; write ADDRESS/BITS, "
				   "such as 192.168.1.0/24"),
				net);
		if (s->nallow == KZ_MAX_NETWORKS)
			return fail(p, N_("allow in [server] names more than %d networks"),
				KZ_MAX_NETWORKS);
		copy(s->allow[s->nallow++], sizeof s->allow[0], net);
	}
	return 1;
}

/* public_url: http(s)://host[:port][/path], printable ASCII without
 * spaces, quotes or a query; a slash at the end is dropped. */
static int
server_public_url(struct parse *p, const char *value)
{
	char *u = p->cfg->server.public_url;
	size_t n = strlen(value);
	const char *host = strncmp(value, "https://", 8) == 0 ? value + 8
		: strncmp(value, "http://", 7) == 0           ? value + 7
							      : NULL;

	while (n > 0 && value[n - 1] == '/')
		n--;
	if (host == NULL || (size_t)(host - value) >= n || n >= KZ_PUBLIC_URL_LEN ||
		strcspn(value, " \t\"'<>\\^`{|}?#") < n) {
		u[0] = '\0';
		return fail(p,
			N_("public_url in [server] must be the hall's address as phones reach it, "
			   "such as https://kezek.example.kz, of at most %d bytes without spaces, "
			   "quotes or '?', not '%.80s'"),
			KZ_PUBLIC_URL_LEN - 1, value);
	}
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)value[i] <= 0x20 || (unsigned char)value[i] >= 0x7f)
			return fail(p,
				N_("public_url in [server] must be plain ASCII, not '%.80s'"),
				value);
	memcpy(u, value, n);
	u[n] = '\0';
	return 1;
}

static int
server_key(struct parse *p, const char *name, const char *value)
{
	struct kz_server_conf *s = &p->cfg->server;
	unsigned char addr[16];

	if (strcmp(name, "address") == 0) {
		if (copy(s->address, sizeof s->address, value) < 0 ||
			(inet_pton(AF_INET, value, addr) != 1 &&
				inet_pton(AF_INET6, value, addr) != 1))
			return fail(p,
				N_("address in [server] must be an IP address such as 127.0.0.1 or "
				   "192.168.1.10, not '%s'"),
				value);
		return 1;
	}
	if (strcmp(name, "port") == 0) {
		if (parse_int(value, 1, 65535, &s->port) < 0)
			return fail(p, N_("port in [server] must be 1 to 65535, not '%s'"), value);
		return 1;
	}
	if (strcmp(name, "certificate") == 0 || strcmp(name, "key") == 0) {
		char *dst = name[0] == 'c' ? s->certificate : s->key;
		if (*value == '\0' || copy(dst, KZ_PATH_LEN, value) < 0)
			return fail(p, N_("%s in [server] must be a path of 1 to 1023 bytes"),
				name);
		return 1;
	}
	if (strcmp(name, "allow") == 0)
		return server_allow(p, value);
	if (strcmp(name, "public_url") == 0)
		return server_public_url(p, value);
	return fail(p,
		N_("unknown key '%s' in [server]; known keys: address, port, certificate, key, allow, "
		   "public_url"),
		name);
}

static int
region_key(struct parse *p, const char *name, const char *value)
{
	struct kz_region_conf *r = &p->cfg->region;
	static const char *const numbers[] = {"batch", "idle_seconds", "retry_seconds"};
	int *slots[] = {&r->batch, &r->idle_seconds, &r->retry_seconds};
	static const int hi[] = {100000, 3600, 86400};

	if (strcmp(name, "centre") == 0) {
		if (copy(r->centre, sizeof r->centre, value) < 0)
			return fail(p, N_("centre in [region] is longer than %d bytes"),
				(int)sizeof r->centre - 1);
		return 1;
	}
	for (int i = 0; i < 3; i++)
		if (strcmp(name, numbers[i]) == 0) {
			if (parse_int(value, 1, hi[i], slots[i]) < 0)
				return fail(p,
					N_("%s in [region] is a whole number, 1 to %d, not '%s'"),
					name, hi[i], value);
			return 1;
		}
	return fail(p,
		N_("unknown key '%s' in [region]; known keys: centre, batch, idle_seconds, "
		   "retry_seconds"),
		name);
}

/* The line where section (and key, or "" for its header) was first given;
 * 0 and recorded at line if it is new. */
static int
seen_before(struct parse *p, const char *section, const char *key, int line)
{
	struct seen *n;

	for (int i = 0; i < p->nseen; i++)
		if (strcmp(p->seen[i].section, section) == 0 && strcmp(p->seen[i].key, key) == 0)
			return p->seen[i].line;
	if (p->nseen == p->capseen) {
		int cap = p->capseen ? 2 * p->capseen : 64;
		if ((n = realloc(p->seen, (size_t)cap * sizeof *n)) == NULL)
			return 0; /* out of memory: the check is lost, not the file */
		p->seen = n;
		p->capseen = cap;
	}
	n = &p->seen[p->nseen++];
	snprintf(n->section, sizeof n->section, "%s", section);
	snprintf(n->key, sizeof n->key, "%s", key);
	n->line = line;
	return 0;
}

/* inih's reader: fgets that counts lines and stops at a section given
 * twice, which inih would silently merge into the first. */
static char *
read_line(char *str, int num, void *stream)
{
	struct parse *p = stream;
	char *s, *end, name[128];
	int first;

	if (p->failed || fgets(str, num, p->f) == NULL)
		return NULL;
	p->lineno++;
	for (s = str; *s == ' ' || *s == '\t'; s++)
		;
	p->continuation =
		s > str && *s != '\0' && *s != '\n' && *s != '\r' && *s != ';' && *s != '#';
	if (*s != '[' || (end = strchr(s, ']')) == NULL)
		return str;
	for (s++; *s == ' ' || *s == '\t'; s++)
		;
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	snprintf(name, sizeof name, "%.*s", (int)(end - s), s);
	if ((first = seen_before(p, name, "", p->lineno)) != 0) {
		fail(p, N_("[%s] is given twice, at lines %d and %d; merge them into one section"),
			name, first, p->lineno);
		p->fail_line = p->lineno;
		return NULL;
	}
	return str;
}

static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct parse *p = user;
	int first;

	if (p->failed)
		return 0;
	if (!p->continuation && (first = seen_before(p, section, name, p->lineno)) != 0)
		return fail(p, N_("'%s' is given twice in [%s], at lines %d and %d; keep one"),
			name, section, first, p->lineno);
	if (strcmp(section, "hall") == 0)
		return hall_key(p, name, value);
	if (strcmp(section, "hours") == 0)
		return hours_key(p, name, value);
	if (strcmp(section, "display") == 0)
		return display_key(p, name, value);
	if (strncmp(section, "service ", 8) == 0)
		return service_key(p, section + 8, name, value);
	if (strncmp(section, "counter ", 8) == 0)
		return counter_key(p, section + 8, name, value);
	if (strncmp(section, "printer ", 8) == 0)
		return printer_key(p, section + 8, name, value);
	if (strncmp(section, "kiosk ", 6) == 0)
		return kiosk_key(p, section + 6, name, value);
	if (strcmp(section, "office") == 0)
		return office_key(p, name, value);
	if (strcmp(section, "targets") == 0)
		return targets_key(p, name, value);
	if (strcmp(section, "server") == 0)
		return server_key(p, name, value);
	if (strcmp(section, "region") == 0)
		return region_key(p, name, value);
	return fail(p,
		N_("unknown section [%s]; known sections: [hall], [hours], [display], "
		   "[service CODE], [printer NAME], [counter NUMBER], [kiosk NAME], "
		   "[office], [targets], [server], [region]"),
		section);
}

/* Line of "[section]" in path, for faults found after parsing; 0 if not found. */
static int
section_line(const char *path, const char *section)
{
	FILE *f = fopen(path, "r");
	char buf[4096], want[160];
	int line = 0, found = 0;

	if (f == NULL)
		return 0;
	snprintf(want, sizeof want, "[%s]", section);
	while (!found && fgets(buf, sizeof buf, f)) {
		char *s = buf;
		line++;
		while (isspace((unsigned char)*s))
			s++;
		found = strncmp(s, want, strlen(want)) == 0;
	}
	fclose(f);
	return found ? line : 0;
}

/* A relative path in the file is taken from the file's own folder, so a
 * hall's configuration and its data travel together. */
static int
resolve(const struct kz_config *c, char *path, char *err)
{
	const char *slash = strrchr(c->path, '/');
	char joined[KZ_PATH_LEN * 2];

	if (path[0] == '/' || slash == NULL)
		return KZ_OK;
	snprintf(joined, sizeof joined, "%.*s/%s", (int)(slash - c->path), c->path, path);
	if (copy(path, KZ_PATH_LEN, joined) < 0)
		return kz_err(err, KZ_ECONFIG, N_("%s: path '%s' is too long"), c->path, joined);
	return KZ_OK;
}

/* A kiosk's printers must be in the hall, and of the right kind. */
static int
check_kiosks(struct kz_config *c, char *err)
{
	char sec[64];

	for (int i = 0; i < c->nkiosks; i++) {
		struct kz_kiosk_conf *k = &c->kiosks[i];
		const struct kz_printer_conf *pr = kz_config_printer(c, k->printer);
		snprintf(sec, sizeof sec, "kiosk %s", k->name);
		k->line = section_line(c->path, sec);
		if (pr == NULL && k->printer[0] == '\0')
			return kz_err(err, KZ_ECONFIG,
				N_("%s:%d: [kiosk %s] needs printer = the name of a [printer] with role "
				   "tickets"),
				c->path, k->line, k->name);
		if (pr == NULL || pr->role != KZ_ROLE_TICKETS)
			return kz_err(err, KZ_ECONFIG,
				N_("%s:%d: [kiosk %s] needs printer = the name of a [printer] with role "
				   "tickets, not '%s'"),
				c->path, k->line, k->name, k->printer);
		if (k->forms_printer[0] == '\0')
			continue;
		pr = kz_config_printer(c, k->forms_printer);
		if (pr == NULL || pr->role != KZ_ROLE_A4)
			return kz_err(err, KZ_ECONFIG,
				N_("%s:%d: [kiosk %s]: forms_printer '%s' must be a [printer] with role a4"),
				c->path, k->line, k->name, k->forms_printer);
	}
	return KZ_OK;
}

static int
check_whole(struct kz_config *c, char *err)
{
	char sec[64];
	int rc;

	if ((rc = resolve(c, c->database, err)) != KZ_OK ||
		(c->holidays[0] != '\0' && (rc = resolve(c, c->holidays, err)) != KZ_OK) ||
		(c->offices[0] != '\0' && (rc = resolve(c, c->offices, err)) != KZ_OK) ||
		(c->akimats[0] != '\0' && (rc = resolve(c, c->akimats, err)) != KZ_OK) ||
		(c->server.certificate[0] != '\0' &&
			(rc = resolve(c, c->server.certificate, err)) != KZ_OK) ||
		(c->server.key[0] != '\0' && (rc = resolve(c, c->server.key, err)) != KZ_OK))
		return rc;
	if ((c->server.certificate[0] == '\0') != (c->server.key[0] == '\0'))
		return kz_err(err, KZ_ECONFIG,
			N_("%s:%d: [server] needs both certificate and key for HTTPS, or neither"),
			c->path, section_line(c->path, "server"));

	if (c->name_kk[0] == '\0' || c->name_ru[0] == '\0')
		return kz_err(err, KZ_ECONFIG,
			N_("%s:%d: [hall] needs the office's name in both languages: name_kk and name_ru"),
			c->path, section_line(c->path, "hall"));
	if (!(c->hours.open < c->hours.close && c->hours.lunch_start <= c->hours.lunch_end &&
		    (c->hours.lunch_start == c->hours.lunch_end ||
			    (c->hours.open < c->hours.lunch_start &&
				    c->hours.lunch_end < c->hours.close))))
		return kz_err(err, KZ_ECONFIG,
			N_("%s:%d: [hours] must run open < lunch_start <= lunch_end < close "
			   "(lunch_start = lunch_end: no lunch break)"),
			c->path, section_line(c->path, "hours"));
	if (c->display.green_below > c->display.red_above)
		return kz_err(err, KZ_ECONFIG,
			N_("%s:%d: [display] green_below_minutes must not be above red_above_minutes"),
			c->path, section_line(c->path, "display"));
	if (c->nservices == 0)
		return kz_err(err, KZ_ECONFIG, N_("%s: no services; add a [service A] section"),
			c->path);
	if (c->ncounters == 0)
		return kz_err(err, KZ_ECONFIG, N_("%s: no counters; add a [counter 1] section"),
			c->path);
	for (int i = 0; i < c->nservices; i++) {
		struct kz_service_conf *s = &c->services[i];
		snprintf(sec, sizeof sec, "service %s", s->code);
		s->line = section_line(c->path, sec);
		if (s->prefix[0] == '\0')
			copy(s->prefix, sizeof s->prefix, s->code);
		if (s->name_kk[0] == '\0' || s->name_ru[0] == '\0')
			return kz_err(err, KZ_ECONFIG,
				N_("%s:%d: [service %s] needs its name in both languages: name_kk and name_ru"),
				c->path, s->line, s->code);
		for (int j = 0; j < i; j++)
			if (strcmp(c->services[j].prefix, s->prefix) == 0)
				return kz_err(err, KZ_ECONFIG,
					N_("%s:%d: [service %s] has prefix '%s', already used by [service %s]; "
					   "ticket numbers must not collide"),
					c->path, s->line, s->code, s->prefix, c->services[j].code);
	}
	for (int i = 0; i < c->nprinters; i++) {
		struct kz_printer_conf *pr = &c->printers[i];
		snprintf(sec, sizeof sec, "printer %s", pr->name);
		pr->line = section_line(c->path, sec);
		if (pr->role == KZ_ROLE_NONE || pr->transport == KZ_TRANSPORT_NONE ||
			!pr->address[0])
			return kz_err(err, KZ_ECONFIG,
				N_("%s:%d: [printer %s] needs role, transport and address"),
				c->path, pr->line, pr->name);
		if (pr->role != KZ_ROLE_A4 && pr->paper == 0)
			pr->paper = 80;
		if (pr->job_timeout_s == 0)
			pr->job_timeout_s = KZ_JOB_TIMEOUT_DEFAULT;
		/* a device file or folder named relative to this file, like the database */
		if ((pr->transport == KZ_TRANSPORT_DEVICE ||
			    pr->transport == KZ_TRANSPORT_FOLDER) &&
			(rc = resolve(c, pr->address, err)) != KZ_OK)
			return rc;
		/* network and USB ESC/POS printers answer DLE EOT; a device file
		 * and CUPS give no status */
		if (pr->status < 0)
			pr->status = pr->transport == KZ_TRANSPORT_TCP ||
				pr->transport == KZ_TRANSPORT_USB;
		if (pr->role == KZ_ROLE_A4 && pr->transport != KZ_TRANSPORT_CUPS &&
			pr->transport != KZ_TRANSPORT_FOLDER)
			return kz_err(err, KZ_ECONFIG,
				N_("%s:%d: [printer %s] prints A4 as PDF: transport = cups (a CUPS queue) "
				   "or folder (PDF files kept in a folder)"),
				c->path, pr->line, pr->name);
		if (pr->role != KZ_ROLE_A4 && pr->transport == KZ_TRANSPORT_FOLDER)
			return kz_err(err, KZ_ECONFIG,
				N_("%s:%d: [printer %s]: transport folder keeps A4 PDF files; a %s "
				   "printer needs tcp, device, usb or cups-raw"),
				c->path, pr->line, pr->name, kz_config_role_name(pr->role));
	}
	if ((rc = check_kiosks(c, err)) != KZ_OK)
		return rc;
	for (int i = 0; i < c->ncounters; i++) {
		struct kz_counter_conf *k = &c->counters[i];
		snprintf(sec, sizeof sec, "counter %d", k->number);
		k->line = section_line(c->path, sec);
		if (k->nservices == 0)
			return kz_err(err, KZ_ECONFIG,
				N_("%s:%d: [counter %d] serves no service; add services = A, B"),
				c->path, k->line, k->number);
		for (int j = 0; j < k->nservices; j++)
			if (kz_config_service(c, k->services[j]) == NULL)
				return kz_err(err, KZ_ECONFIG,
					N_("%s:%d: [counter %d] serves '%s', which is not a [service]; "
					   "define it or remove it from the list"),
					c->path, k->line, k->number, k->services[j]);
		if (k->printer[0]) {
			const struct kz_printer_conf *pr = kz_config_printer(c, k->printer);
			if (pr == NULL)
				return kz_err(err, KZ_ECONFIG,
					N_("%s:%d: [counter %d] prints on '%s', which is not a "
					   "[printer]; define it or name another"),
					c->path, k->line, k->number, k->printer);
			if (pr->role != KZ_ROLE_RECEIPTS && pr->role != KZ_ROLE_A4)
				return kz_err(err, KZ_ECONFIG,
					N_("%s:%d: [counter %d] prints receipts, notices and talons "
					   "on '%s', a %s printer; name one of role receipts or a4"),
					c->path, k->line, k->number, k->printer,
					kz_config_role_name(pr->role));
		}
	}
	return KZ_OK;
}

/* Length of a valid UTF-8 sequence at s, or 0 if it is not one. */
static int
utf8_len(const unsigned char *s)
{
	int n = s[0] < 0x80             ? 1
		: (s[0] & 0xE0) == 0xC0 ? 2
		: (s[0] & 0xF0) == 0xE0 ? 3
		: (s[0] & 0xF8) == 0xF0 ? 4
					: 0;

	if (n == 2 && s[0] < 0xC2)
		return 0; /* overlong */
	for (int i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

/* Before inih sees the file: it splits over-long lines silently and knows
 * nothing of encodings, so refuse those here with the right line number. */
static int
precheck(FILE *f, const char *path, char *err)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	int line = 0, rc = KZ_OK;

	while (rc == KZ_OK && (len = getline(&buf, &cap, f)) >= 0) {
		line++;
		while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		if (len > INI_MAX_LINE - 2)
			rc = kz_err(err, KZ_ECONFIG,
				N_("%s:%d: line longer than %d bytes; shorten it "
				   "or continue it on an indented next line"),
				path, line, INI_MAX_LINE - 2);
		for (ssize_t i = 0; rc == KZ_OK && i < len;) {
			int n = utf8_len((const unsigned char *)buf + i);
			if (n == 0 || i + n > len)
				rc = kz_err(err, KZ_ECONFIG,
					N_("%s:%d: not valid UTF-8; save the file as "
					   "UTF-8"),
					path, line);
			i += n ? n : 1;
		}
	}
	free(buf);
	rewind(f);
	return rc;
}

int
kz_config_load(const char *path, struct kz_config *cfg, char *err)
{
	struct parse p = {0};
	FILE *f;
	int line;

	memset(cfg, 0, sizeof *cfg);
	copy(cfg->path, sizeof cfg->path, path);
	copy(cfg->database, sizeof cfg->database, "../var/hall.db");
	copy(cfg->timezone, sizeof cfg->timezone, "Asia/Almaty");
	/* holidays, offices and akimats stay "" unless given: kz_config_use_data_dir */
	cfg->hours = (struct kz_hours){.open = 540,
		.close = 1080,
		.lunch_start = 780,
		.lunch_end = 840,
		.last_ticket = 30,
		.lunch_notice = 30};
	cfg->wait_limit_min = 30;
	cfg->service_limit_min = 30;
	cfg->retention_days = 1095; /* p.17.7: 3 years, then kezek purge */
	copy(cfg->staff_lang, sizeof cfg->staff_lang, "ru");
	copy(cfg->website, sizeof cfg->website, "www.auzr.kz"); /* the agency's, p.4.2 */
	cfg->ticket_print_seconds = 30;
	copy(cfg->server.address, sizeof cfg->server.address, "127.0.0.1");
	cfg->server.port = 8080;
	cfg->region = (struct kz_region_conf){.batch = 500, .idle_seconds = 5, .retry_seconds = 30};
	/* App. 4's norms, until the year's order says otherwise */
	cfg->targets = (struct kz_targets){.target = {100, 100, 100, 0, 100, 100}};
	cfg->display = (struct kz_display_conf){.languages = KZ_LANG_BOTH,
		.alternate_seconds = 10,
		.sound = 1,
		.voice_kk = "kk",
		.voice_ru = "ru",
		.green_below = 20,
		.red_above = 30,
		.highlight_seconds = 8,
		.recent_calls = 6};
	p.cfg = cfg;

	if ((f = kz_file_open(path, KZ_FILE_MAX_CONFIG, N_("configuration"), err)) == NULL)
		return KZ_ECONFIG;
	if ((line = precheck(f, path, err)) != KZ_OK) {
		fclose(f);
		return line;
	}
	p.f = f;
	line = ini_parse_stream(read_line, &p, handler, &p);
	if (line == 0 && p.failed)
		line = p.fail_line;
	fclose(f);
	free(p.seen);
	if (line > 0 && p.failed)
		return kz_err(err, KZ_ECONFIG, "%s:%d: %s", path, line, p.reason);
	if (line > 0)
		return kz_err(err, KZ_ECONFIG,
			N_("%s:%d: not 'key = value', '[section]' or a ';' comment"), path, line);
	if (line < 0)
		return kz_err(err, KZ_ENOMEM, N_("%s: out of memory while reading"), path);
	return check_whole(cfg, err);
}

int
kz_config_use_data_dir(struct kz_config *cfg, const char *data_dir, char *err)
{
	static const char *const rel[] = {"holidays", "offices.csv", "akimats.csv"};
	char *path[] = {cfg->holidays, cfg->offices, cfg->akimats};

	for (int i = 0; i < 3; i++)
		if (path[i][0] == '\0' &&
			snprintf(path[i], KZ_PATH_LEN, "%s/config/%s", data_dir, rel[i]) >=
				KZ_PATH_LEN)
			return kz_err(err, KZ_ECONFIG,
				N_("the data directory '%s' has too long a name"), data_dir);
	return KZ_OK;
}

const struct kz_kiosk_conf *
kz_config_kiosk(const struct kz_config *cfg, const char *name)
{
	for (int i = 0; i < cfg->nkiosks; i++)
		if (name == NULL || name[0] == '\0' || strcmp(cfg->kiosks[i].name, name) == 0)
			return &cfg->kiosks[i];
	return NULL;
}

const struct kz_service_conf *
kz_config_service(const struct kz_config *cfg, const char *code)
{
	for (int i = 0; i < cfg->nservices; i++)
		if (strcmp(cfg->services[i].code, code) == 0)
			return &cfg->services[i];
	for (int i = 0; i < cfg->nservices; i++)
		if (strcmp(cfg->services[i].prefix, code) == 0)
			return &cfg->services[i];
	return NULL;
}

const struct kz_printer_conf *
kz_config_printer(const struct kz_config *cfg, const char *name)
{
	for (int i = 0; i < cfg->nprinters; i++)
		if (strcmp(cfg->printers[i].name, name) == 0)
			return &cfg->printers[i];
	return NULL;
}

const struct kz_counter_conf *
kz_config_counter(const struct kz_config *cfg, int number)
{
	for (int i = 0; i < cfg->ncounters; i++)
		if (cfg->counters[i].number == number)
			return &cfg->counters[i];
	return NULL;
}
