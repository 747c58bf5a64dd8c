/* screen-forms.c - blank forms (p.12): the App. 2 application printed on
 * the A4 printer in the visitor's language, blank or as a sample filled in
 * with made-up data (p.10), and the p.11 list of documents to bring, for an
 * individual or a legal entity. */
#include <stdio.h>
#include <string.h>

#include "screens.h"

static void
documents(struct kz_kiosk *k, char *out, size_t len)
{
	if (k->legal)
		snprintf(out, len, "%s\n%s\n%s\n%s\n%s\n%s",
			T("1. The application (form of Appendix 2)."),
			T("2. The certificate of state registration of the legal entity."),
			T("3. The document confirming the representative's authority."),
			T("4. A copy of the representative's identity document."),
			T("5. The act of the land plot's assessed value (Appendix 3), made by the "
			  "state land cadastre enterprise."),
			T("6. A copy of the commission's positive conclusion on the right to the land "
			  "plot."));
	else
		snprintf(out, len, "%s\n%s\n%s\n%s\n\n%s",
			T("1. The application (form of Appendix 2)."),
			T("2. A copy of your identity document, or a copy of the power of attorney and "
			  "of the proxy's identity document."),
			T("3. The act of the land plot's assessed value (Appendix 3), made by the "
			  "state land cadastre enterprise."),
			T("4. A copy of the commission's positive conclusion on the right to the land "
			  "plot."),
			T("Bring the originals of copied documents: they are checked and returned."));
}

/* The blank form and, below it, the sample filled in (p.10), then the
 * notice where there is room. */
static void
print_buttons(struct kz_kiosk *k, struct kz_scene *s, struct kz_box act, int u, int gap)
{
	int h = (act.h - gap) / 2 < 18 * u ? (act.h - gap) / 2 : 18 * u;

	kz_button(s, "print", (struct kz_box){act.x, act.y, act.w, h}, KZ_BUTTON_PRIMARY, k->lang,
		T("Print a blank form"));
	kz_button(s, "sample", (struct kz_box){act.x, act.y + h + gap, act.w, h},
		KZ_BUTTON_SECONDARY, k->lang, T("Print a sample filled in"));
	if (act.h >= 2 * (h + gap) + 12 * u)
		kz_kiosk_notice(k, s, (struct kz_box){act.x, act.y + 2 * (h + gap), act.w, 12 * u},
			5 * u);
}

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;
	struct kz_box body, tabs, list, act;
	char text[2048];
	const char *result;
	int u;

	kz_frame(k, s, NULL, "", &lay);
	u = lay.u;
	body = kz_frame_title(k, s, &lay, lay.body, T("Documents to bring"));
	tabs = (struct kz_box){body.x, body.y, body.w, 11 * u};
	kz_button(s, "individual", kz_grid(tabs, 1, 2, lay.gap, 0),
		k->legal ? KZ_BUTTON_SECONDARY : KZ_BUTTON_CHOSEN, k->lang, T("Individual"));
	kz_button(s, "legal", kz_grid(tabs, 1, 2, lay.gap, 1),
		k->legal ? KZ_BUTTON_CHOSEN : KZ_BUTTON_SECONDARY, k->lang, T("Legal entity"));
	body.y += tabs.h + lay.gap;
	body.h -= tabs.h + lay.gap;
	documents(k, text, sizeof text);
	kz_frame_split(&lay, body, 62, 60, &list, &act);
	kz_frame_panel(k, s, "documents", list, lay.line, kz_pale, kz_ink, text);
	if (k->opt.conf->forms_printer[0] == '\0') {
		kz_frame_panel(k, s, "form", act, lay.line, kz_navy, kz_white,
			T("Blank application forms are given out by the staff at the counters."));
		return;
	}
	if (k->form_printed != 0) {
		result = k->form_printed < 0 ? T("Sorry, the form could not be printed. Please "
						 "ask for a blank form at a counter.")
			: k->form_sample ? T("The sample filled-in form is being printed. Take it "
					     "from the printer beside the kiosk.")
					 : T("The blank form is being printed. Take it from the "
					     "printer beside the kiosk.");
		kz_frame_panel(k, s, "form", act, lay.line, k->form_printed > 0 ? kz_green : kz_red,
			kz_white, result);
		return;
	}
	print_buttons(k, s, act, u, lay.gap);
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	if (strcmp(button, "individual") == 0)
		k->legal = 0;
	else if (strcmp(button, "legal") == 0)
		k->legal = 1;
	else if (strcmp(button, "print") == 0 || strcmp(button, "sample") == 0) {
		k->form_sample = strcmp(button, "sample") == 0;
		kz_kiosk_print_form(k);
	}
}

const struct kz_screen_def kz_screen_forms = {"forms", "open", build, tap};
