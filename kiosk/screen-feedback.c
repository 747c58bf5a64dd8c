/* screen-feedback.c - the App. 4 questions, one at a time, one tap each:
 * quality (2.1), information (3.1), the appeal procedure (4.1),
 * politeness (5.1).  Answers are anonymous. */
#include <stdio.h>
#include <string.h>

#include "screens.h"

static const char *const questions[KZ_FB_QUESTIONS] = {
	N("Are you satisfied with the quality of the service?"),
	N("Are you satisfied with the information on how the service is given?"),
	N("Are you satisfied with the procedure for complaints?"),
	N("Were the staff polite to you?"),
};

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;
	struct kz_box body, answers;
	char count[64];
	int u, rows, q = k->fb_question < KZ_FB_QUESTIONS ? k->fb_question : KZ_FB_QUESTIONS - 1;

	kz_frame(k, s, NULL, "", &lay);
	u = lay.u;
	body = kz_frame_title(k, s, &lay, lay.body, T("Rate our service"));
	snprintf(count, sizeof count, T("Question %d of %d"), q + 1, KZ_FB_QUESTIONS);
	kz_scene_text(s, "count", body.x, body.y, body.w, 6 * u, kz_grey, KZ_FONT_REGULAR,
		KZ_ALIGN_LEFT, k->lang, "%s", count);
	kz_scene_para(s, "question", body.x, body.y + 7 * u, body.w, 20 * u, 8 * u, kz_ink,
		KZ_FONT_BOLD, KZ_ALIGN_LEFT, k->lang, "%s", T(questions[q]));
	/* side by side, or one under another on a narrow portrait screen */
	rows = lay.portrait ? 3 : 1;
	answers = (struct kz_box){body.x, body.y + 29 * u, body.w, rows == 3 ? 44 * u : 24 * u};
	kz_button(s, "yes", kz_grid(answers, rows, 4 - rows, lay.gap, 0), KZ_BUTTON_PRIMARY,
		k->lang, T("Yes"));
	kz_button(s, "no", kz_grid(answers, rows, 4 - rows, lay.gap, 1), KZ_BUTTON_PRIMARY, k->lang,
		T("No"));
	kz_button(s, "skip", kz_grid(answers, rows, 4 - rows, lay.gap, 2), KZ_BUTTON_SECONDARY,
		k->lang, T("Skip"));
	kz_kiosk_notice(k, s,
		(struct kz_box){body.x, answers.y + answers.h + lay.gap, body.w, 9 * u}, 5 * u);
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	if (strcmp(button, "yes") == 0)
		kz_kiosk_answer(k, 1);
	else if (strcmp(button, "no") == 0)
		kz_kiosk_answer(k, 0);
	else if (strcmp(button, "skip") == 0)
		kz_kiosk_answer(k, -1);
}

const struct kz_screen_def kz_screen_feedback = {"feedback", "open", build, tap};
