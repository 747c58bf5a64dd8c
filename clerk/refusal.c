/*
 * refusal.c - a clerk's refusals in their language: one table, the
 * operation's sentence first, then the refusal's in general; see
 * refusal.h.  The sentences are the counter page's where it has them.
 */
#include <stddef.h>
#include <string.h>

#include "kezek.h"
#include "refusal.h"

static const struct {
	const char *what; /* the operation, NULL: any */
	int rc;
	const char *msgid;
} sentences[] = {
	{"open", KZ_EREJECT,
		N("The counter cannot open: it is open already, or you are logged in at another "
		  "counter.")},
	{"pause", KZ_EREJECT,
		N("The counter cannot pause: finish the visitor first, or it is not open.")},
	{"close", KZ_EREJECT,
		N("The counter cannot close: finish the visitor first, or it is closed already.")},
	{"next", KZ_EREJECT,
		N("Cannot call the next visitor: open the counter and finish the current visitor "
		  "first.")},
	{"next", KZ_EEMPTY, N("Nobody is waiting for this counter's services.")},
	{"recall", KZ_EREJECT,
		N("Only a visitor who was called and has not come up can be called again.")},
	{"start", KZ_EREJECT, N("Service can start only for a visitor who was called.")},
	{"finish", KZ_EREJECT,
		N("Nobody is at the counter to finish, or the visitor cannot be sent there.")},
	{"finish", KZ_EINVAL, N("Choose how it ended: served, no-show, transferred or cancelled.")},
	{"finish", KZ_ENOTFOUND, N("There is no such service to transfer to.")},
	{"no_show", KZ_EREJECT,
		N("No-show only for a visitor who was called and did not come up; service has "
		  "started.")},
	{"transfer", KZ_ENOTFOUND, N("There is no such service to transfer to.")},
	{"transfer", KZ_EINVAL, N("The comment is one line of text, without special characters.")},
	{"transfer", KZ_EREJECT,
		N("Nobody is at the counter to finish, or the visitor cannot be sent there.")},
	{"postpone", KZ_EREJECT, N("Only a visitor at the counter can be postponed.")},
	{"postpone", KZ_EINVAL, N("Say why the visitor steps away, in a few words.")},
	{"return", KZ_EREJECT,
		N("This visitor cannot be called back: finish the current visitor first, or "
		  "their time ran out.")},
	{"return", KZ_ENOTFOUND, N("Choose the visitor who came back.")},
	{"ticket", KZ_ECLOSED,
		N("Tickets are not issued now: the office is closed, at lunch, or past the last "
		  "ticket of the day.")},
	{"ticket", KZ_ENOTFOUND, N("There is no such service in the hall.")},
	{"history", KZ_ENOTFOUND, N("No ticket of that number was issued that day.")},
	{"print", KZ_ENOTFOUND, N("There is no such paper, or no printer for it in the hall.")},
	{"print", KZ_EREJECT, N("This paper is not printed for that number.")},
	{"accept", KZ_EINVAL,
		N("The application was not registered: a field is missing or wrong; check each "
		  "one.")},
	{"accept", KZ_EREJECT,
		N("The application was not registered: a field is missing or wrong; check each "
		  "one.")},
	{"complaint", KZ_EINVAL,
		N("The complaint was not registered: a field is missing or wrong; check each "
		  "one.")},
	{"resume", KZ_EREJECT,
		N("The application cannot go on: it is not suspended for missing documents.")},
	{"resume", KZ_ENOTFOUND, N("There is no application of that number.")},
	{"login", KZ_ENOTFOUND, N("This counter is not in the hall.")},
	{NULL, KZ_EINVAL,
		N("The command is not written right; see its --help. Nothing was changed.")},
	{NULL, KZ_EREJECT, N("Refused: this cannot be done now. Nothing was changed.")},
	{NULL, KZ_ENOTFOUND, N("Not found: check the number or the name. Nothing was changed.")},
	{NULL, KZ_EEMPTY, N("Nobody is waiting. Nothing was changed.")},
	{NULL, KZ_ECLOSED, N("The office is closed now. Nothing was changed.")},
	{NULL, KZ_EBUSY, N("The hall's database is busy; try again in a moment.")},
};

int
kz_refusal_is(int rc)
{
	return rc == KZ_EINVAL || rc == KZ_EREJECT || rc == KZ_ENOTFOUND || rc == KZ_EEMPTY ||
		rc == KZ_ECLOSED || rc == KZ_EBUSY;
}

const char *
kz_refusal_say(const char *what, int rc)
{
	const char *general = NULL;

	for (size_t i = 0; i < sizeof sentences / sizeof sentences[0]; i++) {
		if (sentences[i].rc != rc)
			continue;
		if (sentences[i].what == NULL && general == NULL)
			general = sentences[i].msgid;
		else if (what != NULL && sentences[i].what != NULL &&
			strcmp(sentences[i].what, what) == 0)
			return T(sentences[i].msgid);
	}
	return general ? T(general)
		       : T("The hall's database failed; tell the administrator (kezek doctor).");
}
