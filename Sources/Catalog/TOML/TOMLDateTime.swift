/// The four TOML date-time forms: which parts were written decides the kind.
public struct TOMLDateTime: Hashable, Sendable, CustomStringConvertible {
  public var date: LocalDate?
  public var time: LocalTime?
  /// Minutes east of UTC; nil for local forms. `isZulu` keeps how it was written.
  public var offsetMinutes: Int?
  public var isZulu: Bool

  public init(
    date: LocalDate? = nil, time: LocalTime? = nil, offsetMinutes: Int? = nil,
    isZulu: Bool = false
  ) {
    self.date = date
    self.time = time
    self.offsetMinutes = offsetMinutes
    self.isZulu = isZulu
  }

  /// The toml-test type tag.
  public var typeName: String {
    switch (date != nil, time != nil, offsetMinutes != nil) {
    case (true, true, true): "datetime"
    case (true, true, false): "datetime-local"
    case (true, false, _): "date-local"
    default: "time-local"
    }
  }

  /// RFC 3339 text with `T` between date and time, fraction digits as written.
  public var description: String {
    var text = ""
    if let date { text += date.description }
    if let time {
      if date != nil { text += "T" }
      text += time.description
    }
    if let offsetMinutes {
      if isZulu {
        text += "Z"
      } else {
        let sign = offsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(offsetMinutes)
        text += sign + twoDigits(magnitude / 60) + ":" + twoDigits(magnitude % 60)
      }
    }
    return text
  }
}

/// A time of day; the fraction keeps the digits as written (TOML allows any precision).
public struct LocalTime: Hashable, Sendable, CustomStringConvertible {
  public var hour: Int
  public var minute: Int
  public var second: Int
  /// The digits after the decimal point, as written ("" when none).
  public var fraction: String

  public init(hour: Int, minute: Int, second: Int, fraction: String = "") {
    self.hour = hour
    self.minute = minute
    self.second = second
    self.fraction = fraction
  }

  public var description: String {
    let base = twoDigits(hour) + ":" + twoDigits(minute) + ":" + twoDigits(second)
    return fraction.isEmpty ? base : base + "." + fraction
  }
}

func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
