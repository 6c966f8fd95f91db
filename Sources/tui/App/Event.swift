/// Something that happened, as the app core sees it: at the terminal, on the clock, or in
/// the records.
enum Event: Hashable, Sendable {
  case key(Key)
  /// The terminal now has this size (a burst of resizes arrives as one).
  case resize(Size)
  /// A mouse click at a column and row of the screen.
  case click(x: Int, y: Int)
  /// The terminal is gone (hang-up, end of input) or the program was asked to stop.
  case hangup
  /// The answer to an `Effect.records` the worker carried out.
  case records(RecordsAnswer)
  /// Time passed, and a deadline the state holds has come: the loop sends it only then.
  case tick(Moment)
  /// Another session of this machine has just taken this one's member over (`SessionNudge`):
  /// the records say whether it is so.
  case sessionNudged
}
