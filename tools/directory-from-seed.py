#!/usr/bin/env python3
"""Build the Kezek office directories from the service-standard seed text.

Usage:
    python3 tools/directory-from-seed.py SEED.txt OUTDIR [--report FILE]

SEED.txt is the text extracted from the PDF of the government service standard
"Утверждение кадастровой (оценочной) стоимости конкретных земельных участков,
продаваемых в частную собственность государством".  Two of its tables are
read:

  * Приложение 1 (authorised land-relations offices)  -> OUTDIR/offices.csv
  * Приложение 5 (akimat apparatuses, take complaints) -> OUTDIR/akimats.csv

Both tables have five tab-separated columns: name, address, responsible
official, phone(s), e-mail.  The PDF extraction damaged them: page-header rows
"1<TAB>2<TAB>3<TAB>4<TAB>5" sit inside the tables, some rows are split over two
or more lines (cells continue column-wise on the next line), words and
e-mail addresses are broken by stray spaces.  This script repairs what a rule
can repair, applies the few hand corrections listed in the tables below, and
writes a note on every row saying what was changed.

Only the Python 3 standard library is used.  Output is deterministic: rows
keep the order of the seed, files are UTF-8, RFC 4180, LF line ends.

With --report FILE a plain-text summary (rows per region, every mended row)
is also written; tools/directory-counts.txt was made from it.
"""

import csv
import re
import sys
from pathlib import Path

HEADER = ["key", "region", "name", "address", "official", "phones", "emails", "notes"]

# ---------------------------------------------------------------------------
# Region headings exactly as the seed writes them -> ASCII slug used in keys.
# ---------------------------------------------------------------------------
REGIONS = {
    "Акмолинская область": "akmola",
    "Актюбинская область": "aktobe",
    "Алматинская область": "almaty",
    "Атырауская область": "atyrau",
    "Восточно-Казахстанская область": "east-kazakhstan",
    "Жамбылская область": "zhambyl",
    "Западно-Казахстанская область": "west-kazakhstan",
    "Карагандинская область": "karaganda",
    "Костанайская область": "kostanay",
    "Кызылординская область": "kyzylorda",
    "Мангистауская область": "mangystau",
    "Павлодарская область": "pavlodar",
    "Северо-Казахстанская область": "north-kazakhstan",
    "Южно-Казахстанская область": "south-kazakhstan",
    # cities of republican significance / the capital: the whole "region" is
    # one city, its single body gets the region slug itself as key.
    "Город Алматы": "almaty-city",
    "Город Астана": "astana-city",
}
CITY_REGIONS = {"almaty-city", "astana-city"}

# A table row starts with one of these (case-insensitive); any other line
# inside a table continues the previous row column-wise.
ROW_START = re.compile(r"^\s*(Государственное учреждение|Аппарат акима)\b", re.I)
PAGE_HEADER = ["1", "2", "3", "4", "5"]

