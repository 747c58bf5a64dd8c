/*
 * doctor.c - the checks of kezek doctor (doctor.h).  Nothing here changes
 * the hall: the database is opened without migrating, files only read.
 */
#define _DEFAULT_SOURCE /* adjtimex, statvfs */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

#include "doctor.h"
#include "printer-words.h"
#include "queue/backup.h"
#include "queue/calendar.h"
#include "queue/adminpin.h"
#include "queue/clock.h"
#include "queue/device.h"
#include "queue/outbox.h"
#include "queue/simulated.h"
#include "printer/printd.h"
#include "setup/setup.h"

#define DISK_FAIL_MB      200  /* below this the hall cannot open */
#define DISK_WARN_MB      1024 /* below this, warn */
#define BACKUP_WARN_HOURS 48   /* the newest copy older than this: warn */
/* An enrolled device not heard from this long: warn.  Six times the most
 * seldom its last-seen time is written, so a live one never trips it. */
#define DEVICE_QUIET_SECONDS (6 * KZ_DEVICE_SEEN_SECONDS)

static void __attribute__((format(printf, 2, 3))) say(char *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, KZ_ERR_LEN, fmt, ap);
	va_end(ap);
}

/* A lower layer's message (kept as it is: a path, a line of hall.ini, the
 * system's error) after the doctor's own lead sentence, lead a format
 * with one %s. */
static void
lead(char *out, const char *lead_fmt)
{
	char said[KZ_ERR_LEN];

	snprintf(said, sizeof said, "%s", out);
	say(out, lead_fmt, said);
}

/* The checks that wait for an earlier one: "not checked" and why. */
static enum kz_doctor_verdict
not_checked(struct kz_doctor_line *line, int no_database)
{
	say(line->what, "%s",
		no_database ? T("not checked: no database") : T("not checked: no configuration"));
	return KZ_DOCTOR_SKIP;
}

/* Another line for this check (one per printer, year or kiosk). */
static struct kz_doctor_line *
more(struct kz_doctor *d, enum kz_doctor_verdict v)
{
	struct kz_doctor_line *x = &d->extra[d->nextra < KZ_DOCTOR_EXTRA ? d->nextra++ : 0];

	memset(x, 0, sizeof *x);
	x->verdict = v;
	return x;
}

/* The configuration's file is not there or cannot be read: said in the
 * doctor's words; 0 if it can be read (the lower layer's message then). */
static int
config_unreadable(const struct kz_setup *setup, struct kz_doctor_line *line)
{
	if (setup->config[0] == '\0' || access(setup->config, R_OK) == 0)
		return 0;
	say(line->what, T("the configuration '%s' cannot be read: %s"), setup->config,
		strerror(errno));
	say(line->todo, "%s",
		T("name the hall's hall.ini with --config FILE or KEZEK_CONFIG, or install it as "
		  "/etc/kezek/hall.ini (config/hall.ini of the source is a model), readable by "
		  "this user"));
	return 1;
}

static enum kz_doctor_verdict
check_config(struct kz_doctor *d, struct kz_doctor_line *line)
{
	struct kz_cli *cli = d->cli;
	int rc;

	rc = kz_setup_load(&cli->setup, kz_cli_opt(cli, "config"), kz_cli_opt(cli, "data-dir"),
		d->cfg, line->what);
	if (rc == KZ_OK)
		rc = kz_clock_setup(d->cfg->timezone, kz_cli_opt(cli, "now"), line->what);
	if (rc != KZ_OK && config_unreadable(&cli->setup, line))
		return KZ_DOCTOR_FAIL;
	if (rc != KZ_OK) {
		lead(line->what, T("the configuration does not load: %s"));
		say(line->todo, "%s",
			T("correct what the message names; nothing else can be checked until the "
			  "configuration loads"));
		return KZ_DOCTOR_FAIL;
	}
	d->config_ok = 1;
	kz_cli_quiet_language(cli, 1);
	d->db_path = kz_cli_opt(cli, "db");
	if (d->db_path == NULL || *d->db_path == '\0')
		d->db_path = getenv("KEZEK_DB");
	if (d->db_path == NULL || *d->db_path == '\0')
		d->db_path = d->cfg->database;
	say(line->what, T("%s (found through %s); data from %s"), cli->setup.config,
		kz_setup_word(cli->setup.config_from), cli->setup.data_dir);
	return KZ_DOCTOR_OK;
}

