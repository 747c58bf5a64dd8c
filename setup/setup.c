/*
 * setup.c - the configuration and data directory lookup every program
 * shares (see setup.h).  KZ_SETUP_SOURCE_DIR, KZ_SETUP_BINARY_DIR,
 * KZ_SETUP_DATA_DIR and KZ_SETUP_VERSION come from the build.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "queue/error.h"
#include "setup.h"

#ifndef KZ_SETUP_VERSION
#error "KZ_SETUP_VERSION must be set by the build"
#endif

void
kz_setup_version(const char *program, char *out, size_t len)
{
	snprintf(out, len, "%s %s", program, KZ_SETUP_VERSION);
}

static int
exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* The program runs from the build tree it was built in: then the source
 * tree it was built from is the hall to show. */
static int
from_build_tree(void)
{
	char exe[PATH_MAX], build[PATH_MAX];
	size_t n;

	if (realpath("/proc/self/exe", exe) == NULL || realpath(KZ_SETUP_BINARY_DIR, build) == NULL)
		return 0;
	n = strlen(build);
	return strncmp(exe, build, n) == 0 && exe[n] == '/';
}

static int
choose(char *out, const char *path)
{
	return snprintf(out, KZ_PATH_LEN, "%s", path) >= KZ_PATH_LEN ? -1 : 0;
}

int
kz_setup_find_config(struct kz_setup *s, const char *config_opt, char *err)
{
	const char *env = getenv(KZ_CONFIG_ENV);

	if (config_opt != NULL && config_opt[0] != '\0') {
		s->config_from = "--config";
		if (choose(s->config, config_opt) < 0)
			return kz_err(err, KZ_ECONFIG, N_("--config '%s' is too long"), config_opt);
		return KZ_OK;
	}
	if (env != NULL && env[0] != '\0') {
		s->config_from = KZ_CONFIG_ENV;
		if (choose(s->config, env) < 0)
			return kz_err(err, KZ_ECONFIG, N_("KEZEK_CONFIG '%s' is too long"), env);
		return KZ_OK;
	}
	if (from_build_tree()) {
		s->config_from = "the build tree";
		choose(s->config, KZ_SETUP_SOURCE_DIR "/config/hall.ini");
		return KZ_OK;
	}
	s->config_from = KZ_CONFIG_ETC;
	choose(s->config, KZ_CONFIG_ETC);
	if (!exists(KZ_CONFIG_ETC))
		return kz_err(err, KZ_ECONFIG,
			N_("no configuration: none given with --config FILE or KEZEK_CONFIG, "
			   "and no %s; name one, or install one there "
			   "(config/hall.ini of the source is a model)"),
			KZ_CONFIG_ETC);
	return KZ_OK;
}

void
kz_setup_find_data(struct kz_setup *s, const char *data_opt)
{
	const char *env = getenv(KZ_DATA_DIR_ENV);

	if (data_opt != NULL && data_opt[0] != '\0') {
		s->data_from = "--data-dir";
		snprintf(s->data_dir, sizeof s->data_dir, "%s", data_opt);
	} else if (env != NULL && env[0] != '\0') {
		s->data_from = KZ_DATA_DIR_ENV;
		snprintf(s->data_dir, sizeof s->data_dir, "%s", env);
	} else {
		s->data_from = "built in";
		snprintf(s->data_dir, sizeof s->data_dir, "%s", KZ_SETUP_DATA_DIR);
	}
}

const char *
kz_setup_word(const char *word)
{
	static const char *const words[] = {N_("fonts"), N_("translations"), N_("built in"),
		N_("the build tree")};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(word, words[i]) == 0)
			return kz_err_format(words[i]);
	return word;
}

int
kz_setup_data(const struct kz_setup *s, const char *rel, const char *what, char *out, size_t len,
	char *err)
{
	if ((size_t)snprintf(out, len, "%s/%s", s->data_dir, rel) >= len)
		return kz_err(err, KZ_ECONFIG, N_("the data directory '%s' has too long a name"),
			s->data_dir);
	if (!exists(out))
		return kz_err(err, KZ_ECONFIG,
			N_("no %s at '%s': the data directory '%s' (%s) lacks %s; "
			   "name Kezek's data directory with --data-dir DIR or KEZEK_DATA_DIR"),
			kz_setup_word(what), out, s->data_dir, kz_setup_word(s->data_from), rel);
	return KZ_OK;
}

int
kz_setup_locale(const struct kz_setup *s, char *out, size_t len, char *err)
{
	int rc = kz_setup_data(s, "locale", "translations", out, len, err);

	/* The source tree has the catalogues' sources; its build compiles them. */
	if (rc != KZ_OK && strcmp(s->data_dir, KZ_SETUP_SOURCE_DIR) == 0 &&
		exists(KZ_SETUP_BINARY_DIR "/locale") &&
		(size_t)snprintf(out, len, "%s", KZ_SETUP_BINARY_DIR "/locale") < len)
		return KZ_OK;
	return rc;
}

int
kz_setup_translations(const struct kz_setup *s, struct kz_i18n **out, char *err)
{
	char dir[KZ_PATH_LEN + 8];
	int rc;

	*out = NULL;
	if ((rc = kz_setup_locale(s, dir, sizeof dir, err)) != KZ_OK ||
		(rc = kz_i18n_load(dir, out, err)) != KZ_OK)
		return rc;
	kz_i18n_use(*out);
	return KZ_OK;
}

int
kz_setup_load(struct kz_setup *s, const char *config_opt, const char *data_opt,
	struct kz_config *cfg, char *err)
{
	int rc;

	kz_setup_find_data(s, data_opt);
	if ((rc = kz_setup_find_config(s, config_opt, err)) != KZ_OK ||
		(rc = kz_config_load(s->config, cfg, err)) != KZ_OK)
		return rc;
	return kz_config_use_data_dir(cfg, s->data_dir, err);
}

const char *
kz_setup_shown(const char *arg, char *out)
{
	kz_err(out, 0, "%s", arg ? arg : "");
	return out;
}
