#ifndef COURSE_MENU_CRASH_POLICY_H
#define COURSE_MENU_CRASH_POLICY_H

/// 1 when the Swift runtime reads the wanted SWIFT_BACKTRACE: it was set before the program
/// started, or (static build) set here before the runtime read it; 0 when the program must
/// re-execute itself to apply it (BacktracePolicy.swift).
int course_menu_crash_policy_settled(void);

/// The SWIFT_BACKTRACE the program runs with: COURSE_MENU_BACKTRACE when set and not empty,
/// else "enable=no".
const char *course_menu_crash_policy_wanted(void);

#endif
