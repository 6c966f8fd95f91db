import Catalog

/// How the program keeps a session row in the records, as it does when it is an SSH server's
/// only command (`ssh session`): one live session per member, the session audit, and an end
/// to the program (not a return to the start screen) when a member idles.
///
/// The row itself belongs to the records runner, which alone knows its id; the state knows
/// what the screens need: who came in by key, and when to ask next whether a login elsewhere
/// has ended this session. A login elsewhere on this machine nudges the session at once
/// (`SessionNudge`); `checkInterval` is the slow fallback for a login on another server
/// sharing the records, or a nudge lost.
struct SessionPolicy: Hashable, Sendable {
  /// Seconds between two checks while a member is logged in.
  static let checkInterval = 30.0
  /// Seconds the screen saying why this session ended stays before the program ends.
  static let endedScreenSeconds = 30.0

  /// The member who came in by key (`--member`): no start screen and no PIN, and leaving the
  /// main menu ends the program.
  var keyMember: String?
  /// When to check next (uptime); nil while nobody is logged in or a check is on its way.
  var nextCheck: Double?

  init(keyMember: String? = nil) {
    self.keyMember = keyMember
  }
}

/// Another live session of the member, as the screens tell of it.
struct OtherSession: Hashable, Sendable {
  var client: String?
  var entry: SessionEntry
  var started: LocalTime
}