static enum kz_doctor_verdict
check_clock(struct kz_doctor *d, struct kz_doctor_line *line)
{
	struct timex tx = {0};
	char now[40];
	int state;

	if (!d->config_ok)
		return not_checked(line, 0);
	kz_clock_format(kz_clock_now(), "%Y-%m-%d %H:%M %Z", now, sizeof now);
	if (kz_cli_opt(d->cli, "now") != NULL || getenv("KEZEK_NOW") != NULL) {
		say(line->what,
			T("stood at %s in %s (--now or KEZEK_NOW): the real clock is not used"),
			now, d->cfg->timezone);
		return KZ_DOCTOR_OK;
	}
	state = adjtimex(&tx);
	if (state == TIME_ERROR || (tx.status & STA_UNSYNC)) {
		say(line->what,
			T("now %s in %s, but the system clock is not synchronised to a time source"),
			now, d->cfg->timezone);
		say(line->todo, "%s",
			T("waits, calls and due dates are timed by this clock: enable time "
			  "synchronisation (systemd-timesyncd or chrony) and check the time"));
		return KZ_DOCTOR_WARN;
	}
	say(line->what, T("now %s in %s, synchronised"), now, d->cfg->timezone);
	return KZ_DOCTOR_OK;
}

/* The file's owner fits the services: they run as the kezek user where
 * one exists (an installed hall). */
static void
check_owner(struct kz_doctor *d, const struct stat *st)
{
	struct passwd *pw = getpwnam("kezek");
	struct kz_doctor_line *x;

	if (pw == NULL || st->st_uid == pw->pw_uid)
		return;
	x = more(d, KZ_DOCTOR_WARN);
	say(x->what, T("'%s' is not owned by the kezek user the services run as"), d->db_path);
	say(x->todo, T("chown kezek:kezek '%s' (and its -wal and -shm files)"), d->db_path);
}

static enum kz_doctor_verdict
check_database(struct kz_doctor *d, struct kz_doctor_line *line)
{
	struct stat st;
	int writable, rc, version, latest = kz_db_latest_version();

	if (!d->config_ok)
		return not_checked(line, 0);
	if (stat(d->db_path, &st) != 0) {
		say(line->what, T("the database '%s' cannot be read: %s"), d->db_path,
			strerror(errno));
		say(line->todo, "%s",
			T("create it as the user the services run as: kezek init (installed: sudo -u "
			  "kezek kezek init)"));
		return KZ_DOCTOR_FAIL;
	}
	writable = kz_db_writable(d->db_path);
	rc = kz_db_open(d->db_path, writable ? KZ_DB_NO_MIGRATE : KZ_DB_READONLY, &d->db,
		line->what);
	if (rc == KZ_OK && (rc = kz_db_integrity(d->db, line->what)) != KZ_OK) {
		lead(line->what, T("the integrity check failed: %s"));
		say(line->todo, "%s",
			T("put the newest good copy back: kezek restore FILE (see kezek backup)"));
		return KZ_DOCTOR_FAIL;
	}
	if (rc != KZ_OK) {
		lead(line->what, T("the database does not open: %s"));
		say(line->todo, "%s", T("see the message; 'kezek check' tells more"));
		return KZ_DOCTOR_FAIL;
	}
	version = kz_db_version(d->db);
	if (version < latest) {
		say(line->what, T("'%s' has schema %d; this build's is %d"), d->db_path, version,
			latest);
		say(line->todo, "%s", T("take a copy (kezek backup), then migrate: kezek init"));
		return KZ_DOCTOR_FAIL;
	}
	if (!writable) {
		say(line->what, T("'%s' cannot be written by this user (or its folder)"),
			d->db_path);
		say(line->todo, "%s",
			T("run the hall's programs as its owner (installed: the kezek user; staff: "
			  "members of the kezek group)"));
		return KZ_DOCTOR_FAIL;
	}
	check_owner(d, &st);
	if (st.st_mode & 007) {
		say(line->what,
			T("'%s' can be read or written by every user (mode %04o): it holds personal "
			  "data"),
			d->db_path, (unsigned)(st.st_mode & 07777));
		say(line->todo, "chmod o-rwx '%s' '%s-wal' '%s-shm'", d->db_path, d->db_path,
			d->db_path);
		return KZ_DOCTOR_FAIL;
	}
	say(line->what, T("'%s': schema %d, integrity ok, mode %04o"), d->db_path, version,
		(unsigned)(st.st_mode & 07777));
	return KZ_DOCTOR_OK;
}

