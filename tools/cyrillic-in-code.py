#!/usr/bin/env python3
"""cyrillic-in-code.py [ROOT] - Cyrillic text compiled into the programs' C
(their .c and .h files).

Every word staff and visitors read in Kazakh or Russian comes from po/
(English msgids in the code), so a Cyrillic letter in a C file's code or
string literals is a word that bypasses the catalogues.  Comments may be in
any language.  What is language data rather than words is allowed below,
each with why: by exact string literal where it is a handful, by file where
it is a whole table.  Prints each offence as FILE:LINE: TEXT; exits 1 if any.
"""
import glob
import os
import re
import sys

CYR = re.compile('[\u0400-\u04ff]')
FOLDERS = ('queue', 'documents', 'kiosk', 'display', 'clerk', 'printer', 'ink', 'ui', 'setup',
           'hall', 'region', 'remote')
# not sim/ and bench/: the made-up people, addresses and complaints they fill a
# hall with are test data, not words of the programs

# file -> literals allowed in it (None: the file's tables, all of them)
ALLOWED = {
    # the language buttons name each language in itself, whatever is shown
    'kiosk/frame.c': {'Қазақша', 'Русский'},
    # the Kazakh locative ending that agrees with a time read aloud (grammar)
    'documents/ticket.c': {'де', 'да', 'те', 'та'},
    # patronymic particles that a surname-and-initials abbreviation skips
    'documents/talon.c': {'қызы', 'ұлы', 'кызы', 'улы', 'оглы', 'кизи'},
    # numbers said aloud on the hall board: the words and their grammar
    'display/announce.c': None,
    # amounts written in words (the act): number names with their genders and cases
    'queue/words.c': None,
    # an example of a row as the clerk types it, in the act's own language
    'queue/application-docs.c': {"an act row is 'zone;area;rate;coefficient;value', such as "
                                 "'Зона 1;0,1500;1 200 000;1,2;216 000,00'"},
}


def literals_and_code(text):
    """(line, kind, text) for each string literal and each line of code,
    comments removed."""
    i, line, n = 0, 1, len(text)
    code, out, lit = [], [], None
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
            continue
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            line += text.count('\n', i, j)
            i = j
            continue
        if c in '"\'':
            j, buf = i + 1, []
            while j < n and text[j] != c:
                if text[j] == '\\':
                    buf.append(text[j:j + 2])
                    j += 2
                    continue
                buf.append(text[j])
                j += 1
            s = ''.join(buf)
            if c == '"':
                # adjacent literals are one string
                if lit is not None and lit[2] == 'open':
                    lit[1] += s
                else:
                    lit = [line, s, 'open']
                    out.append(lit)
            i = j + 1
            continue
        if c == '\n':
            line += 1
        if not c.isspace() and lit is not None:
            lit[2] = 'closed'
        if CYR.match(c):
            code.append((line, 'code', text[max(0, i - 20):i + 20]))
        i += 1
    return [(ln, 'string', s) for ln, s, _ in out] + code


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
    bad = 0
    for folder in FOLDERS:
        for path in sorted(glob.glob(os.path.join(root, folder, '*.[ch]'))):
            rel = f'{folder}/{os.path.basename(path)}'
            allowed = ALLOWED.get(rel, set())
            with open(path, encoding='utf-8') as f:
                text = f.read()
            for ln, kind, s in literals_and_code(text):
                if not CYR.search(s) or allowed is None:
                    continue
                if kind == 'string' and s in allowed:
                    continue
                print(f'{rel}:{ln}: {kind} in Cyrillic: {s[:70]}')
                bad += 1
    if bad:
        print(f'{bad} Cyrillic text(s) compiled in: give them an English msgid and their '
              'Kazakh and Russian in po/kk.po and po/ru.po (documents/notice.c shows how)')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
