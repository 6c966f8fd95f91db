/// Spreadsheet cells arrive with spaces and a byte-order mark around them; both mean nothing.
extension String {
  var trimmed: String {
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace || first == "\u{FEFF}" {
      scalars.removeFirst()
    }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
