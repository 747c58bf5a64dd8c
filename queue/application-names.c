/*
 * application-names.c - the words of an application's kind, state and
 * hand-over, converted in one place: the database's, and the command
 * line's other spelling.  Used by intake (application.c) and the lists
 * (application-list.c) alike; see application.h.
 */
#include "application.h"
#include "error.h"
#include "names.h"
#include "sql.h"

/* The words of an application's kind, state and hand-over: the
 * database's, and the command line's other spelling. */
static const struct kz_name kinds[] = {
	{KZ_APP_INDIVIDUAL, "individual", NULL},
	{KZ_APP_LEGAL, "legal", NULL},
};
static const struct kz_name states[] = {
	{KZ_APP_REGISTERED, "registered", NULL},
	{KZ_APP_REFUSED, "refused", NULL},
	{KZ_APP_APPROVED, "approved", NULL},
	{KZ_APP_REJECTED, "rejected", NULL},
	{KZ_APP_DEEMED_APPROVED, "deemed_approved", "deemed"},
	{KZ_APP_SUSPENDED, "suspended", NULL},
};
static const struct kz_name handed[] = {
	{KZ_HANDED_APPLICANT, "applicant", NULL},
	{KZ_HANDED_PROXY, "proxy", NULL},
};

const char *
kz_app_kind_name(enum kz_app_kind k)
{
	return kz_name_of(KZ_NAMES(kinds), (int)k);
}

const char *
kz_app_state_name(enum kz_app_state s)
{
	return kz_name_of(KZ_NAMES(states), (int)s);
}

const char *
kz_app_handed_name(enum kz_app_handed h)
{
	return h == KZ_HANDED_NONE ? "" : kz_name_of(KZ_NAMES(handed), (int)h);
}

int
kz_app_kind_parse(const char *s, enum kz_app_kind *out, char *err)
{
	int v;
	int rc = kz_name_parse(KZ_NAMES(kinds), s, &v, "a kind of applicant", err);

	if (rc == KZ_OK)
		*out = (enum kz_app_kind)v;
	return rc;
}

int
kz_app_handed_parse(const char *s, enum kz_app_handed *out, char *err)
{
	int v;
	int rc = kz_name_parse(KZ_NAMES(handed), s, &v, "who collects a result", err);

	if (rc == KZ_OK)
		*out = (enum kz_app_handed)v;
	return rc;
}

int
kz_app_state_parse(const char *s, enum kz_app_state *out, char *err)
{
	int v;

	if (kz_name_parse(KZ_NAMES(states), s, &v, "a state", NULL) != KZ_OK)
		return kz_err(err, KZ_EINVAL,
			"'%.40s' is not a state of an application; the states are registered, "
			"suspended, refused, approved, rejected, deemed_approved",
			s ? s : "");
	*out = (enum kz_app_state)v;
	return KZ_OK;
}

enum kz_app_kind
kz_app_kind_from_db(const char *s)
{
	return (enum kz_app_kind)kz_name_from_db(KZ_NAMES(kinds), s, KZ_APP_INDIVIDUAL);
}

enum kz_app_state
kz_app_state_from_db(const char *s)
{
	return (enum kz_app_state)kz_name_from_db(KZ_NAMES(states), s, KZ_APP_REGISTERED);
}

enum kz_app_handed
kz_app_handed_from_db(const char *s)
{
	return (enum kz_app_handed)kz_name_from_db(KZ_NAMES(handed), s, KZ_HANDED_NONE);
}
