import Foundation

/// How someone came into a session.
public enum SessionEntry: String, Hashable, Sendable, CaseIterable {
  /// Nobody logged in (yet): browsing as a guest.
  case guest
  /// Member number and PIN, typed inside the program.
  case pin
  /// An SSH key registered for the member (`members add-key`): no PIN.
  case key
}

/// How a session ended.
public enum SessionEnd: String, Hashable, Sendable, CaseIterable {
  /// The member quit the program.
  case quit
  /// The member logged out, and the program went on for the next person (a guest row follows).
  case logout
  /// No key for `--idle-timeout` seconds.
  case idle
  /// The terminal went away: the link dropped, the SSH client was closed or killed.
  case hangup
  /// The member logged in elsewhere and chose to end this session.
  case replaced
  /// The process was gone without ending its row (killed, or the machine restarted); found
  /// out later.
  case lost
  /// Refused at once: no terminal (`ssh host COMMAND`, `ssh -T`, sftp, scp).
  case noTerminal = "no-terminal"
}

/// Where a session comes from, as it starts: written into its row.
public struct SessionOrigin: Hashable, Sendable {
  /// The client's address (from `SSH_CONNECTION`); nil at a local terminal.
  public var client: String?
  /// The command the client asked for (`SSH_ORIGINAL_COMMAND`): kept for the audit, never run.
  public var command: String?
  public var process: ProcessIdentity

  public init(client: String?, command: String?, process: ProcessIdentity = .current) {
    self.client = client
    self.command = command
    self.process = process
  }
}

/// One session row: who, how they came in, from where, when, and how it ended.
public struct SessionRecord: Hashable, Sendable {
  public var id: Int64
  /// Nil for a guest.
  public var memberID: String?
  public var entry: SessionEntry
  /// The key's fingerprint, for a session that came in by key.
  public var keyFingerprint: String?
  public var origin: SessionOrigin
  public var startedAt: Date
  public var endedAt: Date?
  /// How it ended, as stored: a `SessionEnd`, or a word written by a newer program.
  public var endReason: String?
  /// The session that replaced this one.
  public var replacedBy: Int64?

  public init(
    id: Int64, memberID: String?, entry: SessionEntry, keyFingerprint: String?,
    origin: SessionOrigin, startedAt: Date, endedAt: Date?, endReason: String?,
    replacedBy: Int64?
  ) {
    self.id = id
    self.memberID = memberID
    self.entry = entry
    self.keyFingerprint = keyFingerprint
    self.origin = origin
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.endReason = endReason
    self.replacedBy = replacedBy
  }

  public var end: SessionEnd? { endReason.flatMap(SessionEnd.init(rawValue:)) }

  public var isOpen: Bool { endedAt == nil }
}

/// What claiming a session for a member found.
public enum SessionClaim: Hashable, Sendable {
  /// The session is the member's now; these sessions of theirs were ended as replaced.
  case claimed(replaced: [SessionRecord])
  /// The member has this live session elsewhere; nothing was changed.
  case taken(by: SessionRecord)
}

/// Where a session stands, as the session itself asks.
public enum SessionStanding: Hashable, Sendable {
  case open
  /// Ended by a login elsewhere: `by` is that session, when it can be read.
  case replaced(by: SessionRecord?)
  /// Ended some other way (or its row is gone).
  case ended
}
