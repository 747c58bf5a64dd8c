/*
 * translations.c - every test program that links it finds the translations
 * in use, as each program loads them (setup.h): the documents print Kazakh
 * and Russian from them, the calendar names the Law's holidays by them.
 * Loaded before main from the build's locale/ and freed after it.
 */
#include <stdio.h>

#include "queue/error.h"
#include "queue/i18n.h"

static struct kz_i18n *loaded; /* what load_translations put in use */

__attribute__((constructor)) static void
load_translations(void)
{
	struct kz_i18n *tr = NULL;
	char err[KZ_ERR_LEN];

	if (kz_i18n_load(KZ_LOCALE_DIR, &tr, err) == KZ_OK)
		kz_i18n_use(tr);
	else
		fprintf(stderr, "translations: %s\n", err);
	loaded = tr;
}

/* ... and frees them at the end, whichever catalogue a test left in use. */
__attribute__((destructor)) static void
free_translations(void)
{
	if (kz_i18n_current() == loaded)
		kz_i18n_use(NULL);
	kz_i18n_free(loaded);
	loaded = NULL;
}
