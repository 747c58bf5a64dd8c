/* screen-ballot.c - before the feedback questions: the number of the
 * visitor's ticket, typed on a keypad (the hall's letters, the digits),
 * then its check code printed on the ticket (the number alone is on the
 * board for everyone to see), so that each ticket served today rates the
 * service once.  The answers are kept apart from the number
 * (queue/feedback.h). */
#include <stdio.h>
#include <string.h>

#include "screens.h"

static const char *const digit_keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "erase",
	"0", "ok"};

#define LETTERS_PER_ROW 6

/* Why the number typed may not rate, in the visitor's language; NULL if it may. */
static const char *
refusal(struct kz_kiosk *k, char *out, size_t len)
{
	char example[KZ_CODE_LEN + 8];

	switch (k->ballot_note) {
	case KZ_BALLOT_NOTE_INCOMPLETE:
		snprintf(example, sizeof example, "%s-015",
			k->opt.cfg->nservices > 0 ? k->opt.cfg->services[0].prefix : "A");
		snprintf(out, len,
			T("Type the letter and the digits of your ticket, for example %s."),
			example);
		return out;
	case KZ_BALLOT_NOTE_UNKNOWN:
		snprintf(out, len,
			T("There was no ticket %s today. Please check the number on your ticket."),
			k->ballot);
		return out;
	case KZ_BALLOT_NOTE_NOT_SERVED:
		snprintf(out, len,
			T("Ticket %s has not been served yet. Please rate the service after your "
			  "visit to the counter."),
			k->ballot);
		return out;
	case KZ_BALLOT_NOTE_WRONG_CODE:
		snprintf(out, len,
			T("This is not the rating code of ticket %s. Please check the four digits "
			  "at the bottom of your ticket."),
			k->ballot);
		return out;
	case KZ_BALLOT_NOTE_CODE_SHORT:
		snprintf(out, len, "%s",
			T("The rating code has four digits; it is printed at the bottom of your "
			  "ticket."));
		return out;
	case KZ_BALLOT_NOTE_WAIT:
		snprintf(out, len, "%s", T("Too many wrong codes. Please try again in a minute."));
		return out;
	case KZ_BALLOT_NOTE_CAST:
		snprintf(out, len,
			T("The service has already been rated with ticket %s. Each ticket rates "
			  "once."),
			k->ballot);
		return out;
	default:
		return NULL;
	}
}

/* The letters of the hall's services, then the digits, Erase and OK. */
static void
keypad(struct kz_kiosk *k, struct kz_scene *s, struct kz_box pad, int gap)
{
	int n = k->opt.cfg->nservices > 1 ? k->opt.cfg->nservices : 0;
	int letter_rows = (n + LETTERS_PER_ROW - 1) / LETTERS_PER_ROW, rows = letter_rows + 4;
	int row_h = (pad.h - (rows - 1) * gap) / rows;
	struct kz_box letters = {pad.x, pad.y, pad.w, letter_rows * (row_h + gap) - gap},
		      digits = {pad.x, pad.y + letter_rows * (row_h + gap), pad.w,
			      pad.h - letter_rows * (row_h + gap)};

	for (int i = 0; i < n; i++) {
		const char *prefix = k->opt.cfg->services[i].prefix;
		int cols = n < LETTERS_PER_ROW ? n : LETTERS_PER_ROW;
		char name[24];
		snprintf(name, sizeof name, "key.p.%d", i);
		kz_button(s, name, kz_grid(letters, letter_rows, cols, gap, i),
			strcmp(prefix, k->ballot_prefix) == 0 ? KZ_BUTTON_CHOSEN
							      : KZ_BUTTON_SECONDARY,
			"", prefix);
	}
	for (int i = 0; i < 12; i++) {
		char name[16];
		const char *label = digit_keys[i];
		snprintf(name, sizeof name, "key.%s", digit_keys[i]);
		if (strcmp(digit_keys[i], "erase") == 0)
			label = T("Erase");
		else if (strcmp(digit_keys[i], "ok") == 0)
			label = T("OK");
		kz_button(s, name, kz_grid(digits, 4, 3, gap, i),
			i == 11 ? KZ_BUTTON_PRIMARY : KZ_BUTTON_SECONDARY,
			i == 9 || i == 11 ? k->lang : "", label);
	}
}

/* What the visitor types now, and what the field shows of it: the
 * number ("A-0__"), or once it may vote, its check code ("48__"). */
static const char *
asking(struct kz_kiosk *k, char *how, size_t how_len, char *typed, size_t typed_len)
{
	if (!k->ballot_asking_code) {
		snprintf(how, how_len, "%s",
			T("Type the number of your ticket. Each ticket served today rates the "
			  "service once; your answers are not linked to it."));
		snprintf(typed, typed_len, "%s-%s", k->ballot_prefix[0] ? k->ballot_prefix : "_",
			k->ballot_digits[0] ? k->ballot_digits : "___");
		return typed;
	}
	snprintf(how, how_len,
		T("Ticket %s. Now type the rating code printed at the bottom of your ticket: "
		  "four digits."),
		k->ballot);
	snprintf(typed, typed_len, "%s%.*s", k->ballot_code,
		(int)(KZ_BALLOT_CODE_LEN - 1 - strlen(k->ballot_code)), "____");
	return typed;
}

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;
	struct kz_box body, left, right, field;
	char typed[KZ_BALLOT_NUMBER_LEN + 8], why[512], how[512];
	int u, y;

	kz_frame(k, s, NULL, "", &lay);
	u = lay.u;
	body = kz_frame_title(k, s, &lay, lay.body, T("Rate our service"));
	kz_frame_split(&lay, body, 42, 48, &left, &right);
	y = left.y;
	asking(k, how, sizeof how, typed, sizeof typed);
	kz_scene_para(s, "how", left.x, y, left.w, 4 * lay.line, lay.line, kz_ink, KZ_FONT_REGULAR,
		KZ_ALIGN_LEFT, k->lang, "%s", how);
	y += 4 * lay.line + lay.gap;
	field = (struct kz_box){left.x, y, left.w, 14 * u};
	kz_scene_rect(s, "field.box", field.x, field.y, field.w, field.h, kz_pale);
	kz_scene_text(s, "field", field.x, field.y + u, field.w, field.h - 2 * u, kz_ink,
		KZ_FONT_BOLD, KZ_ALIGN_CENTER, "", "%s", typed);
	y += field.h + lay.gap;
	if (refusal(k, why, sizeof why) != NULL)
		kz_frame_panel(k, s, "refusal",
			(struct kz_box){left.x, y, left.w, left.y + left.h - y}, lay.line, kz_amber,
			kz_ink, why);
	else
		kz_kiosk_notice(k, s, (struct kz_box){left.x, y, left.w, left.y + left.h - y},
			lay.line);
	keypad(k, s, right, lay.gap);
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	if (strncmp(button, "key.", 4) == 0)
		kz_kiosk_ballot_key(k, button + 4);
}

const struct kz_screen_def kz_screen_ballot = {"ballot", "open", build, tap};