/* A TrueType or OpenType font's first four bytes. */
static int
is_font(const char *path)
{
	unsigned char b[4];
	FILE *f = fopen(path, "rb");
	int ok = f != NULL && fread(b, 1, 4, f) == 4 &&
		(memcmp(b, "\0\1\0\0", 4) == 0 || memcmp(b, "true", 4) == 0 ||
			memcmp(b, "OTTO", 4) == 0);

	if (f != NULL)
		fclose(f);
	return ok;
}

/* A folder of the data directory (dir, as kz_setup_data made its name)
 * is missing: said by own, a format of the folder, the data directory and
 * where it was found; a name too long by the lower layer's message after
 * lead. */
static void
lacks_folder(const struct kz_doctor *d, struct kz_doctor_line *line, const char *dir,
	const char *own, const char *lead_fmt)
{
	if (strlen(dir) + 1 >= KZ_PATH_LEN || access(dir, F_OK) == 0) {
		lead(line->what, lead_fmt);
		return;
	}
	say(line->what, own, dir, d->cli->setup.data_dir, kz_setup_word(d->cli->setup.data_from));
}

static enum kz_doctor_verdict
check_data(struct kz_doctor *d, struct kz_doctor_line *line)
{
	static const char *const fonts[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
	static const char *const langs[] = {"kk", "ru"};
	char dir[KZ_PATH_LEN], path[KZ_PATH_LEN + 64];
	struct kz_i18n *cat;

	if (!d->config_ok)
		return not_checked(line, 0);
	if (kz_setup_data(&d->cli->setup, "assets/fonts", "fonts", dir, sizeof dir, line->what) !=
		KZ_OK) {
		lacks_folder(d, line, dir,
			T("no fonts at '%s': the data folder %s (%s) lacks them"),
			T("the fonts are missing: %s"));
		say(line->todo, "%s",
			T("install the fonts (Debian: fonts-dejavu-core) or name the data folder with "
			  "--data-dir"));
		return KZ_DOCTOR_FAIL;
	}
	for (size_t i = 0; i < sizeof fonts / sizeof fonts[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, fonts[i]);
		if (!is_font(path)) {
			say(line->what, T("the font '%s' is missing or not a font"), path);
			say(line->todo, "%s",
				T("install fonts-dejavu-core (the data folder links to it)"));
			return KZ_DOCTOR_FAIL;
		}
	}
	if (kz_setup_locale(&d->cli->setup, dir, sizeof dir, line->what) != KZ_OK) {
		lacks_folder(d, line, dir,
			T("no translations at '%s': the data folder %s (%s) lacks them"),
			T("the translations cannot be read: %s"));
		say(line->todo, "%s", T("reinstall Kezek: its translations are part of it"));
		return KZ_DOCTOR_FAIL;
	}
	if (kz_i18n_load(dir, &cat, line->what) != KZ_OK) {
		lead(line->what, T("the translations cannot be read: %s"));
		say(line->todo, "%s", T("reinstall Kezek: its translations are part of it"));
		return KZ_DOCTOR_FAIL;
	}
	/* msgfmt leaves out what is untranslated: a catalogue short of the
	 * strings this build shows leaves visitors reading English */
	for (size_t i = 0; i < 2; i++) {
		int have = kz_i18n_count(cat, langs[i]);
		if (have >= KZ_I18N_STRINGS)
			continue;
		snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir, langs[i],
			KZ_I18N_DOMAIN);
		say(line->what, T("%d of %d strings have no translation in '%s'"),
			KZ_I18N_STRINGS - have, KZ_I18N_STRINGS, path);
		say(line->todo,
			T("visitors would read English: translate them in po/%s.po of the source and "
			  "build and install Kezek again"),
			langs[i]);
		kz_i18n_free(cat);
		return KZ_DOCTOR_FAIL;
	}
	kz_i18n_free(cat);
	say(line->what, T("fonts and the kk and ru translations complete in %s"),
		d->cli->setup.data_dir);
	return KZ_DOCTOR_OK;
}

/* Whether the year's holiday file says it is provisional. */
static int
provisional(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[512];
	int found = 0;

	if (f == NULL)
		return 0;
	while (!found && fgets(line, sizeof line, f) != NULL)
		found = strncmp(line, "status", 6) == 0 && strstr(line, "provisional") != NULL;
	fclose(f);
	return found;
}

