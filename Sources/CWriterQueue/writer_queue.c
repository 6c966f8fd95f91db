// A bounded blocking flock (see CWriterQueue.h). Linux has no timed flock: the waiting thread
// arms a POSIX timer aimed at itself (SIGEV_THREAD_ID) with a signal whose handler does nothing
// and is installed without SA_RESTART, so the blocked flock returns EINTR when the timer fires.
// The timer keeps firing every few milliseconds after the deadline, so a signal that arrives
// between two calls, before flock blocks again, cannot leave the thread waiting forever.
#define _GNU_SOURCE
#include "CWriterQueue.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/// After the deadline the timer fires this often until the waiter has noticed.
static const long repeat_ms = 5;

int course_menu_lock_wake_signal(void) { return SIGRTMIN + 7; }

static int wake_signal(void) { return course_menu_lock_wake_signal(); }

static void ignore_wake(int signal) { (void)signal; }

static pthread_once_t handler_installed = PTHREAD_ONCE_INIT;

static void install_handler(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = ignore_wake;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // not SA_RESTART: flock must come back with EINTR
  sigaction(wake_signal(), &action, NULL);
}

static struct timespec milliseconds(long count) {
  struct timespec span = {.tv_sec = count / 1000, .tv_nsec = (count % 1000) * 1000000L};
  return span;
}

static int passed(const struct timespec *deadline) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec > deadline->tv_sec ||
         (now.tv_sec == deadline->tv_sec && now.tv_nsec >= deadline->tv_nsec);
}

int course_menu_lock_exclusive_within(int descriptor, long timeout_ms) {
  if (flock(descriptor, LOCK_EX | LOCK_NB) == 0) return 0;
  if (errno != EWOULDBLOCK) return errno;
  if (timeout_ms <= 0) return ETIMEDOUT;

  struct timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  struct timespec span = milliseconds(timeout_ms);
  deadline.tv_sec += span.tv_sec;
  deadline.tv_nsec += span.tv_nsec;
  if (deadline.tv_nsec >= 1000000000L) {
    deadline.tv_sec += 1;
    deadline.tv_nsec -= 1000000000L;
  }

  pthread_once(&handler_installed, install_handler);
  struct sigevent event;
  memset(&event, 0, sizeof event);
  event.sigev_notify = SIGEV_THREAD_ID;
  event.sigev_signo = wake_signal();
  event._sigev_un._tid = (pid_t)syscall(SYS_gettid);
  timer_t timer;
  if (timer_create(CLOCK_MONOTONIC, &event, &timer) != 0) return errno;
  struct itimerspec when = {.it_interval = milliseconds(repeat_ms), .it_value = span};

  sigset_t wake, previous;
  sigemptyset(&wake);
  sigaddset(&wake, wake_signal());
  pthread_sigmask(SIG_UNBLOCK, &wake, &previous);
  int result = 0;
  if (timer_settime(timer, 0, &when, NULL) != 0) {
    result = errno;
  } else {
    while (flock(descriptor, LOCK_EX) != 0) {
      if (errno != EINTR) {
        result = errno;
        break;
      }
      if (passed(&deadline)) {
        result = ETIMEDOUT;
        break;
      }
    }
  }
  timer_delete(timer);
  // A tick generated before timer_delete is handled on the return from that call, while the
  // signal is still unblocked: nothing is left pending when the mask is restored.
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  return result;
}
