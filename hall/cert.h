/*
 * cert.h - a self-signed certificate for kezek-hall's HTTPS, made with
 * GnuTLS at installation (kezek-hall --make-certificate DIR): DIR/hall.crt
 * (0644) and DIR/hall.key (0600), an ECDSA P-256 key, valid ten years, for
 * this machine's name, localhost, 127.0.0.1 and the names given.
 */
#ifndef KZ_HALL_CERT_H
#define KZ_HALL_CERT_H

/* Make the pair in dir (which must exist); names (may be NULL, nnames 0)
 * are more DNS names or IP addresses for it.  Refuses to overwrite either
 * file (KZ_EREJECT).  KZ_OK, or KZ_EDEVICE / KZ_EINVAL with a message. */
int hall_make_certificate(const char *dir, const char *const *names, int nnames, char *err);

#endif
