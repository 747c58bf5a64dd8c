/*
 * names.c - an enum's words at the edges; see names.h.
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "names.h"

const char *
kz_name_of(const struct kz_name *t, int n, int value)
{
	for (int i = 0; i < n; i++)
		if (t[i].value == value)
			return t[i].db;
	return "?";
}

int
kz_name_from_db(const struct kz_name *t, int n, const char *s, int fallback)
{
	for (int i = 0; s != NULL && i < n; i++)
		if (strcmp(s, t[i].db) == 0)
			return t[i].value;
	return fallback;
}

int
kz_name_parse(const struct kz_name *t, int n, const char *s, int *value, const char *what,
	char *err)
{
	char words[256] = "";
	size_t len = 0;

	for (int i = 0; s != NULL && i < n; i++)
		if (strcmp(s, t[i].db) == 0 || (t[i].alias && strcmp(s, t[i].alias) == 0)) {
			*value = t[i].value;
			return KZ_OK;
		}
	for (int i = 0; i < n && len < sizeof words; i++)
		len += (size_t)snprintf(words + len, sizeof words - len, "%s%s",
			i == 0               ? ""
				: i == n - 1 ? " or "
					     : ", ",
			t[i].db);
	return kz_err(err, KZ_EINVAL, "'%s' is not %s: %s", s ? s : "", what, words);
}
