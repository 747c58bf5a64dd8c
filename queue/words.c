/*
 * words.c - numbers in Russian and Kazakh words; see words.h.  A number is
 * cut into groups of three digits (billions, millions, thousands, units),
 * each said as hundreds, tens and units and followed by its scale word.
 *
 * Russian: thousands are feminine (одна тысяча, две тысячи, двадцать одна
 * тысяча), millions and billions masculine (один миллион, два миллиарда);
 * scale words take the form their last number asks (1, 2-4, 5-20).
 *
 * Kazakh: numbers do not inflect.  Financial documents write the "one" of
 * a hundred, a thousand, a million and a billion: "бір жүз бір", "бір мың",
 * "бір миллион", where speech says "жүз бір", "мың"; we write them.
 *
 * Money: the tenge in words, the tiyn as two digits, as payment documents
 * in Kazakhstan write them: "... тенге 05 тиын" (Russian, "тенге" does not
 * decline), "... теңге 05 тиын" (Kazakh spelling).  "тиын" stays as it is
 * after the digits in both languages.
 */
#include <string.h>

#include "error.h"
#include "words.h"

/* Words for one language; scale[g][f]: group g (1 thousand, 2 million, 3
 * billion), f the form: 0 for 1, 1 for 2-4, 2 for 0 and 5-20. */
struct lang {
	const char *code;
	const char *ones[10];     /* 0 .. 9, masculine */
	const char *ones_fem[10]; /* 0 .. 9 as before тысяча (Russian) */
	const char *teens[10];    /* 10 .. 19 */
	const char *tens[10];     /* 20, 30 ... at [2], [3] ... */
	const char *hundreds[10]; /* [0] unused */
	const char *scale[4][3];  /* [0] unused */
	const char *tenge;
	const char *tiyn;
};

