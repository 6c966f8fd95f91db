/// Work `update` asks the app loop to do, so `update` itself stays a pure function.
enum Effect: Hashable, Sendable {
  /// Leave the UI and restore the terminal (once any write on its way has ended).
  case quit
  /// Read or write the member records on the worker; the answer comes back as
  /// `Event.records`.
  case records(RecordsCall)
}
