/// The toml-test JSON encoding: scalars as `{"type": T, "value": "…"}`.
public enum TaggedJSON {
  public static func encode(_ table: TOMLTable) -> String {
    var output = ""
    write(table, to: &output)
    return output
  }

  private static func write(_ table: TOMLTable, to output: inout String) {
    output += "{"
    for (index, entry) in table.entries.enumerated() {
      if index > 0 { output += "," }
      writeString(entry.key, to: &output)
      output += ":"
      write(entry.value, to: &output)
    }
    output += "}"
  }

  private static func write(_ value: TOMLValue, to output: inout String) {
    switch value.kind {
    case .table(let table): write(table, to: &output)
    case .array(let items):
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        write(item, to: &output)
      }
      output += "]"
    case .string(let text): scalar("string", text, to: &output)
    case .integer(let number): scalar("integer", String(number), to: &output)
    case .float(let number): scalar("float", floatText(number), to: &output)
    case .bool(let flag): scalar("bool", flag ? "true" : "false", to: &output)
    case .dateTime(let dateTime): scalar(dateTime.typeName, dateTime.description, to: &output)
    }
  }

  private static func floatText(_ number: Double) -> String {
    if number.isNaN { return "nan" }
    if number.isInfinite { return number < 0 ? "-inf" : "inf" }
    return "\(number)"
  }

  private static func scalar(_ type: String, _ value: String, to output: inout String) {
    output += "{\"type\":\"\(type)\",\"value\":"
    writeString(value, to: &output)
    output += "}"
  }

  private static func writeString(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      // Every control character escaped (C1, bidirectional controls and line separators
      // too): the same JSON string, and nothing in it acts on the terminal it is printed to.
      case _ where ControlCharacters.contains(scalar):
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