/* Whether the holiday files read as every command that counts due dates
 * reads them; if not, a failed line naming the file and line. */
static int
holidays_read(struct kz_doctor *d)
{
	struct kz_calendar *cal = NULL;
	struct kz_doctor_line *x;
	char err[KZ_ERR_LEN];

	if (kz_cal_load(d->cfg->holidays, &d->cfg->hours, &cal, err) == KZ_OK) {
		kz_cal_free(cal);
		return 1;
	}
	x = more(d, KZ_DOCTOR_FAIL);
	say(x->what, T("the holiday data cannot be read: %s"), err);
	say(x->todo, "%s", T("correct what is named; until then no due date can be counted"));
	return 0;
}

static enum kz_doctor_verdict
check_holidays(struct kz_doctor *d, struct kz_doctor_line *line)
{
	struct kz_date today;
	char path[KZ_PATH_LEN + 32];
	enum kz_doctor_verdict worst = KZ_DOCTOR_OK;

	if (!d->config_ok)
		return not_checked(line, 0);
	today = kz_date_of(kz_clock_now());
	say(line->what, T("holiday data in %s"), d->cfg->holidays);
	if (!holidays_read(d))
		return KZ_DOCTOR_WARN;
	for (int year = today.y; year <= today.y + 1; year++) {
		struct kz_doctor_line *x;
		snprintf(path, sizeof path, "%s/%d.ini", d->cfg->holidays, year);
		if (access(path, R_OK) != 0) {
			/* this year's missing data makes every due date wrong */
			x = more(d, year == today.y ? KZ_DOCTOR_FAIL : KZ_DOCTOR_WARN);
			say(x->what,
				T("%d: no holiday data ('%s'): its holidays would count as working "
				  "days"),
				year, path);
			say(x->todo,
				T("install a Kezek that has it, or write %d.ini from the decrees "
				  "(config/holidays/README.md)"),
				year);
		} else if (provisional(path)) {
			x = more(d, KZ_DOCTOR_WARN);
			say(x->what, T("%d: provisional (not every date is decreed yet)"), year);
			say(x->todo,
				T("update %d.ini when the decree is published; due dates across an "
				  "unknown holiday may be a day early"),
				year);
		} else {
			x = more(d, KZ_DOCTOR_OK);
			say(x->what, T("%d: decreed"), year);
		}
		if (x->verdict > worst && x->verdict != KZ_DOCTOR_SKIP)
			worst = x->verdict;
	}
	return worst == KZ_DOCTOR_OK ? KZ_DOCTOR_OK : KZ_DOCTOR_WARN;
}

static enum kz_doctor_verdict
check_visits(struct kz_doctor *d, struct kz_doctor_line *line)
{
	int64_t real = 0, simulated = 0;

	if (d->db == NULL)
		return not_checked(line, 1);
	if (kz_simulated_count(d->db, &real, &simulated, line->what) != KZ_OK) {
		lead(line->what, T("the visits cannot be counted: %s"));
		return KZ_DOCTOR_FAIL;
	}
	say(line->what, T("%lld real visits, %lld simulated"), (long long)real,
		(long long)simulated);
	if (simulated > 0) {
		say(line->todo, "%s",
			T("this database holds days made by kezek simulate (a demonstration): a live "
			  "hall starts from its own (kezek init on a new file)"));
		return KZ_DOCTOR_WARN;
	}
	return KZ_DOCTOR_OK;
}

/* What to do for a printer in condition c: a format with the printer's
 * name for each %s. */
static const char *
printer_todo(enum kz_printer_condition c)
{
	switch (c) {
	case KZ_PRINTER_PAPER_OUT:
		return T("put in a new roll or paper");
	case KZ_PRINTER_COVER_OPEN:
		return T("close the printer's cover");
	case KZ_PRINTER_OFFLINE:
		return T("switch it on and check its cable or network; 'kezek print status' "
			 "tells more");
	case KZ_PRINTER_ERROR:
		return T("see the printer's panel (cutter, jam); switch it off and on");
	case KZ_PRINTER_UNKNOWN:
		return T("start its print service: systemctl start kezek-printd@%s (or "
			 "kezek-printd --printer %s)");
	default:
		return "";
	}
}

/* "kiosk-1 (tickets, device /dev/usb/lp0)": the printer as a line names it. */
static const char *
printer_named(const struct kz_printer_conf *p, char *out, size_t len)
{
	snprintf(out, len, "%s (%s, %s %s)", p->name, kz_printer_role_word(p->role),
		kz_printer_transport_word(p->transport), p->address);
	return out;
}

