/*
 * printer-words.c - a printer's state, role and transport as the staff
 * read them (printer-words.h).
 */
#include <string.h>

#include "kezek.h"
#include "printer-words.h"

const char *
kz_printer_condition_word(enum kz_printer_condition c)
{
	if (strcmp(kz_cli_lang(), "en") == 0)
		return kz_printer_condition_name(c);
	return T(kz_printer_condition_said(c));
}

const char *
kz_printer_role_word(enum kz_printer_role role)
{
	if (strcmp(kz_cli_lang(), "en") == 0)
		return kz_config_role_name(role);
	switch (role) {
	case KZ_ROLE_TICKETS:
		return T("tickets");
	case KZ_ROLE_RECEIPTS:
		return T("receipts");
	case KZ_ROLE_A4:
		return T("A4 pages");
	default:
		return kz_config_role_name(role);
	}
}

const char *
kz_printer_transport_word(enum kz_transport_kind t)
{
	static const char *const words[KZ_TRANSPORT_COUNT] = {
		[KZ_TRANSPORT_TCP] = N("network (TCP)"),
		[KZ_TRANSPORT_DEVICE] = N("device file"),
		[KZ_TRANSPORT_USB] = N("USB"),
		[KZ_TRANSPORT_CUPS] = N("through CUPS"),
		[KZ_TRANSPORT_FOLDER] = N("folder"),
		[KZ_TRANSPORT_CUPS_RAW] = N("through CUPS, raw"),
	};

	if (strcmp(kz_cli_lang(), "en") == 0 || (unsigned)t >= KZ_TRANSPORT_COUNT ||
		words[t] == NULL)
		return kz_config_transport_name(t);
	return T(words[t]);
}
