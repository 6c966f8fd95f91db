#ifndef COURSE_MENU_CNCURSES_SHIM_H
#define COURSE_MENU_CNCURSES_SHIM_H
/* SwiftPM drops pkg-config's _XOPEN_SOURCE, so the wide-character API must be
   requested here, before curses is included. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>
#endif