/* "3 jobs waiting" in the staff's words (out holds 64). */
static const char *
jobs_waiting(int queued, char *out)
{
	snprintf(out, 64,
		kz_trn(kz_cli_lang(), "%d job waiting", "%d jobs waiting", (unsigned long)queued),
		queued);
	return out;
}

static enum kz_doctor_verdict
check_printers(struct kz_doctor *d, struct kz_doctor_line *line)
{
	enum kz_doctor_verdict worst = KZ_DOCTOR_OK;
	char reason[256], err[KZ_ERR_LEN], named[KZ_PATH_LEN + 160], jobs[64];

	if (d->db == NULL)
		return not_checked(line, 1);
	say(line->what,
		kz_trn(kz_cli_lang(), "%d printer in the configuration",
			"%d printers in the configuration", (unsigned long)d->cfg->nprinters),
		d->cfg->nprinters);
	for (int i = 0; i < d->cfg->nprinters; i++) {
		const struct kz_printer_conf *p = &d->cfg->printers[i];
		enum kz_printer_condition c;
		struct kz_doctor_line *x;
		int queued = 0, usable;

		if (kz_printer_get_state(d->db, p->name, &c, reason, &queued, err) != KZ_OK) {
			x = more(d, KZ_DOCTOR_FAIL);
			say(x->what, T("%s: its state cannot be read: %s"), p->name, err);
			continue;
		}
		usable = c == KZ_PRINTER_READY || c == KZ_PRINTER_PAPER_LOW;
		if (c == KZ_PRINTER_UNKNOWN && !p->status && p->transport != KZ_TRANSPORT_CUPS &&
			p->transport != KZ_TRANSPORT_FOLDER) {
			/* it cannot be asked (status = no): only a print tells */
			x = more(d, KZ_DOCTOR_WARN);
			say(x->what, T("%s: cannot be asked how it is (status = no); %s"),
				printer_named(p, named, sizeof named), jobs_waiting(queued, jobs));
			say(x->todo, T("print a test page to see it works: kezek print test %s"),
				p->name);
			worst = worst < KZ_DOCTOR_WARN ? KZ_DOCTOR_WARN : worst;
			continue;
		}
		/* a kiosk without its ticket printer still shows numbers: the hall
		 * can open, but visitors leave with nothing in hand */
		x = more(d,
			usable ? (c == KZ_PRINTER_PAPER_LOW ? KZ_DOCTOR_WARN : KZ_DOCTOR_OK)
				: p->role == KZ_ROLE_TICKETS ? KZ_DOCTOR_FAIL
							     : KZ_DOCTOR_WARN);
		say(x->what, "%s: %s%s%s, %s", printer_named(p, named, sizeof named),
			kz_printer_condition_word(c), reason[0] ? ": " : "",
			reason[0] ? kz_tr(kz_cli_lang(), reason) : "", jobs_waiting(queued, jobs));
		if (c == KZ_PRINTER_PAPER_LOW)
			say(x->todo, "%s", T("have a new roll ready"));
		else if (!usable)
			say(x->todo, printer_todo(c), p->name, p->name);
		if (x->verdict > worst)
			worst = x->verdict;
	}
	return worst;
}

static enum kz_doctor_verdict
check_kiosk_pins(struct kz_doctor *d, struct kz_doctor_line *line)
{
	enum kz_doctor_verdict worst = KZ_DOCTOR_OK;
	char err[KZ_ERR_LEN];

	if (d->db == NULL)
		return not_checked(line, 1);
	say(line->what,
		kz_trn(kz_cli_lang(), "the administrator PIN of %d kiosk",
			"the administrator PINs of %d kiosks", (unsigned long)d->cfg->nkiosks),
		d->cfg->nkiosks);
	for (int i = 0; i < d->cfg->nkiosks; i++) {
		const char *name = d->cfg->kiosks[i].name;
		struct kz_admin_pin pin;
		struct kz_doctor_line *x;

		if (kz_admin_pin_get(d->db, name, &pin, err) != KZ_OK) {
			x = more(d, KZ_DOCTOR_FAIL);
			say(x->what, T("%s: its PIN cannot be read: %s"), name, err);
		} else if (pin.sample) {
			x = more(d, KZ_DOCTOR_FAIL);
			say(x->what,
				T("%s: still the published sample PIN: anyone who read the README "
				  "can leave the kiosk's screen"),
				name);
			say(x->todo, T("kezek kiosk pin %s (the new PIN on standard input)"), name);
		} else if (!pin.set) {
			x = more(d, KZ_DOCTOR_WARN);
			say(x->what, T("%s: no administrator PIN: nobody can leave its screen"),
				name);
			say(x->todo, T("kezek kiosk pin %s (the PIN on standard input)"), name);
		} else {
			x = more(d, KZ_DOCTOR_OK);
			say(x->what, T("%s: set"), name);
		}
		if (x->verdict > worst)
			worst = x->verdict;
	}
	return worst;
}

