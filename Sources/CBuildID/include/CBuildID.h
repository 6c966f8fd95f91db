#ifndef COURSE_MENU_BUILD_ID_H
#define COURSE_MENU_BUILD_ID_H

#include <stddef.h>

/// Copies the running program's GNU build id (the linker's hash of the binary, from its
/// NT_GNU_BUILD_ID note as loaded in memory) into `buffer`; returns its length, 0 when the
/// program has none or it does not fit.
size_t course_menu_build_id(unsigned char *buffer, size_t capacity);

#endif