# ---------------------------------------------------------------------------
# Keys.  key = <region slug>-<place>-<district|city>, or <region slug>-region
# for the oblast body, or the region slug alone for Almaty/Astana.
# <place> is the transliterated stem of the district adjective as written in
# the name ("Аккольского района" -> "akkol") or the city name ("города
# Кокшетау" -> "kokshetau").  App. 5 spells some places differently from
# App. 1; PLACE_ALIASES maps those spellings (lower case, Cyrillic) onto the
# App. 1 stem so both tables give the same key.
# ---------------------------------------------------------------------------
PLACE_ALIASES = {
    # App. 5 spellings of district stems -> App. 1 stem
    "хобдин": "кобдин",            # "Хобдинского" (App5) = Кобдинский район (its address says Кобдинский)
    "махтараль": "мактаараль",     # "Махтаральского" (App5) vs "Мактааральского" (App1)
    "тупкарган": "тупкараган",     # "Тупкарганского" (App5) vs "Тупкараганского" (App1)
    "шиелй": "шиелий",             # "Шиелйского" (App5) typo vs "Шиелийского" (App1)
    "нуринак": "нурин",            # "Нуринакского" (App5) typo vs "Нуринского" (App1)
    "осакаровкак": "осакаров",     # "Осакаровкакского" (App5) typo vs "Осакаровского" (App1)
    "улытаускак": "улытау",        # "Улытаускакского" (App5) typo vs "Улытауского" (App1)
    "бухаржырау": "бухар-жырау",   # "Бухаржырауского" (App5) vs "Бухар-Жырауского" (App1)
    "жангельдин": "джангелдин",    # "Жангельдинского" (App5) vs "Джангелдинского" (App1)
    # App. 1 typo
    "кызылкугин": "кызылкогин",    # App1 name "Кызылкугинского", its own address and App5 say Кызылкогинский
    # city names in the genitive -> nominative
    "степногорска": "степногорск",
    "риддера": "риддер",
    "караганды": "караганда",
    "сатпаева": "сатпаев",
    "петропавловска": "петропавловск",
    "шахтинска": "шахтинск",
    "астаны": "астана",
}
# Districts named after a person ("района им. Т. Рыскулова", "района Шал акын").
NAMED_DISTRICTS = {
    "рыскулова": "ryskulov",
    "мусрепова": "musrepov",
    "жумабаева": "zhumabaev",
    "шал акын": "shal-akyn",
    "шал акына": "shal-akyn",
}
# Latin letters typed inside Cyrillic words in the seed ("Тoleбийского",
# "Тюлькyбасского"); mapped to Cyrillic for key derivation only, the text
# itself is kept as printed.
HOMOGLYPHS = str.maketrans("aceopxyklmtb", "асеорхуклмтв")
TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Kazakh letters
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
}


def translit(text):
    out = []
    for ch in text.lower():
        if ch in TRANSLIT:
            out.append(TRANSLIT[ch])
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("-")
    return re.sub(r"-+", "-", "".join(out)).strip("-")


def fix_mixed_script(word):
    """Map Latin homoglyphs to Cyrillic inside words that contain Cyrillic."""
    if re.search(r"[А-Яа-яЁё]", word) and re.search(r"[A-Za-z]", word):
        return word.translate(HOMOGLYPHS)
    return word


def alias_note(printed, stem):
    """Note for a district whose spelling was mapped onto another (typos only;
    genitive city forms are not worth a note)."""
    if printed == stem:
        return None
    return "key: place stem '%s-' treated as '%s-'" % (printed, stem)


def make_key(region_slug, name):
    """Derive the stable key from the (mended) name of a row.
    Returns (key, note or None)."""
    text = " ".join(fix_mixed_script(w) for w in name.split())
    m = re.search(r"«([^»]*)»", text)
    inner = (m.group(1) if m else text).lower()
    if "област" in inner:
        if region_slug in CITY_REGIONS:
            raise ValueError("oblast body inside a city region: %r" % name)
        return region_slug + "-region", None
    m = re.search(r"(?<!\S)(\S+?)[сц]кого\s+район", inner)
    if m:
        stem = PLACE_ALIASES.get(m.group(1), m.group(1))
        return "%s-%s-district" % (region_slug, translit(stem)), alias_note(m.group(1), stem)
    m = re.search(r"района\s+(?:им\.\s*)?(?:[а-яё]\.\s*)?(\S+(?:\s+акына?)?)\s*$", inner)
    if m:
        return "%s-%s-district" % (region_slug, NAMED_DISTRICTS[m.group(1)]), None
    m = re.search(r"города\s+(\S+)\s*$", inner)
    if m:
        if region_slug in CITY_REGIONS:
            return region_slug, None
        city = PLACE_ALIASES.get(m.group(1), m.group(1))
        return "%s-%s-city" % (region_slug, translit(city)), None
    raise ValueError("cannot derive a key from %r" % name)


