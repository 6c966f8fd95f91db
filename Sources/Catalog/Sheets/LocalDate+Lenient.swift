extension LocalDate {
  /// `2015-07-01`, and what spreadsheets make of it: `2015/7/1`, `2015-7-1`, `2015.7.1`,
  /// `2015年7月1日`.
  public init?(lenient text: String) {
    if let exact = LocalDate(iso: text) {
      self = exact
      return
    }
    var numbers: [Int] = []
    var current = ""
    for character in text + " " {
      if character.isASCII, character.isNumber {
        current.append(character)
      } else {
        if !current.isEmpty {
          guard let number = Int(current) else { return nil }
          numbers.append(number)
          current = ""
        }
        guard character == " " || "/-.年月日".contains(character) else { return nil }
      }
    }
    guard numbers.count == 3, numbers[0] >= 1000,
      LocalDate.isValid(year: numbers[0], month: numbers[1], day: numbers[2])
    else { return nil }
    self.init(year: numbers[0], month: numbers[1], day: numbers[2])
  }
}
