/*
 * plural.h - the plural rule of a gettext catalogue: the C expression of
 * its header's "Plural-Forms: nplurals=N; plural=EXPR;" evaluated for a
 * count, so "1 person" and "5 people" each take their language's form
 * (Russian has three: 1, 2-4, 5-20 and so on).
 */
#ifndef KZ_PLURAL_H
#define KZ_PLURAL_H

struct kz_plural {
	int nplurals;   /* 1 to KZ_PLURAL_MAX */
	char expr[256]; /* the plural= expression */
};

#define KZ_PLURAL_MAX 6

/* Read the rule from a catalogue header (the msgstr of msgid "").  No
 * Plural-Forms line gives the English rule (n != 1, two forms).  KZ_ECONFIG
 * with err saying what is wrong with the line: nplurals out of range, an
 * expression it cannot read or one that names a form past nplurals. */
int kz_plural_parse(const char *header, struct kz_plural *out, char *err);

/* The form (0 to nplurals-1) for n; 0 if the expression fails (it was
 * checked when parsed). */
int kz_plural_form(const struct kz_plural *p, unsigned long n);

#endif
