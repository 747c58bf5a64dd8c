/*
 * people.c - made-up applicants and complainants for the simulated days:
 * names of either sex, phone numbers, IINs and BINs that pass their check
 * digit; see people.h.
 */
#include <stdio.h>
#include <string.h>

#include "queue/idnum.h"
#include "sim/people.h"

#define NELEM(a) (int)(sizeof(a) / sizeof((a)[0]))

static const char *const surnames[][2] = {
	{"Сапаров", "Сапарова"},
	{"Қасымов", "Қасымова"},
	{"Иванов", "Иванова"},
	{"Нургалиев", "Нургалиева"},
	{"Омаров", "Омарова"},
	{"Попов", "Попова"},
	{"Есенов", "Есенова"},
	{"Байжанов", "Байжанова"},
	{"Тұрсынов", "Тұрсынова"},
	{"Волков", "Волкова"},
	{"Мұхамеджанов", "Мұхамеджанова"},
	{"Ким", "Ким"},
	{"Шевченко", "Шевченко"},
	{"Әлиев", "Әлиева"},
	{"Жақсылықов", "Жақсылықова"},
};
static const char *const first_names[][8] = {
	{"Ерлан", "Асхат", "Дмитрий", "Нұрлан", "Бауыржан", "Алексей", "Серік", "Марат"},
	{"Айгүл", "Гүлнар", "Елена", "Жанар", "Динара", "Ольга", "Сәуле", "Маржан"},
};
static const char *const patronymics[][6] = {
	{"Болатұлы", "Серикович", "Маратович", "Ерланұлы", "Викторович", "Қайратұлы"},
	{"Болатқызы", "Сериковна", "Маратовна", "Ерланқызы", "Викторовна", "Қайратқызы"},
};

void
kz_sim_staff_name(int k, char *out, size_t len)
{
	snprintf(out, len, "%s %s %s", surnames[k % NELEM(surnames)][0],
		first_names[0][k / NELEM(surnames) % 8], patronymics[0][k % 6]);
}

/* "Surname First Patronymic" of either sex. */
void
kz_sim_person(struct kz_rng *r, char *out, size_t len)
{
	int f = kz_rng_int(r, 0, 1);

	snprintf(out, len, "%s %s %s", surnames[kz_rng_int(r, 0, NELEM(surnames) - 1)][f],
		first_names[f][kz_rng_int(r, 0, NELEM(first_names[0]) - 1)],
		patronymics[f][kz_rng_int(r, 0, NELEM(patronymics[0]) - 1)]);
}

void
kz_sim_phone(struct kz_rng *r, char *out, size_t len)
{
	static const int codes[] = {701, 702, 705, 707, 747, 771, 775, 777, 778};

	snprintf(out, len, "+7 %d %03d %02d %02d", codes[kz_rng_int(r, 0, NELEM(codes) - 1)],
		kz_rng_int(r, 0, 999), kz_rng_int(r, 0, 99), kz_rng_int(r, 0, 99));
}

/* An IIN (birth date, century and sex, control digit) or a BIN. */
void
kz_sim_idnum(struct kz_rng *r, int legal, char out[KZ_IDNUM_LEN + 1])
{
	char d[32];
	int c;

	do {
		if (legal)
			snprintf(d, sizeof d, "%02d%02d40%05d", kz_rng_int(r, 5, 25),
				kz_rng_int(r, 1, 12), kz_rng_int(r, 0, 99999));
		else {
			int year = kz_rng_int(r, 1950, 2004);
			snprintf(d, sizeof d, "%02d%02d%02d%d%04d", year % 100,
				kz_rng_int(r, 1, 12), kz_rng_int(r, 1, 28),
				(year < 2000 ? 3 : 5) + kz_rng_int(r, 0, 1),
				kz_rng_int(r, 0, 9999));
		}
	} while ((c = kz_idnum_control(d)) < 0);
	memcpy(out, d, KZ_IDNUM_LEN - 1);
	out[KZ_IDNUM_LEN - 1] = (char)('0' + c);
	out[KZ_IDNUM_LEN] = '\0';
}