static const struct lang ru = {
	"ru",
	{"ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"},
	{"ноль", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"},
	{"десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать",
		"шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"},
	{NULL, NULL, "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
		"восемьдесят", "девяносто"},
	{NULL, "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот",
		"восемьсот", "девятьсот"},
	{{NULL, NULL, NULL}, {"тысяча", "тысячи", "тысяч"}, {"миллион", "миллиона", "миллионов"},
		{"миллиард", "миллиарда", "миллиардов"}},
	"тенге",
	"тиын",
};

static const struct lang kk = {
	"kk",
	{"нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"},
	{"нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"},
	{"он", "он бір", "он екі", "он үш", "он төрт", "он бес", "он алты", "он жеті", "он сегіз",
		"он тоғыз"},
	{NULL, NULL, "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"},
	{NULL, "бір жүз", "екі жүз", "үш жүз", "төрт жүз", "бес жүз", "алты жүз", "жеті жүз",
		"сегіз жүз", "тоғыз жүз"},
	{{NULL, NULL, NULL}, {"мың", "мың", "мың"}, {"миллион", "миллион", "миллион"},
		{"миллиард", "миллиард", "миллиард"}},
	"теңге",
	"тиын",
};

static const struct lang *const langs[] = {&ru, &kk};

/* Words being put together; buf is always NUL-terminated. */
struct text {
	char buf[KZ_WORDS_LEN];
	size_t len;
};

static void
add(struct text *t, const char *word)
{
	size_t n = strlen(word);

	/* KZ_WORDS_LEN holds the longest number; this only guards it */
	if (t->len + 1 + n >= sizeof t->buf)
		return;
	if (t->len > 0)
		t->buf[t->len++] = ' ';
	memcpy(t->buf + t->len, word, n + 1);
	t->len += n;
}

/* Which form a scale word takes after a group ending in n. */
static int
form(int n)
{
	if (n % 100 >= 11 && n % 100 <= 19)
		return 2;
	if (n % 10 == 1)
		return 0;
	if (n % 10 >= 2 && n % 10 <= 4)
		return 1;
	return 2;
}

/* One group of three digits, 1 ... 999; feminine ones before тысяча. */
static void
add_group(struct text *t, const struct lang *l, int n, int feminine)
{
	const char *const *ones = feminine ? l->ones_fem : l->ones;

	if (n >= 100)
		add(t, l->hundreds[n / 100]);
	n %= 100;
	if (n >= 10 && n <= 19) {
		add(t, l->teens[n - 10]);
		return;
	}
	if (n >= 20)
		add(t, l->tens[n / 10]);
	if (n % 10 != 0)
		add(t, ones[n % 10]);
}

static void
add_number(struct text *t, const struct lang *l, int64_t n)
{
	static const int64_t unit[4] = {1, 1000, 1000000, 1000000000};

	if (n == 0) {
		add(t, l->ones[0]);
		return;
	}
	for (int g = 3; g >= 0; g--) {
		int group = (int)(n / unit[g] % 1000);

		if (group == 0)
			continue;
		add_group(t, l, group, g == 1);
		if (g > 0)
			add(t, l->scale[g][form(group)]);
	}
}

/* Check the arguments common to both (unit: "" or " tiyn"): the language, or NULL with err set
 * (KZ_EINVAL). */
static const struct lang *
start(int64_t n, int64_t max, const char *unit, const char *lang, char *out, size_t len, char *err)
{
	if (out != NULL && len > 0)
		out[0] = '\0';
	if (n < 0) {
		kz_err(err, KZ_EINVAL, "cannot write %lld%s in words: it is negative", (long long)n,
			unit);
		return NULL;
	}
	if (n > max) {
		kz_err(err, KZ_EINVAL, "cannot write %lld%s in words: the largest is %lld%s",
			(long long)n, unit, (long long)max, unit);
		return NULL;
	}
	for (size_t i = 0; lang != NULL && i < sizeof langs / sizeof langs[0]; i++)
		if (strcmp(lang, langs[i]->code) == 0)
			return langs[i];
	kz_err(err, KZ_EINVAL, "language '%.32s' is not known; use 'ru' or 'kk'",
		lang != NULL ? lang : "(none)");
	return NULL;
}

static int
finish(const struct text *t, int64_t n, const char *unit, char *out, size_t len, char *err)
{
	if (out == NULL || t->len + 1 > len)
		return kz_err(err, KZ_EINVAL,
			"%lld%s in words needs %zu bytes but the buffer has %zu; give a "
			"buffer of KZ_WORDS_LEN",
			(long long)n, unit, t->len + 1, out == NULL ? (size_t)0 : len);
	memcpy(out, t->buf, t->len + 1);
	return KZ_OK;
}

int
kz_words_number(int64_t n, const char *lang, char *out, size_t len, char *err)
{
	struct text t = {.len = 0};
	const struct lang *l;

	if ((l = start(n, KZ_WORDS_MAX, "", lang, out, len, err)) == NULL)
		return KZ_EINVAL;
	add_number(&t, l, n);
	return finish(&t, n, "", out, len, err);
}

int
kz_words_amount(int64_t tiyn, const char *lang, char *out, size_t len, char *err)
{
	struct text t = {.len = 0};
	const struct lang *l;
	char cents[3];

	if ((l = start(tiyn, KZ_WORDS_MAX * 100 + 99, " tiyn", lang, out, len, err)) == NULL)
		return KZ_EINVAL;
	add_number(&t, l, tiyn / 100);
	add(&t, l->tenge);
	cents[0] = (char)('0' + tiyn % 100 / 10);
	cents[1] = (char)('0' + tiyn % 10);
	cents[2] = '\0';
	add(&t, cents);
	add(&t, l->tiyn);
	return finish(&t, tiyn, " tiyn", out, len, err);
}

/* The capital of the lowercase letter cp, or cp. */
static unsigned
upper(unsigned cp)
{
	if (cp >= 'a' && cp <= 'z')
		return cp - 32;
	if (cp >= 0x430 && cp <= 0x44F) /* а-я */
		return cp - 0x20;
	if (cp >= 0x450 && cp <= 0x45F) /* ѐ-џ: ё і ... */
		return cp - 0x50;
	if (((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) ||
		    (cp >= 0x4D0 && cp <= 0x4FF)) &&
		cp % 2 == 1) /* pairs, capital first: ғ қ ң ү ұ һ ә ө */
		return cp - 1;
	if (cp >= 0x4C1 && cp <= 0x4CE && cp % 2 == 0) /* pairs, capital first at odd */
		return cp - 1;
	if (cp == 0x4CF)
		return 0x4C0;
	return cp;
}

void
kz_words_capitalize(char *s)
{
	unsigned char *p = (unsigned char *)s;
	unsigned cp, up;

	if (s == NULL)
		return;
	if (p[0] < 0x80) {
		p[0] = (unsigned char)upper(p[0]);
		return;
	}
	/* every lowercase Cyrillic letter and its capital take two bytes */
	if ((p[0] & 0xE0) != 0xC0 || (p[1] & 0xC0) != 0x80)
		return;
	cp = (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu);
	up = upper(cp);
	p[0] = (unsigned char)(0xC0 | up >> 6);
	p[1] = (unsigned char)(0x80 | (up & 0x3F));
}
