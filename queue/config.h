/*
 * config.h - the hall's configuration (config/hall.ini), read with inih.
 *
 *   [hall]            name_kk, name_ru, database, timezone, office,
 *                     wait_limit_minutes, service_limit_minutes,
 *                     holidays, offices, akimats, retention_days,
 *                     staff_lang (kk or ru: what the kezek command says),
 *                     website (the agency's, p.4.2: www.auzr.kz)
 *                     ticket_print_seconds
 *   [hours]           open, close, lunch_start, lunch_end,
 *                     last_ticket_minutes, lunch_notice_minutes
 *   [display]         languages, alternate_seconds, sound, voice_kk, voice_ru,
 *                     green_below_minutes, red_above_minutes, highlight_seconds,
 *                     recent_calls, info_kk, info_ru, output
 *   [service CODE]    prefix, name_kk, name_ru
 *   [counter NUMBER]  services = CODE, CODE ..., printer (its receipts, notices
 *                     and talons: a [printer] of role receipts or a4)
 *   [printer NAME]    role, transport, address, paper, status,
 *                     job_timeout_seconds
 *   [kiosk NAME]      printer, forms_printer, language, idle_seconds,
 *                     ticket_pause_seconds, double_tap_ms, screen_mm,
 *                     admin_gesture, output (the PIN is in the database:
 *                     adminpin.h)
 *   [targets]         App. 4: next year's targets (on_time, quality, information,
 *                     electronic, appeal, politeness, in per cent) and
 *                     electronic_now, this year's value of 3.2
 *   [server]          kezek-hall, the hall's web server: address, port,
 *                     certificate, key (HTTPS), allow (networks, CIDR)
 *   [office]          this office's App. 1 and App. 5 entries in Kazakh:
 *                     name_kk, address_kk, official_kk, akimat_name_kk,
 *                     akimat_address_kk, akimat_official_kk
 *
 * Relative paths in the file are taken from the file's own folder; the
 * loaded configuration holds them resolved.  holidays, offices and akimats
 * default to Kezek's data directory (kz_config_use_data_dir).
 *
 * A file is taken whole or not at all: kz_config_load refuses unknown
 * sections and keys, duplicates, missing names and references to services
 * that are not defined, naming the file, the line and what to do.
 */
#ifndef KZ_CONFIG_H
#define KZ_CONFIG_H

#include <limits.h>
#include <stddef.h>

#include "calendar.h"

#define KZ_MAX_SERVICES        32
#define KZ_MAX_COUNTERS        64
#define KZ_MAX_PRINTERS        16
#define KZ_MAX_KIOSKS          8
#define KZ_CODE_LEN            16  /* service code or prefix, bytes with NUL */
#define KZ_NAME_LEN            256 /* a name in one language, bytes with NUL */
#define KZ_PATH_LEN            1024
#define KZ_SPOKEN_LEN          64  /* a prefix as spoken, bytes with NUL */
#define KZ_JOB_TIMEOUT_DEFAULT 600 /* s a CUPS job may take: queued behind others, printing */

struct kz_service_conf {
	char code[KZ_CODE_LEN];    /* what clerks type: kezek ticket A */
	char prefix[KZ_CODE_LEN];  /* printed before the number: A-001 */
	char name_kk[KZ_NAME_LEN]; /* shown to visitors, Kazakh */
	char name_ru[KZ_NAME_LEN]; /* shown to visitors, Russian */
	/* how the board's voice says the prefix ("бэ" for B), "" for the usual
	 * reading of its letters: spoken_letter (both) or spoken_letter_kk/_ru */
	char spoken_kk[KZ_SPOKEN_LEN], spoken_ru[KZ_SPOKEN_LEN];
	int line; /* line of its [service] header */
};

struct kz_counter_conf {
	int number;                                  /* as on the sign above it */
	int nservices;                               /* how many services it serves */
	char services[KZ_MAX_SERVICES][KZ_CODE_LEN]; /* their codes */
	char printer[KZ_CODE_LEN * 2]; /* its papers' printer (role receipts or a4), "" the hall's */
	int line;                      /* line of its [counter] header */
};

/* What a printer is for: hall.ini's role = (kz_config_role_name). */
enum kz_printer_role {
	KZ_ROLE_NONE,     /* not given yet */
	KZ_ROLE_TICKETS,  /* "tickets": the kiosk's thermal roll */
	KZ_ROLE_RECEIPTS, /* "receipts": a counter's thermal roll */
	KZ_ROLE_A4,       /* "a4": an office printer, PDF pages */
};

/* How a printer is reached: hall.ini's transport = (kz_config_transport_name);
 * printer/transport.h has one row for each. */
