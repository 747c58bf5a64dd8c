/*
 * escpos.h - the ESC/POS bytes a thermal printer takes: a printout as raster
 * bands, a decoder for tests and previews, and real-time status.  No I/O.
 *
 * The commands (Epson ESC/POS reference):
 *   ESC @                          1B 40        initialise
 *   GS v 0 m xL xH yL yH d1...dk   1D 76 30 ... raster, x bytes a row, y rows
 *   ESC d n                        1B 64 n      print and feed n lines
 *   GS V m / GS V m n              1D 56 ...    cut (m 65, 66 take n)
 *   DLE EOT n                      10 04 n      real-time status request
 *   LF                             0A           print and feed one line
 */
#ifndef KZ_ESCPOS_H
#define KZ_ESCPOS_H

#include <stddef.h>
#include <stdint.h>

#include "ink/bitmap.h"
#include "ink/bytes.h"

#define KZ_ESCPOS_BAND_ROWS     128  /* rows a GS v 0 band at most: each stands alone */
#define KZ_ESCPOS_MAX_BANDS     256  /* bands a printout at most (32768 rows) */
#define KZ_ESCPOS_BAND_HEAD     8    /* bytes of a band's GS v 0 header */
#define KZ_ESCPOS_MAX_STRIDE    8191 /* bytes a row: 65535 dots */
#define KZ_ESCPOS_DECODE_ROWS   8192 /* the decoder's largest picture */
#define KZ_ESCPOS_DECODE_STRIDE 1024

/* Append to out: ESC @, bm as GS v 0 bands of at most KZ_ESCPOS_BAND_ROWS
 * rows (and under 64 KiB each), ESC d feed_lines (left out when 0), then
 * GS V 66 0 (feed to the cutter, partial cut) if cut.  KZ_EINVAL: bm wider
 * than 8191 bytes a row, longer than KZ_ESCPOS_MAX_BANDS bands, or
 * feed_lines outside 0..255; KZ_ENOMEM.  On failure out is as it was. */
int kz_escpos_print(const struct kz_bitmap *bm, int feed_lines, int cut, struct kz_bytes *out);

/* Where the pieces of a printout lie, for sending it band by band: the
 * ESC @ from start to at[0]; band i (its 8-byte header first) from at[i]
 * to at[i + 1]; the feed and cut from at[n] to end. */
struct kz_escpos_bands {
	int n;                              /* bands */
	size_t start, end;                  /* the printout in out */
	size_t at[KZ_ESCPOS_MAX_BANDS + 1]; /* where each band begins; at[n]: the feed */
};

/* kz_escpos_print, telling where its pieces went (b may be NULL). */
int kz_escpos_print_bands(const struct kz_bitmap *bm, int feed_lines, int cut, struct kz_bytes *out,
	struct kz_escpos_bands *b);

/* What brings a printer back to a known state after a printout stopped
 * part way, a band of up to KZ_ESCPOS_BAND_ROWS rows stride bytes wide
 * perhaps cut short: as many zero bytes as such a band's dots (they end the
 * band with blank rows; ESC/POS printers ignore the NULs left over), ESC @,
 * then note (a picture, such as "this printout was interrupted"; may be
 * NULL), feed_lines and a cut.  KZ_EINVAL for a stride outside 1..8191;
 * KZ_ENOMEM.  The header of a band must go out in one write of its own
 * (printd does), so a stop never leaves a header in part. */
int kz_escpos_recover(int stride, const struct kz_bitmap *note, int feed_lines,
	struct kz_bytes *out);

/* What kz_escpos_decode saw. */
struct kz_escpos_summary {
	int inits;       /* ESC @ */
	int bands;       /* GS v 0 */
	int feeds_lines; /* lines fed by ESC d n and LF */
	int cuts;        /* GS V of any kind */
	int partial_cut; /* of which partial (m 1, 49, 66) */
	int other;       /* commands that change no paper: DLE EOT */
	int nuls;        /* NUL bytes between commands: ignored, as printers do */
	int raster_mode; /* m of the last GS v 0, 48..51 folded to 0..3 */
};

/* Read an ESC/POS stream made of the commands above.  The bands are stacked
 * top to bottom into *out (as wide as the widest band, narrower ones padded
 * white on the right; dots at normal size whatever m says); feeds and cuts
 * are counted, not drawn, as their height depends on the printer.  *out is
 * NULL when there is no band.  A stream that ends between two commands is
 * read as far as it goes.  KZ_EINVAL, with the byte offset: an unknown
 * command, one cut short, a picture over 8192 rows or 1024 bytes a row (or
 * a stream over INT_MAX bytes); KZ_ENOMEM.  out and sum may be NULL; on
 * failure *out is NULL and sum counts the commands before the bad one. */
int kz_escpos_decode(const uint8_t *data, size_t len, struct kz_bitmap **out,
	struct kz_escpos_summary *sum, char *err);

/* Real-time status: DLE EOT n, n = 1 printer, 2 offline cause, 3 error
 * cause, 4 roll paper sensor; the printer answers one byte. */
enum {
	KZ_STATUS_PRINTER = 1,
	KZ_STATUS_OFFLINE = 2,
	KZ_STATUS_ERROR = 3,
	KZ_STATUS_PAPER = 4,
};

/* The three request bytes; KZ_EINVAL for n outside 1..4. */
int kz_escpos_status_request(int n, uint8_t out[3]);

/* What the answers said; start from {0}.  Each answer sets the fields it
 * reports and leaves the rest. */
struct kz_printer_state {
	int online;           /* n 1 */
	int cover_open;       /* n 2 */
	int paper_out;        /* n 4 (end sensor); n 2 (printing stopped at paper end) */
	int paper_near_end;   /* n 4 */
	int feed_button;      /* n 1 (pressed); n 2 (feeding) */
	int error;            /* n 2: some error, see n 3 */
	int cutter_error;     /* n 3 */
	int unrecoverable;    /* n 3 */
	int auto_recoverable; /* n 3: e.g. head too hot; clears by itself */
	int valid;            /* bit n set once request n was answered; 0 = nothing known */
};

/* Read the answer to request n.  Answers have bits 1 and 4 set and bits 0
 * and 7 clear; any other byte, or n outside 1..4, is KZ_EINVAL and st is
 * left alone. */
int kz_escpos_status_parse(int n, uint8_t byte, struct kz_printer_state *st);

/* A short reason for people, most serious first and joined by ", ": "paper
 * out, cover open", "paper near end", "ok"; "status unknown" before any
 * answer.  "offline" only when nothing named explains it.  Returns buf. */
const char *kz_escpos_state_text(const struct kz_printer_state *st, char *buf, size_t len);

#endif
