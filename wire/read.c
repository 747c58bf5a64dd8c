/* read.c - the fields of an answer, checked; see read.h. */
#include <string.h>

#include "queue/error.h"
#include "read.h"

int
kz_wire_text(const json_t *o, const char *key, char *out, size_t len, char *err)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_string(v) || json_string_length(v) >= len)
		return kz_err(err, KZ_EINVAL,
			"the answer has no text '%s' (or a too long one); are the hall server "
			"and this device of one version?",
			key);
	memcpy(out, json_string_value(v), json_string_length(v) + 1);
	return KZ_OK;
}

int
kz_wire_int64(const json_t *o, const char *key, int64_t *out, char *err)
{
	const json_t *v = json_object_get(o, key);

	if (json_is_boolean(v)) {
		*out = json_is_true(v);
		return KZ_OK;
	}
	if (!json_is_integer(v))
		return kz_err(err, KZ_EINVAL,
			"the answer has no number '%s'; are the hall server and this device "
			"of one version?",
			key);
	*out = json_integer_value(v);
	return KZ_OK;
}

int
kz_wire_int(const json_t *o, const char *key, int *out, char *err)
{
	int64_t v = 0;
	int rc = kz_wire_int64(o, key, &v, err);

	*out = (int)v;
	return rc;
}