/* The database's folder (out holds KZ_PATH_LEN). */
static void
db_folder(const struct kz_doctor *d, char *out)
{
	const char *slash = strrchr(d->db_path, '/');

	if (slash == NULL)
		snprintf(out, KZ_PATH_LEN, ".");
	else
		snprintf(out, KZ_PATH_LEN, "%.*s",
			slash == d->db_path ? 1 : (int)(slash - d->db_path), d->db_path);
}

static enum kz_doctor_verdict
check_disk(struct kz_doctor *d, struct kz_doctor_line *line)
{
	char dir[KZ_PATH_LEN];
	struct statvfs fs;
	unsigned long long mb;

	if (!d->config_ok)
		return not_checked(line, 0);
	db_folder(d, dir);
	/* a folder not made yet: the space of the one it will be made in */
	while (statvfs(dir, &fs) != 0 && errno == ENOENT && strrchr(dir, '/') != NULL &&
		strrchr(dir, '/') != dir)
		*strrchr(dir, '/') = '\0';
	if (statvfs(dir, &fs) != 0) {
		say(line->what, T("cannot read the free space of '%s': %s"), dir, strerror(errno));
		say(line->todo, "%s", T("make the database's folder exist (kezek init)"));
		return KZ_DOCTOR_FAIL;
	}
	mb = (unsigned long long)fs.f_bavail * fs.f_frsize / (1024 * 1024);
	say(line->what, T("%llu MB free for '%s'"), mb, dir);
	if (mb < DISK_FAIL_MB) {
		say(line->todo, "%s",
			T("free space: the hall stops issuing tickets when the disk is full (old "
			  "backups, logs)"));
		return KZ_DOCTOR_FAIL;
	}
	if (mb < DISK_WARN_MB) {
		say(line->todo, "%s", T("free some space soon (old backups, logs)"));
		return KZ_DOCTOR_WARN;
	}
	return KZ_DOCTOR_OK;
}

/* A TCP connection to address:port within a second: 1, else 0. */
static int
answers(const char *address, int port)
{
	struct sockaddr_storage sa = {0};
	struct sockaddr_in *in4 = (struct sockaddr_in *)(void *)&sa;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)(void *)&sa;
	struct pollfd pfd;
	socklen_t len = sizeof *in4;
	int fd, err = 0, ok = 0;

	if (strcmp(address, "0.0.0.0") == 0 || strcmp(address, "::") == 0)
		address = "127.0.0.1"; /* every address: this machine's own answers */
	if (inet_pton(AF_INET, address, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)port);
	} else if (inet_pton(AF_INET6, address, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		len = sizeof *in6;
	} else {
		return 0;
	}
	if ((fd = socket(sa.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)) < 0)
		return 0;
	if (connect(fd, (struct sockaddr *)&sa, len) == 0) {
		ok = 1;
	} else if (errno == EINPROGRESS) {
		pfd = (struct pollfd){fd, POLLOUT, 0};
		len = sizeof err;
		ok = poll(&pfd, 1, 1000) == 1 &&
			getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0;
	}
	close(fd);
	return ok;
}

/* kezek-hall, the web server of [server]: it could start (HTTPS beyond
 * loopback) and it answers.  Not answering only warns: the hall opens
 * without the counter pages. */
