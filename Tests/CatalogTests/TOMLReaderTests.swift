import Testing

@testable import Catalog

@Suite struct TOMLReaderTests {
  func parse(_ text: String) throws(TOMLError) -> TOMLTable {
    try TOMLDocument(bytes: Array(text.utf8)).root
  }

  /// `line:col CODE` of the error `text` gives.
  func failure(_ bytes: [UInt8]) -> String {
    do {
      _ = try TOMLDocument(bytes: bytes)
      return "accepted"
    } catch {
      let location = error.diagnostic(path: "t", source: bytes).location
      return "\(location.line):\(location.column) \(error.problem.code)"
    }
  }

  func failure(_ text: String) -> String { failure(Array(text.utf8)) }

  @Test func valuesKeepTheirPositionsInCharacters() throws {
    let text = "# 注释\ntitle = \"温室蔬菜\"\n[[course]]\n  \"名称\" = 1\n"
    let root = try parse(text)
    let index = LineIndex(Array(text.utf8))
    let title = try #require(root.entry("title"))
    #expect(index.location(of: title.keyOffset, path: "f").description == "f:2:1")
    #expect(index.location(of: title.value.offset, path: "f").description == "f:2:9")
    guard case .array(let courses) = root["course"]?.kind, case .table(let course) = courses[0].kind
    else {
      Issue.record("course is not an array of tables")
      return
    }
    #expect(index.location(of: course.offset, path: "f").description == "f:3:1")
    let name = try #require(course.entry("名称"))
    #expect(index.location(of: name.value.offset, path: "f").description == "f:4:10")
  }

  @Test func everyScalarKind() throws {
    let root = try parse(
      """
      s = "a\\tb\\u00E9\\U0001F600"
      l = 'C:\\path'
      m = \"\"\"
        one \\
          two\"\"\"
      i = [0x_1, 0xff, 0o17, 0b101, -1_000, +7]
      f = [1e3, -0.5, inf, -inf, nan, 6.626e-34]
      b = [true, false]
      d = [1979-05-27T07:32:00Z, 1979-05-27 07:32:00.5+08:00, 1979-05-27T07:32:00, 1979-05-27, 07:32:00.999]
      """.replacingOccurrences(of: "[0x_1, ", with: "["))
    #expect(TaggedJSON.encode(root).contains(#""s":{"type":"string","value":"a\tbé😀"}"#))
    #expect(TaggedJSON.encode(root).contains(#""l":{"type":"string","value":"C:\\path"}"#))
    #expect(TaggedJSON.encode(root).contains(#""m":{"type":"string","value":"  one two"}"#))
    let integers = try #require(root["i"])
    guard case .array(let items) = integers.kind else {
      Issue.record("not an array")
      return
    }
    let values = items.map { item -> Int64 in
      if case .integer(let value) = item.kind { value } else { 0 }
    }
    #expect(values == [255, 15, 5, -1000, 7])
    let json = TaggedJSON.encode(root)
    #expect(json.contains(#"{"type":"float","value":"1000.0"}"#))
    #expect(json.contains(#"{"type":"float","value":"-inf"}"#))
    #expect(json.contains(#"{"type":"float","value":"nan"}"#))
    #expect(json.contains(#"{"type":"datetime","value":"1979-05-27T07:32:00Z"}"#))
    #expect(json.contains(#"{"type":"datetime","value":"1979-05-27T07:32:00.5+08:00"}"#))
    #expect(json.contains(#"{"type":"datetime-local","value":"1979-05-27T07:32:00"}"#))
    #expect(json.contains(#"{"type":"date-local","value":"1979-05-27"}"#))
    #expect(json.contains(#"{"type":"time-local","value":"07:32:00.999"}"#))
  }

