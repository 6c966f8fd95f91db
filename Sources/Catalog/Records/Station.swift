import Foundation

/// A remote-education station (远程教育站点) or activity room where members gather: the place
/// a kiosk stands, sign-ins are opened and its log of showings kept.
public struct Station: Hashable, Sendable, Identifiable {
  /// Typed by the technician (`--station S01`): ASCII letters, digits, `-` and `_`.
  public var id: String
  public var name: String
  /// How the catalog's sessions name this place (`place = "村党员活动室"`), when not by the
  /// station's name: a scheduled session here is one whose place is this or the name.
  public var place: String?

  public init(id: String, name: String, place: String? = nil) {
    self.id = id
    self.name = name
    self.place = place
  }

  /// Whether a session's place means this station.
  public func hosts(_ session: CourseSession) -> Bool {
    session.place == name || session.place == place
  }

  /// 1 to 32 of `A-Z a-z 0-9 - _`.
  public static func isValidID(_ id: String) -> Bool {
    (1...32).contains(id.utf8.count)
      && id.utf8.allSatisfy {
        (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
          || $0 == 0x2D || $0 == 0x5F
      }
  }
}

/// An administrator (站点管理员): opens and closes sign-ins and quits a kiosk. An account of
/// its own, apart from the members, with a PIN kept and checked as members' are.
public struct Administrator: Hashable, Sendable, Identifiable {
  /// Digits only, as a member number, so it can be typed on a kiosk keypad.
  public var id: String
  public var name: String
  /// The station they look after; nil for a county-wide administrator, who may act anywhere.
  public var stationID: String?
  public var hasPIN: Bool
  /// Wrong PINs typed with this number since the last success, and the wait they cost.
  public var throttle: LoginThrottle

  public init(
    id: String, name: String, stationID: String? = nil, hasPIN: Bool = false,
    throttle: LoginThrottle = LoginThrottle()
  ) {
    self.id = id
    self.name = name
    self.stationID = stationID
    self.hasPIN = hasPIN
    self.throttle = throttle
  }

  /// Whether they may act at `station`.
  public func mayAct(at stationID: String) -> Bool {
    self.stationID == nil || self.stationID == stationID
  }
}

/// Who did something at a station, as the log and the audit trail name them.
public enum StationOperator: Hashable, Sendable {
  /// An administrator at the kiosk, after their number and PIN.
  case administrator(Administrator)
  /// Someone at a shell (`course-menu signin …`): the operating-system user, nil if unknown.
  case systemUser(String?)

  /// The operator as stored (opened_by, closed_by, the audit's actor): the administrator's
  /// number and name, or the operating-system user.
  public var recorded: String {
    switch self {
    case .administrator(let administrator): RecordsText.administratorActor(administrator)
    case .systemUser(let name): name ?? RecordsText.unknownUser
    }
  }
}
