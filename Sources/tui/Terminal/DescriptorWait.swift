#if canImport(Glibc)
  import Glibc
#endif

/// Waits until a descriptor is readable, a timeout passes, or a signal comes, with `pselect`:
/// it swaps in a signal mask only for the length of the wait, so a signal kept blocked until
/// then (`LoopSignals`) always ends the wait instead of slipping in just before it.
enum DescriptorWait {
  enum Outcome: Hashable {
    /// These descriptors are readable (or at end of input, or failing: a read will tell).
    case readable(Set<Int32>)
    case timedOut
    /// A signal came.
    case interrupted
    /// The wait itself failed (a descriptor was closed).
    case failed
  }

  /// Waits on `descriptors` (each below `FD_SETSIZE`) for `timeout` seconds, or without end
  /// when it is nil, with `mask` as the signal mask meanwhile.
  static func wait(for descriptors: [Int32], timeout: Double?, mask: sigset_t) -> Outcome {
    var readable = fd_set()
    for descriptor in descriptors { add(descriptor, to: &readable) }
    var mask = mask
    let highest = (descriptors.max() ?? 0) + 1
    let ready: Int32
    if let timeout {
      let seconds = max(0, timeout)
      var span = timespec(
        tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
      ready = pselect(highest, &readable, nil, nil, &span, &mask)
    } else {
      ready = pselect(highest, &readable, nil, nil, nil, &mask)
    }
    if ready < 0 { return errno == EINTR ? .interrupted : .failed }
    if ready == 0 { return .timedOut }
    return .readable(Set(descriptors.filter { contains($0, in: &readable) }))
  }

  // FD_SET and FD_ISSET are macros Swift cannot import: the set is an array of words, one
  // bit a descriptor.
  private static func add(_ descriptor: Int32, to set: inout fd_set) {
    withUnsafeMutableBytes(of: &set) { bytes in
      let words = bytes.bindMemory(to: Int.self)
      words[Int(descriptor) / Int.bitWidth] |= 1 << (Int(descriptor) % Int.bitWidth)
    }
  }

  private static func contains(_ descriptor: Int32, in set: inout fd_set) -> Bool {
    withUnsafeMutableBytes(of: &set) { bytes in
      let words = bytes.bindMemory(to: Int.self)
      return words[Int(descriptor) / Int.bitWidth] & (1 << (Int(descriptor) % Int.bitWidth)) != 0
    }
  }
}
