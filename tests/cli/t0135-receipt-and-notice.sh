#!/bin/bash
# The receipt of p.14 and the notice of p.16, printed by kezek-printd: on
# A4 into a folder (PDF, read back with pdftotext) every field the standard
# asks for, in Kazakh and Russian; on a thermal receipt printer (a device
# file) ESC/POS raster that decodes to a picture.
. "$(dirname "$0")/lib.sh"

PRINTD="$(dirname "$KEZEK")/kezek-printd"
if ! command -v pdftotext >/dev/null; then echo "pdftotext (poppler-utils) is needed"; exit 1; fi
cat >>"$T/hall.ini" <<INI

[printer counter-1]
role = receipts
transport = device
address = $T/counter-1.prn
paper = 80
INI
sed -i "s#^address = .*/var/a4-1#address = $T/a4#" "$T/hall.ini"
: >"$T/counter-1.prn"
printd() { "$PRINTD" --printer "$1" --fonts "$SRC/assets/fonts" --once >"$T/out" 2>"$T/err"; }
# text TEXT-FILE: the PDF's words, white space (U+00A0 too) made one space
pdf_words() {
	pdftotext -enc UTF-8 "$1" - | sed 's/\xc2\xa0/ /g' | tr '\n\f' '  ' | tr -s ' ' >"$T/out"
}

person=("name: Иванов Иван Иванович" "iin: 870412300416" "id-doc: уд. личности № 012345678"
	"phone: +7 701 123 45 67" "address: г. Кокшетау, ул. Абая, 1"
	"plot: г. Кокшетау, ул. Ленина, 5")
input "$T/person" "${person[@]}"
all=(--docs application,id_copy,act,conclusion)

expect 0 "init" init
open_counter 1 "Ахметова Айгүл Серікқызы"
expect_in 2 "no ticket printer for a receipt" "$T/person" accept 1 "${all[@]}" --print kiosk-1
has err "prints queue tickets" "why said"
expect_in 2 "no such printer" "$T/person" accept 1 "${all[@]}" --print nowhere
has err "no printer 'nowhere'" "printer named"
expect_in 0 "receipt in Russian" "$T/person" accept 1 "${all[@]}" --print a4-1 --lang ru
first_line "2026-0001" "no number used up by the refusals"
has out "print     job 1 on a4-1: the receipt (p.14)" "receipt queued"
expect_in 0 "receipt in Kazakh" "$T/person" accept 1 "${all[@]}" --print a4-1 --lang kk
expect_in 2 "notice in Russian" "$T/person" accept 1 --docs application,id_copy,act \
	--print a4-1 --lang ru
has out "print     job 3 on a4-1: the notice (p.16)" "notice queued"
expect_in 2 "notice in Kazakh" "$T/person" accept 1 --docs application,act --print a4-1 \
	--lang kk
printd a4-1
if [ $? -eq 0 ]; then ok; else not_ok "kezek-printd a4-1"; fi
expect 0 "all printed" print status
has out "a4-1 (a4, folder" "the A4 printer"
has out "0 waiting" "nothing waiting"
if [ "$(grep -c ' done' "$T/out")" -eq 4 ]; then ok; else not_ok "four jobs done"; fi

