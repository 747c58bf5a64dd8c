/*
 * setup.h - what every Kezek program does before its own work: find the
 * configuration, find the data directory, and answer --version.  The same
 * rules for kezek, kezek-kiosk, kezek-display and kezek-printd.
 *
 * The configuration: --config FILE, else KEZEK_CONFIG, else the source
 * tree's config/hall.ini when the program runs from its build tree (the
 * executable is under the build folder), else /etc/kezek/hall.ini.
 *
 * The data directory holds what ships with Kezek, laid out as in the source
 * tree: assets/fonts, config/holidays, config/offices.csv and
 * config/akimats.csv, and the compiled translations in locale/ (which a
 * source-tree build keeps in its build tree).  --data-dir DIR, else KEZEK_DATA_DIR, else the one
 * compiled in (KEZEK_DATA_DIR at build time: the source tree by default,
 * /usr/share/kezek for an installed build).  Never beside the configuration:
 * a configuration in /etc/kezek has no fonts beside it.
 */
#ifndef KZ_SETUP_H
#define KZ_SETUP_H

#include <stddef.h>

#include "queue/config.h"
#include "queue/i18n.h"

#define KZ_CONFIG_ENV   "KEZEK_CONFIG"
#define KZ_DATA_DIR_ENV "KEZEK_DATA_DIR"
#define KZ_CONFIG_ETC   "/etc/kezek/hall.ini"

/* What every program's --help says of the options this module reads. */
#define KZ_SETUP_HELP                                                                              \
	"  --config FILE     the hall's configuration (env KEZEK_CONFIG; default: the\n"           \
	"                    source tree's config/hall.ini when run from its build tree,\n"        \
	"                    else " KZ_CONFIG_ETC ")\n"                                            \
	"  --data-dir DIR    Kezek's fonts, translations, holidays and directories\n"              \
	"                    (env KEZEK_DATA_DIR; default: the one built in)\n"

struct kz_setup {
	char config[KZ_PATH_LEN]; /* the configuration file chosen */
	const char *config_from;  /* "--config", "KEZEK_CONFIG", "the build tree", KZ_CONFIG_ETC */
	char data_dir[KZ_PATH_LEN]; /* the data directory chosen */
	const char *data_from;      /* "--data-dir", "KEZEK_DATA_DIR", "built in" */
};

/* "PROGRAM VERSION", such as "kezek-kiosk 0.1": the line --version prints. */
void kz_setup_version(const char *program, char *out, size_t len);

/* Choose the configuration file (config_opt is --config, NULL or "" if not
 * given) into s.  KZ_ECONFIG naming what was looked for and what to do when
 * none of them is there. */
int kz_setup_find_config(struct kz_setup *s, const char *config_opt, char *err);

/* Choose the data directory (data_opt is --data-dir, NULL or "" if not given). */
void kz_setup_find_data(struct kz_setup *s, const char *data_opt);

/* Both, then load the configuration into cfg with the holiday data and the
 * office directories it does not name taken from the data directory.
 * KZ_ECONFIG (or kz_config_load's code) with a message. */
int kz_setup_load(struct kz_setup *s, const char *config_opt, const char *data_opt,
	struct kz_config *cfg, char *err);

/* A word setup puts into a message or a field (what a folder holds, where
 * the configuration or data was found: "fonts", "built in", "the build
 * tree"), in the staff's words (kz_err_format) if it is one of setup's
 * own; an option, a variable or a path as typed. */
const char *kz_setup_word(const char *word);

/* The data directory's rel ("assets/fonts", "po") into out (len bytes).
 * KZ_ECONFIG, saying what is missing (what: "fonts") and where the data
 * directory came from, if it is not there. */
int kz_setup_data(const struct kz_setup *s, const char *rel, const char *what, char *out,
	size_t len, char *err);

/* The compiled translations' folder (locale/LANG/LC_MESSAGES/kezek.mo)
 * into out: locale/ of the data directory, else, when the data directory
 * is the source tree this program was built from, the build tree's
 * locale/.  KZ_ECONFIG as kz_setup_data. */
int kz_setup_locale(const struct kz_setup *s, char *out, size_t len, char *err);

/* Load the translations (kz_setup_locale) into *out and make
 * them the process's (kz_i18n_use): what the documents and the kezek
 * command say.  Free with kz_i18n_use(NULL) then kz_i18n_free.
 * KZ_ECONFIG naming the catalogue, or what is missing, on failure. */
int kz_setup_translations(const struct kz_setup *s, struct kz_i18n **out, char *err);

/* arg as a message may quote it: one line, its control characters shown
 * escaped ("A\\nB"); out holds KZ_ERR_LEN bytes.  Returns out. */
const char *kz_setup_shown(const char *arg, char *out);

#endif
