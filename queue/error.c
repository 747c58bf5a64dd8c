/* error.c - formatting of error messages; see error.h. */
#include <stdarg.h>
#include <stdio.h>

#include "error.h"

int
kz_err(char *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	va_start(ap, fmt);
	vsnprintf(err, KZ_ERR_LEN, fmt, ap);
	va_end(ap);
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
