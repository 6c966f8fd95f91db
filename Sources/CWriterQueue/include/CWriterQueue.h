#ifndef COURSE_MENU_WRITER_QUEUE_H
#define COURSE_MENU_WRITER_QUEUE_H

/// Takes an exclusive flock(2) on `descriptor`, waiting in the kernel's queue of waiters for at
/// most `timeout_ms` milliseconds. Returns 0 with the lock held, ETIMEDOUT when the wait ran
/// out (the lock not held), or another errno when flock failed (EBADF, ENOLCK, ...).
///
/// The wait is bounded by a timer that signals the waiting thread alone, so a holder that is
/// stopped (SIGSTOP, a debugger) makes the others give up instead of hanging them. The thread's
/// signal mask is the same afterwards as before.
int course_menu_lock_exclusive_within(int descriptor, long timeout_ms);

/// The real-time signal the timer sends to the waiting thread (its handler does nothing).
int course_menu_lock_wake_signal(void);

#endif
