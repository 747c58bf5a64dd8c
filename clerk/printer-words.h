/*
 * printer-words.h - a printer's state, role and transport as the staff read
 * them, in their language (kz_cli_lang): the kiosk's words for the states.
 * Scripts (KEZEK_LANG=en) read the words the database and hall.ini keep
 * (paper_out, tickets, device), as they always did.  kezek print status
 * and kezek doctor say them.
 */
#ifndef KZ_PRINTER_WORDS_H
#define KZ_PRINTER_WORDS_H

#include "queue/config.h"
#include "queue/outbox.h"

const char *kz_printer_condition_word(enum kz_printer_condition c);
const char *kz_printer_role_word(enum kz_printer_role role);
const char *kz_printer_transport_word(enum kz_transport_kind t);

#endif
