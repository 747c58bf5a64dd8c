#!/bin/bash
# demo-day.sh KEZEK [DAY] - a short scripted hall day, told as it goes.
# Every step stands the clock at its own moment of DAY (default
# 2026-03-20, a Friday), so the day can be replayed at any hour.  It ends
# with the day closed and every counter closed, so it can run again on the
# same database: numbers then go on from where the last run stopped.
set -u
KEZEK=${1:?usage: demo-day.sh KEZEK [DAY]}
DAY=${2:-2026-03-20}

if [ -t 1 ]; then B=$'\033[1m' N=$'\033[0m'; else B="" N=""; fi

step() { # step HH:MM what kezek-arguments...
	local at=$1 what=$2
	shift 2
	printf '\n%s%s  %s%s\n' "$B" "$at" "$what" "$N"
	"$KEZEK" --now "${DAY}T$at" "$@" || echo "(kezek said no: exit $?)"
}

DISPLAY_BIN="$(dirname "$KEZEK")/kezek-display"
KIOSK_BIN="$(dirname "$KEZEK")/kezek-kiosk"
SHOTS="${KEZEK_SHOTS:-var/screens}"
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen} SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy}
export SDL_VIDEO_EGL_DRIVER=${SDL_VIDEO_EGL_DRIVER:-none}

kiosk_shots() { # kiosk_shots HH:MM SCREEN...: what the kiosk shows then, in both languages
	local at=$1 screen lang
	shift
	[ -x "$KIOSK_BIN" ] || return 0
	mkdir -p "$SHOTS"
	for screen in "$@"; do
		for lang in kk ru; do
			"$KIOSK_BIN" --now "${DAY}T$at" --window 1920x1080 --lang $lang --screen "$screen" \
				--snapshot "$SHOTS/kiosk-${at/:/}-$screen-$lang.png" 2>/dev/null
		done
	done
	printf '    the kiosk at %s: %s/kiosk-%s-*.png\n' "$at" "$SHOTS" "${at/:/}"
}

screens_shown() { # screens_shown open|closed: the kiosk's screens a visitor sees then
	[ -x "$KIOSK_BIN" ] || return 0
	local name when
	while read -r name when; do
		[ "$when" = "$1" ] && echo "$name"
	done < <("$KIOSK_BIN" --list-screens)
}

queue() { # the hall as the manager sees it, and the hall board's frame
	printf '\n%s%s  the hall now%s\n' "$B" "$1" "$N"
	"$KEZEK" --now "${DAY}T$1" status | sed 's/^/    /'
	[ -x "$DISPLAY_BIN" ] || return 0
	mkdir -p "$SHOTS"
	local png="$SHOTS/board-${1/:/}.png"
	if "$DISPLAY_BIN" --now "${DAY}T$1" --exit-after 1 --snapshot "$png" 2>/dev/null; then
		printf '    the hall board at %s: %s\n' "$1" "$png"
	fi
}

"$KEZEK" init || exit 3
printf 'Kezek: a hall day on %s, Asia/Almaty time\n' "$DAY"
PRINTD_BIN="$(dirname "$KEZEK")/kezek-printd"
mkdir -p var "$SHOTS" && touch var/kiosk-1.prn # the default hall's ticket printer is this file

step 08:55 "counter 1 opens"  counter open 1 --clerk "Сейтқали Айгерім Бақытқызы" --position "Бас маман"
step 08:56 "counter 2 opens"  counter open 2 --clerk "Иванова Мария Петровна" --position "Ведущий специалист"
step 09:00 "a visitor hands in documents (the ticket is printed)"  ticket A --print kiosk-1 --lang kk
step 09:02 "a visitor collects a result (in Russian)"   ticket B --print kiosk-1 --lang ru
step 09:03 "a visitor hands in documents"  ticket A
step 09:04 "counter 1 calls the next"      next 1
step 09:05 "the visitor comes up"          start 1
step 09:06 "counter 2 calls the next"      next 2
step 09:09 "nobody comes: counter 2 calls again" recall 2
step 09:12 "still nobody"                  finish 2 --outcome no-show
step 09:12 "counter 2 calls the next"      next 2
step 09:14 "a visitor with a complaint"    ticket C
queue 09:15
step 09:21 "documents accepted"            finish 1 --outcome served
step 09:22 "the question is a complaint: sent on to service C" finish 2 --outcome transferred --to C
step 09:25 "counter 3 opens for consultations" counter open 3 --clerk "Ахметов Ерлан Серікұлы" --position "Главный специалист"
step 09:25 "counter 3 calls: the transferred visitor keeps their turn" next 3
step 09:26 "service starts"                start 3
for t in 09:40 09:41 09:43 09:50; do step $t "a visitor hands in documents" ticket A; done
step 09:52 "counter 1 calls the next"      next 1
step 09:53 "service starts"                start 1
step 09:53 "counter 2 goes to lunch early" counter pause 2
queue 10:20
kiosk_shots 10:20 $(screens_shown open)
step 10:25 "counter 2 is back"             counter open 2 --clerk "Иванова Мария Петровна" --position "Ведущий специалист"
step 10:25 "counter 2 calls the next"      next 2
step 10:31 "counter 3 is done"             finish 3 --outcome served
step 10:32 "counter 3 calls the next"      next 3
step 10:40 "counter 1 is done"             finish 1 --outcome served
step 10:41 "counter 1 calls the next"      next 1
step 10:42 "counter 2 is done"             finish 2 --outcome served
step 10:43 "counter 2 calls the next"      next 2
step 10:55 "counter 3 is done"             finish 3 --outcome served
step 11:02 "counter 1 is done"             finish 1 --outcome served
step 11:05 "counter 2: the visitor gave up and left" finish 2 --outcome cancelled
step 12:50 "a visitor shortly before lunch" ticket B
step 12:51 "counter 2 calls the next"      next 2
step 12:58 "the result is handed over"     finish 2 --outcome served
step 13:05 "lunch: the kiosk gives no tickets" ticket A
kiosk_shots 13:05 $(screens_shown closed)
step 17:20 "a visitor late in the day"     ticket A
step 17:40 "too late: tickets stop 30 minutes before closing" ticket A
queue 17:45
step 18:00 "the office closes: who still waits is not served today" close-day
step 18:00 "what the office's calendar says now" calendar now
step 18:01 "counter 1 closes" counter close 1
step 18:01 "counter 2 closes" counter close 2
step 18:01 "counter 3 closes" counter close 3
if [ -x "$PRINTD_BIN" ]; then
	printf '\n%sthe ticket printer%s\n' "$B" "$N"
	: >var/kiosk-1.prn
	"$PRINTD_BIN" --printer kiosk-1 --now "${DAY}T18:02" --once
	"$KEZEK" --now "${DAY}T18:02" print preview var/kiosk-1.prn var/printed-tickets.png |
		sed 's/^/    what the printer got: /'
	"$KEZEK" --now "${DAY}T18:02" print status | sed 's/^/    /'
fi
printf '\n%sthe story of ticket A-002, from the event log%s\n' "$B" "$N"
"$KEZEK" --now "${DAY}T18:05" history A-002 | sed 's/^/    /'
printf '\n'
"$KEZEK" check