enum kz_transport_kind {
	KZ_TRANSPORT_NONE,     /* not given yet */
	KZ_TRANSPORT_TCP,      /* "tcp": ESC/POS on TCP, port 9100 */
	KZ_TRANSPORT_DEVICE,   /* "device": ESC/POS into a device file */
	KZ_TRANSPORT_USB,      /* "usb": ESC/POS through libusb */
	KZ_TRANSPORT_CUPS,     /* "cups": PDF to a CUPS queue */
	KZ_TRANSPORT_FOLDER,   /* "folder": PDF files kept in a folder */
	KZ_TRANSPORT_CUPS_RAW, /* "cups-raw": ESC/POS to a raw CUPS queue */
	KZ_TRANSPORT_COUNT
};

/* The words of hall.ini (and of the printers table) for a role or a
 * transport, "" for NONE; and back, NONE for NULL or an unknown word. */
const char *kz_config_role_name(enum kz_printer_role role);
const char *kz_config_transport_name(enum kz_transport_kind transport);
enum kz_printer_role kz_config_role_of(const char *word);
enum kz_transport_kind kz_config_transport_of(const char *word);

/* A printer: what it prints and how to reach it (printer/transport.h). */
struct kz_printer_conf {
	char name[KZ_CODE_LEN * 2];       /* [printer NAME]: letters, digits, '-' */
	enum kz_printer_role role;        /* tickets, receipts or a4 */
	enum kz_transport_kind transport; /* tcp, device, usb, cups, cups-raw or folder */
	char address[KZ_PATH_LEN];        /* host:port, /dev/usb/lp0, vendor:product, queue */
	int paper;                        /* thermal paper in mm: 58 or 80; 0 for a4 */
	int status;                       /* it answers DLE EOT: silence means offline */
	int job_timeout_s;                /* cups, cups-raw: a job may take this long to
					     end (pending, held, printing); default 600 */
	int line;                         /* line of its [printer] header */
};

/* The hall display (display/). */
struct kz_display_conf {
	int languages;         /* KZ_LANG_BOTH or KZ_LANG_ALTERNATE */
	int alternate_seconds; /* with KZ_LANG_ALTERNATE: seconds per language */
	int sound;             /* chime and spoken calls */
	char voice_kk[32];     /* espeak-ng voice names */
	char voice_ru[32];
	int green_below;               /* waits under this many minutes are green */
	int red_above;                 /* over this many minutes red; amber between (p.7.2: 30) */
	int highlight_seconds;         /* a new call stays highlighted */
	int recent_calls;              /* how many earlier calls are listed */
	char info_kk[KZ_NAME_LEN * 2]; /* the information line, each language */
	char info_ru[KZ_NAME_LEN * 2];
	char output[64]; /* the screen boards show on by name (HDMI-1), "" the first */
};

enum { KZ_LANG_BOTH, KZ_LANG_ALTERNATE };

/* A touch kiosk in the hall (kezek-kiosk --kiosk NAME). */
struct kz_kiosk_conf {
	char name[KZ_CODE_LEN * 2];          /* [kiosk NAME] */
	char printer[KZ_CODE_LEN * 2];       /* its ticket printer: role tickets */
	char forms_printer[KZ_CODE_LEN * 2]; /* A4 printer of blank forms (p.12), "" none */
	char lang[3];                        /* language it returns to: kk (default) or ru */
	int idle_seconds;                    /* untouched this long: back home */
	int ticket_pause_seconds;            /* least time between two tickets */
	int double_tap_ms;                   /* taps closer than this are one (0: none) */
	int screen_w_mm, screen_h_mm;        /* the visible screen, for 15 mm targets */
	char admin_gesture[16];              /* corners tapped in turn: 1 top left,
						2 top right, 3 bottom right, 4 bottom left */
	char output[64];                     /* its screen by name (HDMI-1), "" the first */
	int line;                            /* line of its [kiosk] header */
};

/* App. 4's indicators: next year's targets, approved each year by order
 * (p.19), and the one current value the data cannot give: the share of
 * the service's information available electronically (3.2). */
enum {
	KZ_APP4_ON_TIME,
	KZ_APP4_QUALITY,
	KZ_APP4_INFORMATION,
	KZ_APP4_ELECTRONIC,
	KZ_APP4_APPEAL,
	KZ_APP4_POLITENESS,
	KZ_APP4_ROWS
};

struct kz_targets {
	int target[KZ_APP4_ROWS]; /* per cent, 0-100 */
	int electronic_now;       /* per cent, 0-100 */
};

#define KZ_MAX_NETWORKS   16
#define KZ_PUBLIC_URL_LEN 161 /* [server] public_url, bytes with NUL */

/* [server]: where kezek-hall listens, and to whom.  certificate and key
 * are paths ("" if not given: plain HTTP, on loopback only). */
