/*
 * screen-list.h - the kiosk's screens, in order: one row per kiosk/screen-NAME.c,
 * which defines its entry kz_screen_NAME (name, when it is shown, build, tap).
 * Everything that lists screens comes from these rows: the ids (KZ_SCR_*),
 * the names (kz_kiosk_screens), the table kiosk.c draws and taps through,
 * kezek-kiosk --list-screens (the demo day's snapshots) and the tests' set.
 * Include it with KZ_SCREEN(ID, name) defined; it undefines it.
 */
KZ_SCREEN(HOME, home)
KZ_SCREEN(SERVICES, services)
KZ_SCREEN(CONFIRM, confirm)
KZ_SCREEN(ISSUED, issued)
KZ_SCREEN(FORMS, forms)
KZ_SCREEN(ABOUT, about)
KZ_SCREEN(COMPLAIN, complain)
KZ_SCREEN(BALLOT, ballot)
KZ_SCREEN(FEEDBACK, feedback)
KZ_SCREEN(THANKS, thanks)
KZ_SCREEN(CLOSED, closed)
KZ_SCREEN(PIN, pin)
KZ_SCREEN(ADMIN, admin)
KZ_SCREEN(UNAVAILABLE, unavailable)
#undef KZ_SCREEN
