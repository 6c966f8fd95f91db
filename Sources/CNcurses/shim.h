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
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Accessors for what Swift cannot import: macros and globals behind macros.
   Each one only returns the value curses defines; there is no logic here. */

static inline WINDOW *cm_stdscr(void) { return stdscr; }
static inline WINDOW *cm_curscr(void) { return curscr; }
static inline int cm_lines(void) { return LINES; }
static inline int cm_cols(void) { return COLS; }
static inline int cm_err(void) { return ERR; }
static inline int cm_ok(void) { return OK; }

/* Attributes */
static inline attr_t cm_a_normal(void) { return A_NORMAL; }
static inline attr_t cm_a_bold(void) { return A_BOLD; }
static inline attr_t cm_a_reverse(void) { return A_REVERSE; }
static inline attr_t cm_a_underline(void) { return A_UNDERLINE; }

/* Key codes get_wch reports with KEY_CODE_YES */
static inline int cm_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cm_key_up(void) { return KEY_UP; }
static inline int cm_key_down(void) { return KEY_DOWN; }
static inline int cm_key_left(void) { return KEY_LEFT; }
static inline int cm_key_right(void) { return KEY_RIGHT; }
static inline int cm_key_home(void) { return KEY_HOME; }
static inline int cm_key_end(void) { return KEY_END; }
static inline int cm_key_ppage(void) { return KEY_PPAGE; }
static inline int cm_key_npage(void) { return KEY_NPAGE; }
static inline int cm_key_enter(void) { return KEY_ENTER; }
static inline int cm_key_backspace(void) { return KEY_BACKSPACE; }
static inline int cm_key_resize(void) { return KEY_RESIZE; }
static inline int cm_key_mouse(void) { return KEY_MOUSE; }
static inline int cm_key_f(int n) { return KEY_F(n); }

/* Mouse */
static inline mmask_t cm_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cm_button1_released(void) { return BUTTON1_RELEASED; }

#endif
