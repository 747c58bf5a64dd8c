/* interrupted.c - the line under a printout cut off; see interrupted.h. */
#include <string.h>

#include "doc.h"
#include "interrupted.h"
#include "queue/error.h"
#include "queue/i18n.h"

int
kz_doc_interrupted_layout(const char *lang, int width, struct kz_layout *out, char *err)
{
	int rc, s;

	if ((rc = kz_doc_check_format("the interrupted line", width, lang, err)) != KZ_OK)
		return rc;
	s = kz_doc_start(out, width);
	/* TRANSLATORS: printed under a picture whose printing was cut off */
	return kz_layout_add(out, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_CENTRE, 0, err, "%s",
		kz_tr(lang, "Printing interrupted: the document above is incomplete."));
}
