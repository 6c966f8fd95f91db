extension Key {
  /// The key as the screens read it: a full-width digit, question mark or slash from a
  /// Chinese input method is its ASCII twin, so every screen handles one spelling.
  var normalized: Key {
    guard case .character(let character) = self, character.unicodeScalars.count == 1,
      let scalar = character.unicodeScalars.first
    else { return self }
    switch scalar.value {
    case 0xFF10...0xFF19, 0xFF1F, 0xFF0F:
      // The full-width forms sit 0xFEE0 above their ASCII twins.
      return .character(Character(Unicode.Scalar(scalar.value - 0xFEE0)!))
    default:
      return self
    }
  }
}