static enum kz_doctor_verdict
check_server(struct kz_doctor *d, struct kz_doctor_line *line)
{
	const struct kz_server_conf *s = &d->cfg->server;
	int loopback = strncmp(s->address, "127.", 4) == 0 || strcmp(s->address, "::1") == 0;

	if (!d->config_ok)
		return not_checked(line, 0);
	if (!loopback && s->certificate[0] == '\0') {
		say(line->what, T("kezek-hall is to listen on %s without a certificate"),
			s->address);
		say(line->todo, "%s",
			T("give [server] certificate and key: 'kezek-hall --make-certificate "
			  "/etc/kezek' makes a pair"));
		return KZ_DOCTOR_FAIL;
	}
	if (!answers(s->address, s->port)) {
		say(line->what, T("kezek-hall does not answer on %s port %d"), s->address, s->port);
		say(line->todo, "%s",
			T("start it for the counter pages: 'systemctl enable --now kezek-hall', or run "
			  "kezek-hall"));
		return KZ_DOCTOR_WARN;
	}
	say(line->what, T("kezek-hall answers on %s port %d (%s)"), s->address, s->port,
		s->certificate[0] ? "HTTPS" : T("HTTP, loopback only"));
	return KZ_DOCTOR_OK;
}

static enum kz_doctor_verdict
check_backups(struct kz_doctor *d, struct kz_doctor_line *line)
{
	char folder[KZ_PATH_LEN + 16], path[KZ_PATH_LEN + 64], when[40];
	time_t newest = 0;
	struct dirent *e;
	struct stat st;
	DIR *dp;
	int len;

	if (!d->config_ok)
		return not_checked(line, 0);
	kz_backup_folder(d->db_path, folder, sizeof folder);
	if ((dp = opendir(folder)) != NULL) {
		while ((e = readdir(dp)) != NULL) {
			if (strncmp(e->d_name, "hall-", 5) != 0)
				continue;
			len = snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
			if (len > 0 && (size_t)len < sizeof path && stat(path, &st) == 0 &&
				st.st_mtime > newest)
				newest = st.st_mtime;
		}
		closedir(dp);
	}
	if (newest == 0) {
		say(line->what, T("no copy of the database in '%s'"), folder);
		say(line->todo, "%s",
			T("take one now (kezek backup) and daily (systemctl enable --now "
			  "kezek-backup.timer)"));
		return KZ_DOCTOR_WARN;
	}
	kz_clock_format((int64_t)newest, "%Y-%m-%d %H:%M", when, sizeof when);
	say(line->what, T("the newest copy in '%s' is of %s"), folder, when);
	if (kz_clock_now() - (int64_t)newest > BACKUP_WARN_HOURS * 3600) {
		say(line->todo, "%s",
			T("the daily copy has stopped: systemctl status kezek-backup.timer"));
		return KZ_DOCTOR_WARN;
	}
	return KZ_DOCTOR_OK;
}

/* The device as the lines name it: "board-1 (board)", "kiosk-1b (kiosk
 * for kiosk-1)"; out holds 128. */
static const char *
device_named(const struct kz_device *v, char *out)
{
	const char *role = kz_cli_word(kz_device_role_name(v->role));

	if (v->stands_for[0] && strcmp(v->stands_for, v->name) != 0)
		snprintf(out, 128, T("%s (%s for %s)"), v->name, role, v->stands_for);
	else
		snprintf(out, 128, "%s (%s)", v->name, role);
	return out;
}

/* Registered, never enrolled: its code expired or was spent by wrong
 * tries.  NULL if neither. */
static struct kz_doctor_line *
device_unenrolled(struct kz_doctor *d, const struct kz_device *v, int64_t now)
{
	struct kz_doctor_line *x;
	char who[128], when[40];

	if (v->enrolled || v->revoked_at || (v->code_live && v->code_expires > now))
		return NULL;
	x = more(d, KZ_DOCTOR_WARN);
	kz_clock_format(v->code_expires, "%Y-%m-%d %H:%M", when, sizeof when);
	if (v->code_live)
		say(x->what, T("%s: never enrolled; its one-time code expired at %s"),
			device_named(v, who), when);
	else
		say(x->what, T("%s: never enrolled; its one-time code was spent by wrong tries"),
			device_named(v, who));
	say(x->todo,
		T("give it a new code (kezek device code %s) and enrol it with --enrol, or retire "
		  "it: kezek device revoke %s"),
		v->name, v->name);
	return x;
}

/* An enrolled printer device whose print service's heartbeat is stale:
 * the printer's jobs wait for nobody.  NULL if it beats. */
