/* transport.c - the table of transports, and what the ESC/POS ones share:
 * the status dialogue, sending with its confirmation, and reading the
 * answers as a printer state; see transport.h. */
#include <stdio.h>
#include <string.h>

#include "printer/deadline.h"
#include "transport.h"

static const struct kz_transport_ops *const table[KZ_TRANSPORT_COUNT] = {
	[KZ_TRANSPORT_TCP] = &kz_transport_tcp,
	[KZ_TRANSPORT_DEVICE] = &kz_transport_device,
	[KZ_TRANSPORT_USB] = &kz_transport_usb,
	[KZ_TRANSPORT_CUPS] = &kz_transport_cups,
	[KZ_TRANSPORT_FOLDER] = &kz_transport_folder,
	[KZ_TRANSPORT_CUPS_RAW] = &kz_transport_cups_raw,
};

const struct kz_transport_ops *
kz_transport_find(enum kz_transport_kind kind)
{
	if (kind <= KZ_TRANSPORT_NONE || kind >= KZ_TRANSPORT_COUNT)
		return NULL;
	return table[kind];
}

int
kz_transport_status(const struct kz_transport_ops *ops, void *state, struct kz_printer_state *st,
	int timeout_ms, char *err)
{
	static const int asked[] = {KZ_STATUS_PRINTER, KZ_STATUS_OFFLINE, KZ_STATUS_PAPER,
		KZ_STATUS_ERROR};
	char where[320];
	long long deadline = kz_deadline_now() + timeout_ms;
	uint8_t req[3], b;
	int rc;

	if (state == NULL || st == NULL || timeout_ms < 0)
		return kz_err(err, KZ_EINVAL, "no printer connection or a negative timeout");
	memset(st, 0, sizeof *st);
	if (ops->status_begin == NULL || ops->read_byte == NULL)
		return kz_err(err, KZ_EDEVICE, "a %s printer gives no status", ops->name);
	if ((rc = ops->status_begin(state, where, sizeof where, err)) != KZ_OK)
		return rc;
	for (size_t i = 0; i < sizeof asked / sizeof asked[0]; i++) {
		/* which error it is only when there is one: most printers are fine */
		if (asked[i] == KZ_STATUS_ERROR && !st->error)
			break;
		kz_escpos_status_request(asked[i], req);
		if ((rc = ops->send_by(state, req, sizeof req, deadline, timeout_ms, err)) !=
				KZ_OK ||
			(rc = ops->read_byte(state, asked[i], &b, deadline, timeout_ms, err)) !=
				KZ_OK)
			return rc;
		if (kz_escpos_status_parse(asked[i], b, st) != KZ_OK)
			return kz_err(err, KZ_EDEVICE,
				"the printer %s answered 0x%02X to status request DLE EOT %d, "
				"which is no status byte; is it an ESC/POS printer?",
				where, b, asked[i]);
	}
	return KZ_OK;
}

int
kz_transport_send(const struct kz_transport_ops *ops, void *state, const struct kz_printout *p,
	int confirm, int timeout_ms, enum kz_unsent *unsent, char *err)
{
	struct kz_printer_state st;
	enum kz_unsent dummy;
	int rc;

	if (unsent == NULL)
		unsent = &dummy;
	*unsent = KZ_UNSENT_RETRY;
	if (ops->deliver != NULL)
		return ops->deliver(state, p, timeout_ms, unsent, err);
	rc = ops->write(state, p->data, p->len, timeout_ms, err);
	/* Bytes accepted by the network are not yet paper: a printer that
	 * answers status must answer after them too, or it did not take them.
	 * One without status is trusted with the write alone. */
	if (rc == KZ_OK && kz_transport_can_ask(ops, confirm))
		rc = kz_transport_status(ops, state, &st, timeout_ms, err);
	return rc;
}

int
kz_transport_can_ask(const struct kz_transport_ops *ops, int confirm)
{
	if (ops->health != NULL)
		return 1;
	return confirm && ops->read_byte != NULL;
}

int
kz_transport_health(const struct kz_transport_ops *ops, void *state, int timeout_ms,
	struct kz_health *h, char *err)
{
	struct kz_printer_state st;
	enum kz_printer_condition s = KZ_PRINTER_READY;
	char why[KZ_ERR_LEN];
	int rc;

	memset(h, 0, sizeof *h);
	if (ops->health != NULL)
		return ops->health(state, timeout_ms, h, err);
	if ((rc = kz_transport_status(ops, state, &st, timeout_ms, why)) != KZ_OK) {
		h->state = KZ_PRINTER_OFFLINE;
		kz_err(h->reason, 0, "no answer to a status request: %s", why);
		return kz_err(err, rc, "%s", why);
	}
	kz_escpos_state_text(&st, h->reason, sizeof h->reason);
	if (st.paper_out)
		s = KZ_PRINTER_PAPER_OUT;
	else if (st.cover_open)
		s = KZ_PRINTER_COVER_OPEN;
	else if (st.error || st.cutter_error || st.unrecoverable)
		s = KZ_PRINTER_ERROR;
	else if ((st.valid & 2) && !st.online)
		s = KZ_PRINTER_OFFLINE;
	else if (st.paper_near_end)
		s = KZ_PRINTER_PAPER_LOW;
	h->state = s;
	return KZ_OK;
}

int
kz_transport_printable(const struct kz_health *h)
{
	return h->state == KZ_PRINTER_READY || h->state == KZ_PRINTER_PAPER_LOW;
}
