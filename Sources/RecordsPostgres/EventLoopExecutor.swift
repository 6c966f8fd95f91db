import NIOCore

/// A task executor that runs jobs on one NIO event loop, so the client's tasks (its pool, and
/// each lease) never need the shared cooperative threads: a synchronous caller blocked on a
/// lease (a test, itself on a cooperative thread) cannot starve the work it waits for.
final class EventLoopExecutor: TaskExecutor {
  let loop: any EventLoop

  init(loop: any EventLoop) { self.loop = loop }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