static struct kz_doctor_line *
device_printer_silent(struct kz_doctor *d, const struct kz_device *v, int64_t now)
{
	const struct kz_printer_conf *p = kz_config_printer(d->cfg, v->stands_for);
	enum kz_service_state st = KZ_SERVICE_NONE;
	struct kz_doctor_line *x;
	char reason[256], who[128], when[40], err[KZ_ERR_LEN];
	int64_t at = 0;

	if (!v->enrolled || v->role != KZ_DEVICE_PRINTER ||
		kz_printer_get_heartbeat(d->db, v->stands_for, &at, &st, reason, err) != KZ_OK)
		return NULL;
	if (at != 0 && st != KZ_SERVICE_STOPPED && now - at <= KZ_PRINTD_STALE_SECONDS)
		return NULL;
	/* visitors leave without a ticket when the kiosk's printer is silent */
	x = more(d, p != NULL && p->role == KZ_ROLE_TICKETS ? KZ_DOCTOR_FAIL : KZ_DOCTOR_WARN);
	kz_clock_format(at, "%Y-%m-%d %H:%M", when, sizeof when);
	if (at == 0)
		say(x->what, T("%s: the print service of printer %s has never reported"),
			device_named(v, who), v->stands_for);
	else if (st == KZ_SERVICE_STOPPED)
		say(x->what, T("%s: the print service of printer %s was stopped at %s"),
			device_named(v, who), v->stands_for, when);
	else
		say(x->what,
			T("%s: the print service of printer %s has sent no heartbeat since %s"),
			device_named(v, who), v->stands_for, when);
	say(x->todo,
		T("printer %s's papers wait: start kezek-printd --printer %s --server URL on the "
		  "printer's machine and check its network"),
		v->stands_for, v->stands_for);
	return x;
}

/* An enrolled device not heard from for DEVICE_QUIET_SECONDS (since its
 * enrolment if it never asked anything).  NULL if it was. */
static struct kz_doctor_line *
device_quiet(struct kz_doctor *d, const struct kz_device *v, int64_t now)
{
	int64_t last = v->seen_at ? v->seen_at : v->enrolled_at;
	struct kz_doctor_line *x;
	char who[128], when[40];

	if (!v->enrolled || now - last <= DEVICE_QUIET_SECONDS)
		return NULL;
	x = more(d, KZ_DOCTOR_WARN);
	kz_clock_format(last, "%Y-%m-%d %H:%M", when, sizeof when);
	say(x->what, T("%s: not heard from since %s"), device_named(v, who), when);
	say(x->todo,
		T("switch its machine on and check that it reaches kezek-hall (its network, the "
		  "hall's address); retire a device no longer used: kezek device revoke %s"),
		v->name);
	return x;
}

/* The registered devices (kezek device list): only those that need the
 * administrator get a line. */
static enum kz_doctor_verdict
check_devices(struct kz_doctor *d, struct kz_doctor_line *line)
{
	static struct kz_device dev[KZ_DEVICES_MAX];
	enum kz_doctor_verdict worst = KZ_DOCTOR_OK;
	int64_t now = kz_clock_now();
	int n, live = 0;

	if (d->db == NULL)
		return not_checked(line, 1);
	if (kz_device_list(d->db, dev, KZ_DEVICES_MAX, &n, line->what) != KZ_OK) {
		lead(line->what, T("the devices cannot be listed: %s"));
		return KZ_DOCTOR_FAIL;
	}
	for (int i = 0; i < n; i++) {
		struct kz_doctor_line *x = device_unenrolled(d, &dev[i], now);
		if (x == NULL)
			x = device_printer_silent(d, &dev[i], now);
		if (x == NULL)
			x = device_quiet(d, &dev[i], now);
		live += dev[i].enrolled;
		if (x != NULL && x->verdict > worst)
			worst = x->verdict;
	}
	say(line->what, T("%d registered, %d enrolled"), n, live);
	return worst;
}

/* The names are said in the staff's words (kz_tr): the doctor's first
 * column. */
const struct kz_doctor_check kz_doctor_checks[] = {
	/* TRANSLATORS: the names of kezek doctor's checks, one word or two:
	 * the first column of its lines */
	{N("configuration"), check_config},
	{N("clock"), check_clock},
	{N("database"), check_database},
	{N("data"), check_data},
	{N("holidays"), check_holidays},
	{N("visits"), check_visits},
	{N("printers"), check_printers},
	{N("kiosk PINs"), check_kiosk_pins},
	{N("devices"), check_devices},
	{N("disk"), check_disk},
	{N("backups"), check_backups},
	{N("web server"), check_server},
	{NULL, NULL},
};

void
kz_doctor_done(struct kz_doctor *d)
{
	kz_db_close(d->db);
	d->db = NULL;
}