# ---------------------------------------------------------------------------
# Text repairs in name / address / official.  Applied in this order with
# str.replace; every hit is noted on the row.
# ---------------------------------------------------------------------------
TEXT_FIXES = [
    # (wrong, right, why)
    # The continuation line repeats the tail "ния" of "предоставления" that the
    # first line already has complete (App5: города Актобе, города Астана).
    ("предоставления ния государстве нных", "предоставления государственных",
     "line wrap repeated 'ния'"),
    # Words cut by the narrow PDF column (App5, mostly Актюбинская область).
    ("Заведующи й", "Заведующий", "split word"),
    ("соблюдение м", "соблюдением", "split word"),
    ("предоставле ния", "предоставления", "split word"),
    ("государстве нных", "государственных", "split word"),
    ("государстве нно– правовой", "государственно–правовой", "split word"),
    ("администри рования", "администрирования", "split word"),
    ("информацио нных", "информационных", "split word"),
    ("мониторинг а", "мониторинга", "split word"),
    ("Енбекшиказахски й", "Енбекшиказахский", "split word"),
    # Space left after a hyphen where a hyphenated name was wrapped.
    ("Восточно- Казахстанской", "Восточно-Казахстанской", "space after hyphen"),
    ("Усть- Каменогорск", "Усть-Каменогорск", "space after hyphen"),
    ("Бухар- Жырау", "Бухар-Жырау", "space after hyphen"),
    ("Узын- агаш", "Узын-агаш", "space after hyphen"),
]

# ---------------------------------------------------------------------------
# E-mail cells that no rule below handles correctly.  Keyed by
# (table, e-mail cell as printed with its lines joined by one space).
# Value: (addresses to keep, note).  An empty list means "unrecoverable".
# ---------------------------------------------------------------------------
EMAIL_FIXES = {
    # Two addresses, each broken by line wraps; the boundary is the space in
    # "kz 020201" (letters of a TLD, then a new local part).
    ("akimats", "irgiznal@ta xaktub.mgd. kz 020201@ru ps.kazpost.k z"): (
        ["irgiznal@taxaktub.mgd.kz", "020201@rups.kazpost.kz"],
        "email: 2 addresses broken by line wraps, split after 'kz' and spaces removed"),
    # "/" typed for "." (same key in the Russian layout); every other
    # Костанайская akimat uses @kostanay.kz.
    ("akimats", "karabalyk@ kostanay/kz"): (
        ["karabalyk@kostanay.kz"],
        "email: joined across lines, 'kostanay/kz' read as 'kostanay.kz'"),
    # The wrapped line repeats the "v" of "gov"; every other Павлодарская
    # akimat uses @pavlodar.gov.kz.  Trailing "." is punctuation.
    ("akimats", "kense.ashr@pavlodar.gov v.kz."): (
        ["kense.ashr@pavlodar.gov.kz"],
        "email: joined across lines, repeated 'v' dropped ('gov'+'v.kz.'), trailing '.' removed"),
    # The printed label "E-mail" is glued to the address.
    ("akimats", "E-mailorg-akim@mail.ru"): (
        ["org-akim@mail.ru"],
        "email: removed glued label 'E-mail'"),
    # First token has no "@" and cannot be mended; the second is fine.
    # (The general rule would glue them into one plausible-looking address.)
    ("offices", "akimat_tekeliforever.kz ozeo@mail.ru"): (
        ["ozeo@mail.ru"],
        "email: kept 'ozeo@mail.ru'; unrecoverable part 'akimat_tekeliforever.kz'"),
    # The space follows 3 capitals, not a line-wrap position: could be
    # "OZOAktjgai" or "OZO_Aktjgai".  Not certain -> left empty.
    ("offices", "OZO Aktjgai@mail.ru"): (
        [], "email unrecoverable: 'OZO Aktjgai@mail.ru' (space at a word boundary: 'OZOAktjgai' or 'OZO_Aktjgai'?)"),
    # Comma inside the domain; "mail.online.kz" is a guess, not certain.
    ("offices", "ual_zem@mail,online.kz"): (
        [], "email unrecoverable: 'ual_zem@mail,online.kz' (comma in domain)"),
}

