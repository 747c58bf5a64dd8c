#!/usr/bin/env python3
"""english.py FILE [--run N] [--spaced]: is there an English sentence in FILE?

What a person reads in Kazakh or Russian may hold Latin words that are
typed, not read: a command as it is typed ("kezek next --help",
"systemctl restart kezek-printd@a4-1"), the codes of documents as --docs
takes them, the system's own error text.  Those are taken out; then N Latin
words in a row (3 unless told; a hyphenated word is one word) are an
English sentence left untranslated.  --spaced: the words of a sentence
are joined by one space only, as in a help text, where a column of options
and a list of values ("served, noshow, transferred") are typed, not read.
Prints what it found and exits 1, or exits 0 if there is none.
"""
import re
import sys

# typed as they are: the programs a message tells a person to run, with
# their words, options, numbers and names
COMMAND = re.compile(
    r"\b(kezek|systemctl|sudo)"
    r"(\s+(--?[a-z][a-z-]*|[a-z0-9][\w@.-]*|[A-Z]+|\||[0-9][0-9A-Z-]*))*")
# an option as typed, wherever it stands
OPTION = re.compile(r"(?<!\w)--?[a-z][a-z-]*")
# the documents' codes, as --docs takes them
DOCUMENTS = re.compile(
    r"\b(application|id_copy|power_of_attorney|proxy_id|registration|authority|act|"
    r"conclusion)\b")
# the system's own words after a file name (strerror), never Kezek's
SYSTEM = ("No such file or directory", "Permission denied")


def english(text, run, spaced):
    for words in SYSTEM:
        text = text.replace(words, " ")
    text = COMMAND.sub(" ", text)
    text = OPTION.sub(" ", text)
    text = DOCUMENTS.sub(" ", text)
    text = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", "", text)
    between = " " if spaced else r"[\s,;:'()-]+"
    return re.findall(r"[A-Za-z]{2,}(?:%s[A-Za-z]{2,}){%d,}" % (between, run - 1), text)


def main():
    args = sys.argv[1:]
    run, spaced = 3, "--spaced" in args
    if spaced:
        args.remove("--spaced")
    if len(args) == 3 and args[1] == "--run" and args[2].isdigit() and int(args[2]) >= 2:
        run = int(args[2])
    elif len(args) != 1:
        sys.exit("usage: english.py FILE [--run N] [--spaced], N at least 2")
    with open(args[0], encoding="utf-8") as f:
        bad = english(f.read(), run, spaced)
    if bad:
        print("English %s" % bad[:5])
        sys.exit(1)


if __name__ == "__main__":
    main()
