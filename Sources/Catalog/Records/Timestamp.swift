import Foundation

/// UTC timestamps as stored in the records: `2026-12-05T09:30:00.250Z`, which sort as text and
/// read plainly in the `sqlite3` shell.
enum Timestamp {
  static func string(from date: Date) -> String {
    let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
    let (days, dayMilliseconds) = milliseconds.quotientAndFlooredRemainder(86_400_000)
    let day = LocalDate(daysSinceEpoch: days)
    let seconds = dayMilliseconds / 1000
    return "\(day)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))."
      + three(dayMilliseconds % 1000) + "Z"
  }

  static func date(from text: String) -> Date? {
    let parts = text.split(separator: "T")
    guard parts.count == 2, let day = LocalDate(iso: String(parts[0])) else { return nil }
    var time = Substring(parts[1])
    guard time.hasSuffix("Z") else { return nil }
    time = time.dropLast()
    let fields = time.split(separator: ":")
    guard fields.count == 3, let hours = Int(fields[0]), let minutes = Int(fields[1]),
      let seconds = Double(fields[2])
    else { return nil }
    let total = Double(day.daysSinceEpoch) * 86_400 + Double(hours * 3600 + minutes * 60) + seconds
    return Date(timeIntervalSince1970: total)
  }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  private static func three(_ value: Int) -> String {
    value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)"
  }
}

extension Int {
  fileprivate func quotientAndFlooredRemainder(_ divisor: Int) -> (Int, Int) {
    let remainder = ((self % divisor) + divisor) % divisor
    return ((self - remainder) / divisor, remainder)
  }
}