struct kz_server_conf {
	char address[64];                /* an IPv4 or IPv6 address; default 127.0.0.1 */
	int port;                        /* default 8080 */
	char certificate[KZ_PATH_LEN];   /* PEM; with key, HTTPS */
	char key[KZ_PATH_LEN];           /* PEM, readable by the hall's user only */
	int nallow;                      /* networks allowed; 0: loopback only */
	char allow[KZ_MAX_NETWORKS][64]; /* "192.168.1.0/24", "::1/128" */
	/* the hall's address as visitors' phones reach it ("https://kezek.example.kz",
	 * no slash at the end); "": tickets carry no link to the phone page */
	char public_url[KZ_PUBLIC_URL_LEN];
};

/* [region]: the region's centre kezek-sync ships the event log to. */
struct kz_region_conf {
	char centre[KZ_PATH_LEN]; /* libpq connection string; "" when not shipping */
	int batch;                /* events per batch, one transaction at the centre */
	int idle_seconds;         /* caught up: look for new events this often */
	int retry_seconds;        /* the centre unreachable: try again after this */
};

/* This office's App. 1 and App. 5 entries in Kazakh: the standard's lists
 * (offices.csv, akimats.csv) are in Russian.  "" where not given: the
 * Kazakh screens then show only the phones and e-mails. */
struct kz_office_kk {
	char name[KZ_NAME_LEN], address[KZ_NAME_LEN], official[KZ_NAME_LEN];
	char akimat_name[KZ_NAME_LEN], akimat_address[KZ_NAME_LEN], akimat_official[KZ_NAME_LEN];
};

struct kz_config {
	char path[KZ_PATH_LEN];     /* the file it came from, "" if built in */
	char name_kk[KZ_NAME_LEN];  /* the office's name, Kazakh */
	char name_ru[KZ_NAME_LEN];  /* the office's name, Russian */
	char database[KZ_PATH_LEN]; /* SQLite file */
	char timezone[64];          /* IANA zone, default Asia/Almaty */
	char office[64];            /* this office's key in offices.csv, "" if unset */
	char holidays[KZ_PATH_LEN]; /* folder of YYYY.ini holiday data; "" if not given */
	char offices[KZ_PATH_LEN];  /* App. 1 directory (CSV); "" if not given */
	char akimats[KZ_PATH_LEN];  /* App. 5 directory (CSV); "" if not given */
	struct kz_hours hours;      /* p.9, and when tickets stop */
	struct kz_display_conf display;
	int wait_limit_min;    /* p.7.2: 30 */
	int service_limit_min; /* p.7.3: 30 */
	int retention_days;    /* p.17.7: kezek purge keeps closed cases' personal data this long */
	char staff_lang[3];    /* kk or ru: the kezek command's language; ru by default */
	char website[128];     /* the agency's website (p.4.2), shown to visitors */
	int ticket_print_seconds; /* a ticket not at its printer by then is not printed unasked */
	int nservices;
	struct kz_service_conf services[KZ_MAX_SERVICES];
	int ncounters;
	struct kz_counter_conf counters[KZ_MAX_COUNTERS];
	int nprinters;
	struct kz_printer_conf printers[KZ_MAX_PRINTERS];
	int nkiosks;
	struct kz_kiosk_conf kiosks[KZ_MAX_KIOSKS];
	struct kz_office_kk office_kk;
	struct kz_targets targets;
	struct kz_server_conf server;
	struct kz_region_conf region;
};

/* Read path into cfg (caller-owned, fully overwritten).  KZ_ECONFIG with
 * "FILE:LINE: reason; what to do" on any fault; cfg is then unusable. */
int kz_config_load(const char *path, struct kz_config *cfg, char *err);

/* The service with this code (exact) or prefix, or NULL. */
const struct kz_service_conf *kz_config_service(const struct kz_config *cfg, const char *code);

/* The printer with this name, or NULL. */
const struct kz_printer_conf *kz_config_printer(const struct kz_config *cfg, const char *name);

/* The counter with this number, or NULL. */
/* The holiday data and office directories the file does not name come
 * from Kezek's data directory (setup/setup.h): DATA_DIR/config/holidays,
 * DATA_DIR/config/offices.csv and DATA_DIR/config/akimats.csv.  Those the
 * file names stay.  KZ_ECONFIG if a path would be too long. */
int kz_config_use_data_dir(struct kz_config *cfg, const char *data_dir, char *err);

/* The kiosk named name (NULL or "": the first), or NULL. */
const struct kz_kiosk_conf *kz_config_kiosk(const struct kz_config *cfg, const char *name);

const struct kz_counter_conf *kz_config_counter(const struct kz_config *cfg, int number);

/* Parse "ADDRESS/BITS" (IPv4 or IPv6; a bare address is a single host)
 * into family (AF_INET or AF_INET6), 16 address bytes and the prefix
 * length.  KZ_EINVAL if malformed. */
int kz_config_network(const char *text, int *family, unsigned char addr[16], int *bits);

#endif