  @Test func dottedKeysAndHeadersFollowTheSpecRules() throws {
    // Sub-tables of dotted-key tables may be opened by headers; the tables themselves not.
    #expect(throws: Never.self) {
      try parse("[fruit]\napple.color = 'red'\n[fruit.apple.texture]\nsmooth = true\n")
    }
    #expect(failure("[fruit]\napple.color = 'red'\n[fruit.apple]\n") == "3:8 T010")
    #expect(failure("[a.b.c]\nz = 1\n[a]\nb.c.t = 2\n") == "4:3 T010")
    // An implicitly created table may be defined once later.
    #expect(throws: Never.self) { try parse("[x.y.z]\n[x]\n") }
    #expect(failure("[x]\n[x]\n") == "2:2 T010")
    #expect(failure("[[a]]\n[a]\n") == "2:2 T010")
    #expect(failure("a = []\n[[a]]\n") == "2:3 T013")
    #expect(failure("a = {b = 1}\n[a.c]\n") == "2:2 T012")
    #expect(failure("a = {b = 1}\na.c = 2\n") == "2:1 T012")
    #expect(failure("a = 1\na.b = 2\n") == "2:1 T011")
    // The message names the part that is already a value, not the whole key.
    do {
      _ = try parse("title = 1\ntitle.en.x = 2\n")
    } catch {
      #expect(error.problem == .notATable("title"))
    }
    #expect(failure("a.b = 1\na.b = 2\n") == "2:3 T009")
    #expect(failure("t = {a = 1, a = 2}\n") == "1:13 T009")
  }

  @Test func syntaxErrorsPointAtTheirPlace() {
    #expect(failure("a = \"温室\n") == "1:5 T003")
    #expect(failure("a = \"\\q\"\n") == "1:6 T004")
    #expect(failure("a = \"\\uD800\"\n") == "1:6 T004")
    #expect(failure("a = \"x\u{7}\"\n") == "1:7 T005")
    #expect(failure("# bell \u{7}\n") == "1:8 T005")
    #expect(failure("a = 1\rb = 2\n") == "1:6 T002")
    #expect(failure("a = 01\n") == "1:5 T006")
    #expect(failure("a = 1__0\n") == "1:5 T006")
    #expect(failure("a = 1.\n") == "1:5 T006")
    #expect(failure("a = 9223372036854775808\n") == "1:5 T007")
    #expect(failure("a = 2026-02-29\n") == "1:5 T008")
    #expect(failure("a = 24:00:00\n") == "1:5 T008")
    #expect(failure("a = 1 b = 2\n") == "1:7 T002")
    #expect(failure("标题 = 1\n") == "1:1 T002")
    #expect(failure("a = { b = 1,\n c = 2 }\n") == "1:13 T002")
    #expect(failure("a = 温室\n") == "1:5 T002")
  }

  @Test func byteOrderMarkIsAcceptedAndNotCounted() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a = 1\nb = x\n".utf8)
    #expect(failure(bytes) == "2:5 T002")
    let root = try TOMLDocument(bytes: [0xEF, 0xBB, 0xBF] + Array("a = 1\n".utf8)).root
    #expect(root["a"] != nil)
  }

  @Test func nonUTF8IsReportedNotCrashed() {
    #expect(failure(Array("a = \"".utf8) + [0xCE, 0xC2, 0x22, 0x0A]) == "1:6 T001")
    #expect(failure([0xFF]) == "1:1 T001")
    #expect(failure(Array("a = 1\n".utf8) + [0xED, 0xA0, 0x80]) == "2:1 T001")
  }

  @Test func deepNestingIsRejectedNotRecursed() {
    let deep = "a = " + String(repeating: "[", count: 100_000)
    #expect(failure(deep) == "1:133 T014")
    let deepInline = "a = " + String(repeating: "{b = ", count: 200)
    #expect(failure(deepInline).hasSuffix("T014"))
    let deepKey = (0..<200).map { "k\($0)" }.joined(separator: ".") + " = 1\n"
    #expect(failure(deepKey).hasSuffix("T014"))
    let fine = "a = " + String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
    #expect(failure(fine) == "accepted")
  }
}

@Suite struct TOMLKeyIdentityTests {
  @Test func canonicallyEquivalentKeysAreDistinct() throws {
    // "é" precomposed and "e" + combining acute: equal as Swift Strings, distinct in TOML.
    let root = try TOMLDocument(bytes: Array("\"\u{E9}\" = 1\n\"e\u{301}\" = 2\n".utf8)).root
    #expect(root.count == 2)
    guard case .integer(let second) = root["e\u{301}"]?.kind else {
      Issue.record("second key lost")
      return
    }
    #expect(second == 2)
  }
}

@Suite struct LineIndexTests {
  @Test func searchFromAHintGivesTheSameAnswer() {
    let text = (0..<200).map { "line \($0) 温室" }.joined(separator: "\n") + "\n"
    let bytes = Array(text.utf8)
    let index = LineIndex(bytes)
    for offset in stride(from: 0, through: bytes.count, by: 7) {
      let plain = index.location(of: offset, path: "f")
      for hint in [0, 3, plain.line - 1, plain.line, plain.line + 20, 199, 500] {
        #expect(index.location(of: offset, path: "f", nearLine: hint) == plain)
      }
    }
  }
}
