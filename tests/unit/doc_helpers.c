/* doc_helpers.c - what the document tests share; see doc_helpers.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc_helpers.h"
#include "printer/preview.h"
#include "queue/error.h"

char *
test_run(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	size_t len = 0, cap = 4096, n;
	char *out = malloc(cap);

	assert_non_null(f);
	assert_non_null(out);
	while ((n = fread(out + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 2) {
			out = realloc(out, cap *= 2);
			assert_non_null(out);
		}
	}
	out[len] = '\0';
	if (pclose(f) != 0)
		fail_msg("'%s' failed", cmd);
	return out;
}

char *
test_collapse(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	int space = 0;

	assert_non_null(out);
	while (*s) {
		int nbsp = (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0;
		if (nbsp || *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' || *s == '\f') {
			space = o != out;
			s += nbsp ? 2 : 1;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *s++;
	}
	*o = '\0';
	return out;
}

void
test_save_png(const struct kz_bitmap *b, const char *name)
{
	char path[1024], err[KZ_ERR_LEN];

	snprintf(path, sizeof path, "%s/%s", KZ_SCREENS_DIR, name);
	if (kz_bitmap_png(b, path, err) != KZ_OK)
		fail_msg("%s", err);
}
