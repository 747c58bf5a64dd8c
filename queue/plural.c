/* plural.c - evaluating a Plural-Forms expression; see plural.h.  The
 * grammar is gettext's: C's ?:, ||, &&, ==, !=, <, >, <=, >=, +, -, *, /,
 * %, !, parentheses, decimal numbers and n.  Evaluated while parsed: the
 * expressions are a few dozen bytes. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plural.h"
#include "error.h"

struct eval {
	const char *p;
	unsigned long n;
	int bad; /* a syntax error or division by zero */
};

static unsigned long ternary(struct eval *e);

static void
skip_space(struct eval *e)
{
	while (*e->p == ' ' || *e->p == '\t')
		e->p++;
}

/* Consume tok if it comes next (and not as the start of a longer one). */
static int
take(struct eval *e, const char *tok)
{
	size_t n = strlen(tok);

	skip_space(e);
	if (strncmp(e->p, tok, n) != 0)
		return 0;
	if (n == 1 && strchr("<>!=", tok[0]) && e->p[1] == '=')
		return 0;
	e->p += n;
	return 1;
}

static unsigned long
primary(struct eval *e)
{
	unsigned long v;
	char *end;

	skip_space(e);
	if (take(e, "!"))
		return !primary(e);
	if (take(e, "(")) {
		v = ternary(e);
		if (!take(e, ")"))
			e->bad = 1;
		return v;
	}
	if (*e->p == 'n' && !isalnum((unsigned char)e->p[1])) {
		e->p++;
		return e->n;
	}
	if (!isdigit((unsigned char)*e->p)) {
		e->bad = 1;
		return 0;
	}
	v = strtoul(e->p, &end, 10);
	e->p = end;
	return v;
}

static unsigned long
product(struct eval *e)
{
	unsigned long v = primary(e), r;

	for (;;) {
		int op = take(e, "*") ? '*' : take(e, "/") ? '/' : take(e, "%") ? '%' : 0;
		if (op == 0)
			return v;
		r = primary(e);
		if (op != '*' && r == 0) {
			e->bad = 1;
			return 0;
		}
		v = op == '*' ? v * r : op == '/' ? v / r : v % r;
	}
}

static unsigned long
sum(struct eval *e)
{
	unsigned long v = product(e);

	for (;;) {
		if (take(e, "+"))
			v += product(e);
		else if (take(e, "-"))
			v -= product(e);
		else
			return v;
	}
}

static unsigned long
relation(struct eval *e)
{
	unsigned long v = sum(e);

	for (;;) {
		if (take(e, "<="))
			v = v <= sum(e);
		else if (take(e, ">="))
			v = v >= sum(e);
		else if (take(e, "<"))
			v = v < sum(e);
		else if (take(e, ">"))
			v = v > sum(e);
		else
			return v;
	}
}

static unsigned long
equality(struct eval *e)
{
	unsigned long v = relation(e);

	for (;;) {
		if (take(e, "=="))
			v = v == relation(e);
		else if (take(e, "!="))
			v = v != relation(e);
		else
			return v;
	}
}

/* Both sides are always evaluated: the expressions have no side effects. */
static unsigned long
conjunction(struct eval *e)
{
	unsigned long v = equality(e);

	while (take(e, "&&")) {
		unsigned long r = equality(e);
		v = v && r;
	}
	return v;
}

static unsigned long
disjunction(struct eval *e)
{
	unsigned long v = conjunction(e);

	while (take(e, "||")) {
		unsigned long r = conjunction(e);
		v = v || r;
	}
	return v;
}

static unsigned long
ternary(struct eval *e)
{
	unsigned long c = disjunction(e), a, b;

	if (!take(e, "?"))
		return c;
	a = ternary(e);
	if (!take(e, ":")) {
		e->bad = 1;
		return 0;
	}
	b = ternary(e);
	return c ? a : b;
}

/* The expression's value for n, or -1 if it cannot be read to its end. */
static long
evaluate(const char *expr, unsigned long n)
{
	struct eval e = {expr, n, 0};
	unsigned long v = ternary(&e);

	skip_space(&e);
	if (e.bad || (*e.p != '\0' && *e.p != ';'))
		return -1;
	return v > (unsigned long)KZ_PLURAL_MAX ? KZ_PLURAL_MAX : (long)v;
}

int
kz_plural_parse(const char *header, struct kz_plural *out, char *err)
{
	const char *line = header ? strstr(header, "Plural-Forms:") : NULL, *np, *ex;
	size_t len;

	*out = (struct kz_plural){2, "n != 1"};
	if (line == NULL)
		return KZ_OK;
	np = strstr(line, "nplurals=");
	ex = strstr(line, "plural=");
	while (ex != NULL && ex > line && ex[-1] == 'n') /* the "plural=" of "nplurals=" */
		ex = strstr(ex + 1, "plural=");
	if (np == NULL || ex == NULL)
		return kz_err(err, KZ_ECONFIG,
			"the Plural-Forms line lacks nplurals= or plural=; write it as "
			"\"nplurals=N; plural=EXPRESSION;\"");
	out->nplurals = atoi(np + 9);
	ex += 7;
	len = strcspn(ex, ";\n");
	if (out->nplurals < 1 || out->nplurals > KZ_PLURAL_MAX || len >= sizeof out->expr)
		return kz_err(err, KZ_ECONFIG,
			"the Plural-Forms line names %d forms or too long a rule; "
			"Kezek reads 1 to %d forms and rules under %zu characters",
			out->nplurals, KZ_PLURAL_MAX, sizeof out->expr);
	memcpy(out->expr, ex, len);
	out->expr[len] = '\0';
	for (unsigned long n = 0; n <= 1000; n++) {
		long f = evaluate(out->expr, n);
		if (f < 0 || f >= out->nplurals)
			return kz_err(err, KZ_ECONFIG,
				"the plural rule '%s' %s for n = %lu; "
				"copy the rule for the language from the gettext manual",
				out->expr, f < 0 ? "cannot be read" : "names a form past nplurals",
				n);
	}
	return KZ_OK;
}

int
kz_plural_form(const struct kz_plural *p, unsigned long n)
{
	long f = evaluate(p->expr, n);

	return f < 0 || f >= p->nplurals ? 0 : (int)f;
}
