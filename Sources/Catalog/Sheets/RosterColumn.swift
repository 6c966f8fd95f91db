/// The columns of a roster file (`members import`).
public enum RosterColumn: String, CaseIterable, Sendable {
  case id, name, branch, domain, role, joined, floating, pin

  public var isRequired: Bool { self != .floating && self != .pin }

  /// The Chinese header names accepted besides the identifier.
  public var labels: [String] { RecordsText.rosterColumnLabels(self) }

  /// `domain（领域）`, for messages.
  public var spelled: String { "\(rawValue)（\(labels[0])）" }

  init?(header: String) {
    let text = header.trimmed
    guard
      let column = RosterColumn.allCases.first(where: {
        $0.rawValue == text.lowercased() || $0.labels.contains(text)
      })
    else { return nil }
    self = column
  }
}
