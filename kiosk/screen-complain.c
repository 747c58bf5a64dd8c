/* screen-complain.c - how to complain (p.20-25): about the result to the
 * akimat's responsible official, about the service to the head of the
 * akimat's apparatus (App. 5 of this office); how; the 15/30-day terms;
 * help at this office (p.20); the court (p.23). */
#include <stdio.h>
#include <string.h>

#include "screens.h"

/* The App. 5 body of this office in the visitor's language. */
static void
akimat(struct kz_kiosk *k, const char **name, const char **address, const char **official)
{
	const struct kz_office_kk *kk = &k->opt.cfg->office_kk;
	const struct kz_office_entry *a = k->akimat;

	if (strcmp(k->lang, "kk") == 0) {
		*name = kk->akimat_name, *address = kk->akimat_address;
		*official = kk->akimat_official;
	} else {
		*name = a ? a->name : "", *address = a ? a->address : "";
		*official = a ? a->official : "";
	}
}

static void
where(struct kz_kiosk *k, char *out, size_t len)
{
	const char *name, *address, *official;
	const struct kz_office_entry *a = k->akimat;

	akimat(k, &name, &address, &official);
	out[0] = '\0';
	if (a != NULL)
		kz_kiosk_contacts(k, name, address, official, a->phones, a->emails, out, len);
}

static void
how(struct kz_kiosk *k, char *out, size_t len)
{
	const char *phones = k->office ? k->office->phones : "";
	char help[256] = "";

	if (phones[0])
		snprintf(help, sizeof help,
			T("Help with writing a complaint: the responsible "
			  "official of this office, phone %s."),
			phones);
	snprintf(out, len, "%s\n%s\n%s\n%s\n%s\n%s",
		T("About the result: write to the responsible official of the akimat below."),
		T("About incorrect service: write to the head of the akimat's apparatus, at the same "
		  "address."),
		T("In writing: by post, by e-mail or in person. You get a talon with the date and "
		  "time, who took the complaint, and when and where the answer is given."),
		T("The answer comes within 15 calendar days, or 30 if more information must be "
		  "gathered."),
		help, T("If you disagree with the result, you may also go to court."));
}

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;
	struct kz_box body, left, right;
	char text[2048], body5[1200];

	kz_frame(k, s, NULL, "", &lay);
	body = kz_frame_title(k, s, &lay, lay.body, T("How to complain"));
	how(k, text, sizeof text);
	where(k, body5, sizeof body5);
	kz_frame_split(&lay, body, 64, 56, &left, &right);
	kz_frame_panel(k, s, "how", left, lay.line, kz_pale, kz_ink, text);
	kz_frame_panel(k, s, "akimat", right, lay.line, kz_navy, kz_white, body5);
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	(void)k;
	(void)button;
}

const struct kz_screen_def kz_screen_complain = {"complain", "open", build, tap};
