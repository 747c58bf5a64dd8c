/* error.c - formatting of error messages; see error.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "utf8.h"

static const char *(*translator)(const char *fmt);

void
kz_err_translate_with(const char *(*translate)(const char *fmt))
{
	translator = translate;
}

const char *
kz_err_format(const char *fmt)
{
	return translator != NULL ? translator(fmt) : fmt;
}

int
kz_err(char *err, int code, const char *fmt, ...)
{
	char raw[KZ_ERR_LEN];
	size_t o = 0;
	va_list ap;

	if (err == NULL)
		return code;
	/* formatted apart: err may be one of the arguments */
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, kz_err_format(fmt), ap);
	va_end(ap);
	/* One line, nothing a terminal would act on: control characters that
	 * came in with a user's argument are shown escaped. */
	for (const char *s = raw; *s != '\0' && o < KZ_ERR_LEN - 1; s++) {
		unsigned char c = (unsigned char)*s;
		char esc[5];
		size_t n;

		if (c >= 0x20 && c != 0x7F) {
			err[o++] = (char)c;
			continue;
		}
		if (c == '\n' || c == '\t' || c == '\r')
			n = (size_t)snprintf(esc, sizeof esc, "\\%c",
				c == '\n'           ? 'n'
					: c == '\t' ? 't'
						    : 'r');
		else
			n = (size_t)snprintf(esc, sizeof esc, "\\x%02X", c);
		if (o + n > KZ_ERR_LEN - 1)
			break;
		memcpy(err + o, esc, n);
		o += n;
	}
	err[o] = '\0';
	kz_utf8_mend(err); /* a letter cut by "%.40s" or by the length: dropped */
	return code;
}

const char *
kz_err_name(int code)
{
	switch (code) {
	case KZ_OK:
		return "ok";
	case KZ_EINVAL:
		return "invalid value";
	case KZ_EREJECT:
		return "rejected";
	case KZ_ENOTFOUND:
		return "not found";
	case KZ_EEMPTY:
		return "nothing to do";
	case KZ_EDB:
		return "database error";
	case KZ_EBUSY:
		return "database busy";
	case KZ_ECONFIG:
		return "configuration error";
	case KZ_ENOMEM:
		return "out of memory";
	case KZ_ECLOSED:
		return "office closed";
	case KZ_EDEVICE:
		return "device error";
	}
	return "unknown error";
}
