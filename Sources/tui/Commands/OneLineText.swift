import ArgumentParser

/// A reason, name or place kept in the records and printed in reports: one line of plain
/// text, of at most `limit` characters.
func validateOneLine(_ text: String, option: String, limit: Int = 200) throws {
  if text.allSatisfy(\.isWhitespace) { throw ValidationError(AdminText.blank(option)) }
  if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
    throw ValidationError(AdminText.withControlCharacters(option))
  }
  if text.count > limit { throw ValidationError(AdminText.tooLong(option, limit: limit)) }
}
