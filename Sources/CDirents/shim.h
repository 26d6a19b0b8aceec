#ifndef WAYMARK_CDIRENTS_SHIM_H
#define WAYMARK_CDIRENTS_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __linux__
#include <sys/syscall.h>
#include <unistd.h>

/*
 * getdents64(2) on an open folder: fills `buffer` with `struct linux_dirent64` records
 * (inode, offset, record length, type, NUL-terminated name) and returns the bytes used,
 * 0 at the end, -1 with errno on error. glibc declares its wrapper only under _GNU_SOURCE,
 * which Swift's Glibc module is not built with, so the system call is made here.
 */
static inline long waymark_getdents64(int folder, void *buffer, size_t capacity) {
    return syscall(SYS_getdents64, folder, buffer, capacity);
}

/* Where the fields of one record sit (struct linux_dirent64, include/linux/dirent.h). */
enum {
    WAYMARK_DIRENT_RECLEN_OFFSET = 16,
    WAYMARK_DIRENT_TYPE_OFFSET = 18,
    WAYMARK_DIRENT_NAME_OFFSET = 19
};
#endif

#endif
