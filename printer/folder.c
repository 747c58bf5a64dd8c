/* folder.c - the folder transport: each A4 printout kept as a PDF file in a
 * folder, for a hall with no office printer yet; see transport.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "a4.h"
#include "transport.h"

/* The folder is made if it is missing (0700: its files name people); one
 * that cannot be made fails at the first file, named. */
static int
folder_open(const char *address, int timeout_ms, void **state, char *err)
{
	(void)timeout_ms;
	mkdir(address, 0700);
	if ((*state = strdup(address)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory opening the folder %s", address);
	return KZ_OK;
}

static void
folder_close(void *state)
{
	free(state);
}

/* Done: the file written under a temporary name, synced and renamed, so a
 * file that is there is whole, readable by its owner only (a receipt or a
 * talon names its person; kezek purge removes it with the case).  A file
 * not written is safe to write again. */
static int
folder_deliver(void *state, const struct kz_printout *p, int timeout_ms, enum kz_unsent *unsent,
	char *err)
{
	char path[KZ_PATH_LEN + 160];

	(void)timeout_ms;
	*unsent = KZ_UNSENT_RETRY;
	snprintf(path, sizeof path, "%s/%s.pdf", (const char *)state, p->name);
	return kz_a4_save_private(path, p->data, p->len, err);
}

/* Ready while the folder can be written to. */
static int
folder_health(void *state, int timeout_ms, struct kz_health *h, char *err)
{
	const char *folder = state;

	(void)timeout_ms;
	(void)err;
	if (access(folder, W_OK) == 0) {
		h->state = KZ_PRINTER_READY;
		h->reason[0] = '\0';
	} else {
		h->state = KZ_PRINTER_OFFLINE;
		kz_err(h->reason, 0, "cannot write to the folder '%s': %s", folder,
			strerror(errno));
	}
	return KZ_OK;
}

const struct kz_transport_ops kz_transport_folder = {
	.kind = KZ_TRANSPORT_FOLDER,
	.name = "folder",
	.pdf = 1,
	.open = folder_open,
	.close = folder_close,
	.deliver = folder_deliver,
	.health = folder_health,
};
