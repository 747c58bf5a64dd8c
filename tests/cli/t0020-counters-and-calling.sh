#!/bin/bash
# Counters open under a clerk; next calls first come, first served.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
expect 0 "B first" ticket B --now 2026-03-20T10:00
expect 0 "A later" ticket A --now 2026-03-20T10:01
expect 0 "C" ticket C --now 2026-03-20T10:02
expect 2 "next at a closed counter" next 1
has err "counter 1 is closed" "closed counter said"
has err "kezek counter open 1" "how to open it said"
one_line_error "closed counter"
expect 1 "open without clerk" counter open 1
has err "--clerk" "clerk asked for"
open_counter 1 "Сейтқали Айгерім Бақытқызы"
expect 2 "open twice" counter open 1 --clerk "Иванов Иван" --position "Маман"
has err "already open under Сейтқали Айгерім Бақытқызы" "who holds it said"
expect 2 "same clerk at a second counter" counter open 2 --clerk "Сейтқали Айгерім Бақытқызы" --position "Бас маман"
has err "working at counter 1" "other counter named"
expect 0 "next" next 1 --now 2026-03-20T10:05
first_line "B-001" "the earliest ticket across A and B is called"
has out "waited 5 min" "wait shown"
expect 2 "next while a visitor is at the counter" next 1
has err "counter 1 still has B-001" "current ticket named"
expect 0 "recall" recall 1
first_line "B-001" "recall names the ticket"
has out "recalls  1" "recall counted"
expect 0 "start" start 1
expect 2 "recall after start" recall 1
has err "in service" "in service said"
expect 2 "pause with a visitor" counter pause 1
expect 0 "finish" finish 1 --outcome served
first_line "B-001" "finish names the ticket"
expect 0 "next is A" next 1
first_line "A-001" "then A-001"
expect 0 "finish" finish 1 --outcome served
expect 2 "counter 1 does not serve C" next 1
has err "no one is waiting for counter 1" "empty queue said"
open_counter 3 "Петров Пётр"
expect 0 "counter 3 serves C" next 3
first_line "C-001" "C called at counter 3"
expect 0 "pause 1" counter pause 1
expect 2 "next at paused" next 1
has err "counter 1 is paused" "paused said"
expect 0 "resume" counter open 1 --clerk "Сейтқали Айгерім Бақытқызы" --position "Бас маман"
expect 0 "close 1" counter close 1
expect 2 "close a closed counter" counter close 1
expect 2 "no such counter" counter open 9 --clerk "X" --position "Y"
has err "counters are 1, 2, 3" "counters listed"
expect 0 "check" check
finish