# p.14 in Russian: number and date; service; count and names of documents;
# date, time and place of the result; the clerk's full name and position
pdf_words "$T"/a4/*-000001-receipt-ru.pdf
has out "Расписка о приёме документов" "ru receipt: title"
has out "№ 2026-0001 от 20.03.2026" "ru receipt: number and date"
has out "Вид государственной услуги: Утверждение кадастровой (оценочной) стоимости конкретных земельных участков, продаваемых в частную собственность государством" \
	"ru receipt: the service"
has out "Принято документов: 4" "ru receipt: count of documents"
has out "1. Заявление (приложение 2 к стандарту) 2. Копия документа, удостоверяющего личность 3. Акт определения оценочной стоимости земельного участка (приложение 3 к стандарту) 4. Копия положительного заключения комиссии о предоставлении права на земельный участок" \
	"ru receipt: names of documents"
has out "Дата и время выдачи результата: 30.03.2026, с 9:00 до 18:00" "ru receipt: date and time"
has out "Место выдачи результата: Государственное учреждение «Отдел земельных отношений города Кокшетау», Город Кокшетау, улица Абая, 89" \
	"ru receipt: place"
has out "Документы принял(а): Ахметова Айгүл Серікқызы Бас маман" "ru receipt: clerk"
has out "Телефон для справок: 8-716-225-35-56, 25-46-79" "ru receipt: phone"
has out "Интернет-ресурс Агентства: www.auzr.kz" "ru receipt: the agency's website (p.4.2)"
lacks out "870412300416" "ru receipt: no IIN"

pdf_words "$T"/a4/*-000002-receipt-kk.pdf
has out "Құжаттарды қабылдау туралы қолхат" "kk receipt: title"
has out "№ 2026-0002, 20.03.2026 ж." "kk receipt: number and date"
has out "Мемлекеттік көрсетілетін қызмет: Жер учаскелерінің кадастрлық (бағалау) құнын бекіту" \
	"kk receipt: the service"
has out "Қабылданған құжаттар саны: 4" "kk receipt: count of documents"
has out "1. Өтініш (стандартқа 2-қосымша) 2. Жеке басын куәландыратын құжаттың көшірмесі 3. Жер учаскесінің бағалау құнын анықтау актісі (стандартқа 3-қосымша) 4. Жер учаскесіне құқық беру туралы комиссияның оң қорытындысының көшірмесі" \
	"kk receipt: names of documents"
has out "Нәтижені беру күні мен уақыты: 30.03.2026 ж., сағат 9:00–18:00" "kk receipt: date and time"
has out "Нәтижені беру орны: «Көкшетау қаласының жер қатынастары бөлімі» мемлекеттік мекемесі, Көкшетау қаласы, Абай көшесі, 89" \
	"kk receipt: place, in Kazakh"
has out "Құжаттарды қабылдаған: Ахметова Айгүл Серікқызы Бас маман" "kk receipt: clerk"
has out "Агенттіктің интернет-ресурсы: www.auzr.kz" "kk receipt: the agency's website (p.4.2)"

# p.16 in Russian: to whom, which request, the missing document, the
# suspension's term, what to do next
pdf_words "$T"/a4/*-000003-notice-ru.pdf
has out "Уведомление о приостановлении утверждения акта кадастровой (оценочной) стоимости земельного участка" \
	"ru notice: title"
has out "Получатель государственной услуги: Иванов Иван Иванович" "ru notice: applicant"
has out "По заявлению № 2026-0003 от 20.03.2026" "ru notice: number and date"
has out "не представлены документы, указанные в пункте 11 стандарта государственной услуги: 1. Копия положительного заключения комиссии о предоставлении права на земельный участок Срок" \
	"ru notice: the missing document, only it"
has out "Срок приостановления: до 30.03.2026" "ru notice: the term"
has out "Для возобновления рассмотрения представьте недостающие документы в этот срок по адресу: Государственное учреждение «Отдел земельных отношений города Кокшетау», Город Кокшетау, улица Абая, 89." \
	"ru notice: what to do and where"
has out "в оказании государственной услуги будет отказано (пункт 16 стандарта)" \
	"ru notice: what follows"
has out "Исполнитель: Ахметова Айгүл Серікқызы Бас маман" "ru notice: clerk"

pdf_words "$T"/a4/*-000004-notice-kk.pdf
has out "Хабарлама жер учаскесінің кадастрлық (бағалау) құны актісін бекітуді тоқтата тұру туралы" \
	"kk notice: title"
has out "Мемлекеттік көрсетілетін қызметті алушы: Иванов Иван Иванович" "kk notice: applicant"
has out "20.03.2026 ж. № 2026-0004 өтініш бойынша" "kk notice: number and date"
has out "1. Жеке басын куәландыратын құжаттың көшірмесі 2. Жер учаскесіне құқық беру туралы комиссияның оң қорытындысының көшірмесі Тоқтата" \
	"kk notice: both missing documents"
has out "Тоқтата тұру мерзімі: 30.03.2026 ж. дейін" "kk notice: the term"
has out "Қарауды қайта бастау үшін жетіспейтін құжаттарды осы мерзімде мына мекенжайға тапсырыңыз: «Көкшетау қаласының жер қатынастары бөлімі» мемлекеттік мекемесі, Көкшетау қаласы, Абай көшесі, 89." \
	"kk notice: what to do and where"
has out "Орындаған: Ахметова Айгүл Серікқызы Бас маман" "kk notice: clerk"

# thermal: the receipt as ESC/POS raster on the counter's printer
expect_in 0 "receipt on the counter's printer" "$T/person" accept 1 "${all[@]}" \
	--print counter-1 --lang kk
expect_in 2 "notice on the counter's printer" "$T/person" accept 1 --docs application \
	--print counter-1 --lang ru
printd counter-1
if [ $? -eq 0 ]; then ok; else not_ok "kezek-printd counter-1"; fi
if [ "$(head -c 2 "$T/counter-1.prn" | od -An -tx1 | tr -d ' \n')" = 1b40 ]; then ok
else not_ok "the receipt printer got no ESC/POS"; fi
expect 0 "decoded" print preview "$T/counter-1.prn" "$T/receipt.png"
has out "576x" "80 mm wide raster"
expect 0 "status" print status
if [ "$(grep -c ' done' "$T/out")" -eq 6 ]; then ok; else not_ok "six jobs done"; fi
# a reprint prints the same receipt again
size=$(stat -c %s "$T/counter-1.prn")
expect 0 "reprint" print reprint 5
printd counter-1
if [ "$(stat -c %s "$T/counter-1.prn")" -gt "$size" ]; then ok; else not_ok "the reprint printed"; fi

# no office in the directory: the job fails and says why
sed -i 's/^office = .*/office = nowhere-district/' "$T/hall.ini"
expect_in 0 "one more receipt" "$T/person" accept 1 "${all[@]}" --print counter-1
printd counter-1
expect 0 "status" print status
has out "receipt kk  failed     2026-0007: office 'nowhere-district' is not in" "why the receipt failed"
finish