EMAIL_RE = re.compile(
    r"^[A-Za-z0-9](?:[A-Za-z0-9._+-]*[A-Za-z0-9_+-])?"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$")


def valid_email(addr):
    return bool(EMAIL_RE.match(addr)) and ".." not in addr and addr.count("@") == 1


def mend_emails(table, parts, used_fixes):
    """parts: the e-mail cell's pieces, one per physical line.
    Returns (list of addresses, list of notes)."""
    pieces = [re.sub(r"\s+", " ", p).strip() for p in parts]
    pieces = [p for p in pieces if p]
    printed = " ".join(pieces)
    if (table, printed) in EMAIL_FIXES:
        used_fixes.add((table, printed))
        addrs, note = EMAIL_FIXES[(table, printed)]
        return list(addrs), [note]
    if printed == "":
        return [], []
    if printed == "-":
        return [], ["no e-mail given ('-')"]
    notes = []
    # Several complete addresses (and maybe web sites) side by side.
    tokens = [t for t in re.split(r"[\s,;]+", printed) if t]
    if len(tokens) > 1 and all(valid_email(t) or t.lower().startswith("www.") for t in tokens):
        addrs = [t for t in tokens if valid_email(t)]
        sites = [t for t in tokens if not valid_email(t)]
        if len(addrs) > 1:
            notes.append("email: cell holds %d addresses" % len(addrs))
        if sites:
            notes.append("email: dropped web site %s" % ", ".join("'%s'" % s for s in sites))
        return addrs, notes
    # One address broken by line wraps / stray spaces: glue the pieces.
    glued = "".join(pieces).replace(" ", "")
    changed = []
    if len(pieces) > 1:
        changed.append("joined across lines")
    if any(" " in p for p in pieces):
        changed.append("removed spaces")
    if "\\" in glued:
        # "airtay\-\akimat@sko.kz", "maml\ - akimat@sko .kz": the printed
        # character is the hyphen, the backslashes are extraction debris.
        glued = glued.replace("\\", "")
        changed.append("removed stray '\\'")
    if glued.endswith(".") and valid_email(glued.rstrip(".")):
        glued = glued.rstrip(".")
        changed.append("removed trailing '.'")
    if valid_email(glued):
        if changed:
            notes.append("email: " + ", ".join(changed))
        return [glued], notes
    if "@" not in printed and re.match(r"(?i)^www\.", printed):
        return [], ["email cell holds a web site, not an e-mail: '%s'" % printed]
    return [], ["email unrecoverable: '%s' (%s)" % (printed, why_bad(glued))]


def why_bad(addr):
    """Short reason why a glued e-mail candidate is not a usable address."""
    n = addr.count("@")
    if n == 0:
        return "no '@'"
    if n > 1:
        return "%d '@'" % n
    local, domain = addr.split("@")
    if domain.endswith(".") or "." not in domain:
        return "domain has no TLD"
    if local.endswith(".") or local.startswith("."):
        return "local part ends with '.'"
    if re.search(r"[^A-Za-z0-9._+@-]", addr):
        return "invalid character"
    return "not an e-mail address"


def norm_ws(s):
    return re.sub(r"\s+", " ", s).strip()


def join_column(parts, col):
    parts = [norm_ws(p) for p in parts]
    parts = [p for p in parts if p]
    out = ""
    for p in parts:
        if not out:
            out = p
        elif col == "phones" and out.endswith("-"):
            out += p          # "8-718-232-25-" + "67, 32-40-42"
        else:
            out += " " + p
    return out


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------
class SeedError(Exception):
    pass


def find_sections(lines):
    """Return {table: (first line index, end index)} for App. 1 and App. 5."""
    starts = {}
    for i, line in enumerate(lines):
        m = re.match(r"^Приложение (\d+)\s*$", line)
        if m:
            starts[int(m.group(1))] = i
    for n in (1, 2, 5):
        if n not in starts:
            raise SeedError("heading 'Приложение %d' not found" % n)
    ends5 = min([i for n, i in starts.items() if n > 5] + [len(lines)])
    return {"offices": (starts[1], starts[2]), "akimats": (starts[5], ends5)}


def parse_table(table, lines, lo, hi):
    """Return (rows, skipped) where rows are dicts with per-column line parts."""
    rows = []
    skipped = {"page_header": [], "region": [], "blank": [], "column_titles": [], "end_rule": []}
    region = None
    in_table = False
    for i in range(lo, hi):
        lineno = i + 1
        line = lines[i]
        if "\t" not in line:
            if in_table and line.strip():
                raise SeedError("%s line %d: untabbed text inside table: %r" % (table, lineno, line))
            if in_table:
                skipped["blank"].append(lineno)
            continue
        cells = line.split("\t")
        if len(cells) != 5:
            raise SeedError("%s line %d: %d cells, expected 5" % (table, lineno, len(cells)))
        stripped = [c.strip() for c in cells]
        if not in_table:
            if stripped[0].startswith("Наименование"):
                in_table = True
                skipped["column_titles"].append(lineno)
                continue
            raise SeedError("%s line %d: tabbed line before column titles" % (table, lineno))
        if stripped == PAGE_HEADER:
            skipped["page_header"].append(lineno)
            continue
        if all(re.fullmatch(r"-+", c) for c in stripped):
            skipped["end_rule"].append(lineno)       # "--<TAB>--<TAB>---..." closing rule
            continue
        if stripped[0] in REGIONS and not any(stripped[1:]):
            region = stripped[0]
            skipped["region"].append(lineno)
            continue
        if ROW_START.match(cells[0]):
            if region is None:
                raise SeedError("%s line %d: row before any region heading" % (table, lineno))
            rows.append({"region": region, "lines": [lineno],
                         "parts": [[c] for c in cells]})
            continue
        # continuation of the previous row, cell by cell
        if not rows or rows[-1]["region"] != region:
            raise SeedError("%s line %d: continuation line with no row to continue" % (table, lineno))
        rows[-1]["lines"].append(lineno)
        for col, c in enumerate(cells):
            rows[-1]["parts"][col].append(c)
    if not in_table:
        raise SeedError("%s: column titles not found" % table)
    return rows, skipped


COLS = ["name", "address", "official", "phones", "emails"]


def build_rows(table, raw_rows, used_fixes):
    out = []
    for raw in raw_rows:
        notes = []
        rec = {"region": raw["region"], "lines": raw["lines"]}
        if len(raw["lines"]) > 1:
            notes.append("joined from %d lines (seed lines %s)" % (
                len(raw["lines"]), ", ".join(str(n) for n in raw["lines"])))
        for col in ("name", "address", "official", "phones"):
            parts = raw["parts"][COLS.index(col)]
            value = join_column(parts, col)
            fixed = []
            if col != "phones":
                for wrong, right, why in TEXT_FIXES:
                    if wrong in value:
                        value = value.replace(wrong, right)
                        fixed.append("'%s'->'%s'" % (wrong, right))
            else:
                new = re.sub(r"-\s+(?=\d)", "-", value)
                if new != value:
                    fixed.append("removed space after '-'")
                    value = new
            if fixed:
                notes.append("%s: %s" % (col, "; ".join(fixed)))
            rec[col] = value
        addrs, enotes = mend_emails(table, raw["parts"][4], used_fixes)
        for a in addrs:
            if not valid_email(a):
                raise SeedError("invalid address produced: %r" % a)
        rec["emails"] = "; ".join(addrs)
        rec["printed_email"] = join_column(raw["parts"][4], "emails")
        notes.extend(enotes)
        latin = sorted({w for w in re.findall(r"\w+", " ".join(rec[c] for c in ("name", "address")))
                        if re.search(r"[А-Яа-яЁё]", w) and re.search(r"[A-Za-z]", w)})
        if latin:
            notes.append("Latin letters inside Cyrillic words kept as printed: %s" % ", ".join(latin))
        rec["key"], knote = make_key(REGIONS[rec["region"]], rec["name"])
        if knote:
            notes.append(knote)
        rec["notes"] = notes
        out.append(rec)
    keys = [r["key"] for r in out]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    if dups:
        raise SeedError("%s: duplicate keys %s - extend PLACE_ALIASES/NAMED_DISTRICTS" % (table, dups))
    return out


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(HEADER)
        for r in rows:
            w.writerow([r["key"], r["region"], r["name"], r["address"], r["official"],
                        r["phones"], r["emails"], "; ".join(r["notes"])])


def report(tables, skipped, cross):
    out = []
    for table, label in (("offices", "offices.csv  (Приложение 1)"),
                         ("akimats", "akimats.csv  (Приложение 5)")):
        rows = tables[table]
        out.append("== %s ==" % label)
        counts = {}
        for r in rows:
            counts[r["region"]] = counts.get(r["region"], 0) + 1
        for region in counts:
            out.append("  %-32s %3d" % (region, counts[region]))
        out.append("  %-32s %3d" % ("TOTAL", len(rows)))
        sk = skipped[table]
        out.append("  seed lines not turned into rows: %d page headers '1 2 3 4 5', "
                   "%d region headings, %d column-title line, %d blank, %d closing rule"
                   % (len(sk["page_header"]), len(sk["region"]), len(sk["column_titles"]),
                      len(sk["blank"]), len(sk["end_rule"])))
        out.append("")
    for table in ("offices", "akimats"):
        rows = tables[table]
        mended = [r for r in rows if r["notes"]]
        out.append("== mended / annotated rows in %s.csv: %d of %d ==" % (table, len(mended), len(rows)))
        for r in mended:
            out.append("  [%s] seed line %s: %s" % (r["key"], r["lines"][0], r["name"]))
            for n in r["notes"]:
                out.append("      - " + n)
        out.append("")
    for title, keys in (("App. 1 offices without an App. 5 body of the same key", cross["only1"]),
                        ("App. 5 bodies without an App. 1 office of the same key", cross["only5"])):
        out.append("== %s ==" % title)
        out.extend(["  " + k for k in keys] or ["  (none)"])
    out.append("")
    return "\n".join(out)


def main(argv):
    args = list(argv[1:])
    report_path = None
    if "--report" in args:
        i = args.index("--report")
        report_path = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    seed, outdir = Path(args[0]), Path(args[1])
    lines = seed.read_text(encoding="utf-8").split("\n")
    sections = find_sections(lines)
    used_fixes = set()
    tables, skipped = {}, {}
    for table, (lo, hi) in sections.items():
        raw_rows, skipped[table] = parse_table(table, lines, lo, hi)
        tables[table] = build_rows(table, raw_rows, used_fixes)
    unused = sorted(set(EMAIL_FIXES) - used_fixes)
    if unused:
        raise SeedError("hand e-mail fixes that matched nothing (seed changed?): %s" % unused)

    keys1 = {r["key"] for r in tables["offices"]}
    keys5 = {r["key"] for r in tables["akimats"]}
    cross = {"only1": [r["key"] for r in tables["offices"] if r["key"] not in keys5],
             "only5": [r["key"] for r in tables["akimats"] if r["key"] not in keys1]}
    for r in tables["offices"]:
        if r["key"] not in keys5:
            r["notes"].append("no App. 5 body with this key")
    for r in tables["akimats"]:
        if r["key"] not in keys1:
            r["notes"].append("no App. 1 office with this key")

    outdir.mkdir(parents=True, exist_ok=True)
    write_csv(outdir / "offices.csv", tables["offices"])
    write_csv(outdir / "akimats.csv", tables["akimats"])
    if report_path:
        Path(report_path).write_text(report(tables, skipped, cross), encoding="utf-8")
    sys.stderr.write("offices.csv: %d rows, akimats.csv: %d rows\n"
                     % (len(tables["offices"]), len(tables["akimats"])))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except SeedError as e:
        sys.stderr.write("error: %s\n" % e)
        sys.exit(1)
