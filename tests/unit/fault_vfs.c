/* fault_vfs.c - the failing VFS; see fault_vfs.h.  Every call goes to the
 * system's VFS unless it is the one chosen to fail. */
#include <string.h>

#include <sqlite3.h>

#include "fault_vfs.h"

const char *const fault_kind_names[FAULT_KINDS] = {"write", "disk full", "sync", "short read",
	"lock", "open"};

static sqlite3_vfs *base;  /* the system's VFS */
static sqlite3_vfs faulty; /* ours, over it */
static enum fault_kind armed_kind;
static int armed_at, armed_persist, calls, failed;

struct ffile {
	sqlite3_file head;  /* our methods */
	sqlite3_file *real; /* the system's file, allocated after us */
};

/* Count a call of kind; nonzero if it must fail. */
static int
fails(enum fault_kind kind)
{
	if (armed_at == 0 || kind != armed_kind)
		return 0;
	calls++;
	if (calls == armed_at || (armed_persist && calls > armed_at)) {
		failed++;
		return 1;
	}
	return 0;
}

#define REAL(f) (((struct ffile *)(f))->real)

static int
f_close(sqlite3_file *f)
{
	int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;
	return rc;
}

static int
f_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	if (fails(FAULT_READ)) {
		memset(buf, 0, (size_t)n);
		return SQLITE_IOERR_SHORT_READ;
	}
	return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}

static int
f_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (fails(FAULT_WRITE))
		return SQLITE_IOERR_WRITE;
	if (fails(FAULT_FULL))
		return SQLITE_FULL;
	return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}

static int
f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	if (fails(FAULT_WRITE))
		return SQLITE_IOERR_TRUNCATE;
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int
f_sync(sqlite3_file *f, int flags)
{
	if (fails(FAULT_SYNC))
		return SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int
f_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int
f_lock(sqlite3_file *f, int level)
{
	if (fails(FAULT_LOCK))
		return SQLITE_IOERR_LOCK;
	return REAL(f)->pMethods->xLock(REAL(f), level);
}

static int
f_unlock(sqlite3_file *f, int level)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), level);
}

static int
f_check(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
f_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
f_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
f_caps(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int
f_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), page, size, extend, out);
}

static int
f_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	if ((flags & SQLITE_SHM_LOCK) && fails(FAULT_LOCK))
		return SQLITE_IOERR_SHMLOCK;
	return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}

static void
f_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
f_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

/* No memory mapping: every page goes through xRead, where faults are. */
static int
f_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **out)
{
	(void)f;
	(void)off;
	(void)n;
	*out = NULL;
	return SQLITE_OK;
}

static int
f_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	(void)f;
	(void)off;
	(void)p;
	return SQLITE_OK;
}

static const sqlite3_io_methods methods = {3, f_close, f_read, f_write, f_truncate, f_sync, f_size,
	f_lock, f_unlock, f_check, f_control, f_sector, f_caps, f_shm_map, f_shm_lock,
	f_shm_barrier, f_shm_unmap, f_fetch, f_unfetch};

static int
v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
	struct ffile *ff = (struct ffile *)f;
	int rc;

	(void)vfs;
	ff->real = (sqlite3_file *)(ff + 1);
	memset(ff->real, 0, (size_t)base->szOsFile);
	f->pMethods = NULL;
	if ((flags & (SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_WAL)) && fails(FAULT_OPEN))
		return SQLITE_CANTOPEN;
	rc = base->xOpen(base, name, ff->real, flags, out_flags);
	if (rc == SQLITE_OK)
		f->pMethods = &methods;
	else if (ff->real->pMethods != NULL) {
		f->pMethods = &methods; /* SQLite will call xClose */
	}
	return rc;
}

static int
v_delete(sqlite3_vfs *vfs, const char *name, int sync)
{
	(void)vfs;
	return base->xDelete(base, name, sync);
}

static int
v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return base->xAccess(base, name, flags, out);
}

static int
v_full(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return base->xFullPathname(base, name, n, out);
}

static int
v_random(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return base->xRandomness(base, n, out);
}

static int
v_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return base->xSleep(base, us);
}

static int
v_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return base->xCurrentTime(base, out);
}

static int
v_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return base->xGetLastError(base, n, out);
}

static int
v_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return base->xCurrentTimeInt64(base, out);
}

void
fault_vfs_install(void)
{
	if (base != NULL)
		return;
	base = sqlite3_vfs_find(NULL);
	faulty = (sqlite3_vfs){.iVersion = 2,
		.szOsFile = (int)sizeof(struct ffile) + base->szOsFile,
		.mxPathname = base->mxPathname,
		.zName = "kezek-fault",
		.xOpen = v_open,
		.xDelete = v_delete,
		.xAccess = v_access,
		.xFullPathname = v_full,
		.xRandomness = v_random,
		.xSleep = v_sleep,
		.xCurrentTime = v_time,
		.xGetLastError = v_error,
		.xCurrentTimeInt64 = v_time64};
	sqlite3_vfs_register(&faulty, 1);
}

void
fault_vfs_arm(enum fault_kind kind, int n, int persist)
{
	armed_kind = kind;
	armed_at = n;
	armed_persist = persist;
	calls = failed = 0;
}

void
fault_vfs_disarm(void)
{
	armed_at = 0;
}

int
fault_vfs_calls(void)
{
	return calls;
}

int
fault_vfs_failed(void)
{
	return failed;
}
