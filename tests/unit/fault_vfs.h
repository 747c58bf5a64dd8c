/*
 * fault_vfs.h - SQLite's way of testing the ugly paths: a VFS over the
 * system's own that makes the Nth I/O call of one kind fail, once or from
 * then on, so a test can walk a queue operation through every failure.
 */
#ifndef KZ_FAULT_VFS_H
#define KZ_FAULT_VFS_H

enum fault_kind {
	FAULT_WRITE, /* xWrite: an I/O error */
	FAULT_FULL,  /* xWrite: the disk is full */
	FAULT_SYNC,  /* xSync */
	FAULT_READ,  /* xRead: a short read */
	FAULT_LOCK,  /* xLock and the WAL's shared-memory locks */
	FAULT_OPEN,  /* xOpen of a journal or WAL file */
	FAULT_KINDS
};

extern const char *const fault_kind_names[FAULT_KINDS];

/* Register the VFS as the default (once per process). */
void fault_vfs_install(void);

/* From now on, the nth call (1-based) of kind fails; with persist, every
 * later one too (a disk stays full).  n 0: no faults. */
void fault_vfs_arm(enum fault_kind kind, int n, int persist);

/* Calls of the armed kind seen since fault_vfs_arm, and how many failed
 * (kept after fault_vfs_disarm). */
int fault_vfs_calls(void);

/* No more faults, until armed again. */
void fault_vfs_disarm(void);
int fault_vfs_failed(void);

#endif
