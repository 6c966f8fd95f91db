import Catalog
import Foundation
import Testing

@testable import tui

/// Nothing from data reaches a terminal or a spreadsheet raw: names, titles and any catalog
/// text pass through one sanitiser at the chokepoints every command prints through.
@Suite struct InertOutputTests {
  /// The attack's name: it set the terminal's title and turned its text red.
  static let hostile = "\u{1B}]0;PWNED\u{07}\u{1B}[31m王\u{202E}建国\u{0}\n"

  @Test func controlAndBidiCharactersAreShownNotObeyed() {
    #expect(ControlCharacters.shown(Self.hostile) == "␛]0;PWNED␇␛[31m王<U+202E>建国␀␊")
    #expect(ControlCharacters.shown("王建国 Li ✓") == "王建国 Li ✓")
    #expect(ControlCharacters.shown("\u{7F}\u{9B}\u{2028}") == "␡<U+009B><U+2028>")
  }

  /// `toml-json` is read by programs: the same JSON strings, every control character escaped.
  @Test func taggedJSONEscapesEveryControlCharacter() throws {
    let document = try TOMLDocument(bytes: Array("a = \"x\\u202Ey\\u0085\\u001B\"".utf8))
    #expect(
      TaggedJSON.encode(document.root)
        == #"{"a":{"type":"string","value":"x\u202ey\u0085\u001b"}}"#)
  }

  @Test func tablesShowEveryCellInert() {
    let table = TextTable(header: ["编号", "姓名"], rows: [["1001", Self.hostile]])
    #expect(table.lines == ["编号  姓名", "1001  ␛]0;PWNED␇␛[31m王<U+202E>建国␀␊"])
    #expect(
      table.rendered.split(separator: "\n").allSatisfy {
        !$0.unicodeScalars.contains(where: ControlCharacters.contains)
      })
  }

  /// A requirement titled =HYPERLINK(…) in rules.toml reached the CSV report raw: every cell,
  /// header included, from any source, is kept from running as a formula.
  @Test func everyCSVCellIsInert() throws {
    let data = try CSVFile.document(
      header: ["编号", "=HYPERLINK(\"http://x\",\"点击\")"],
      rows: [["+1001", "@SUM(A1)"], ["-2", Self.hostile], ["\t=1+1", "王建国"]])
    let text = String(decoding: data.dropFirst(3), as: UTF8.self)
    #expect(
      text == """
        编号,"'=HYPERLINK(""http://x"",""点击"")"\r
        '+1001,'@SUM(A1)\r
        '-2,␛]0;PWNED␇␛[31m王<U+202E>建国␀␊\r
        ␉=1+1,王建国\r

        """)
  }

  /// Commands print only through `printOutput`, `printError`, `writeOutput` (Output.swift) and
  /// the tables and documents made inert, so a command added later gets the sanitiser by
  /// construction. Anything else that writes to the terminal is listed here with its reason.
  @Test func nothingElsePrints() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/tui")
    let allowed: Set<String> = [
      "Commands/Output.swift",  // the sanitising functions themselves
      "Commands/PINPrompt.swift",  // the prompt is made inert; the PIN is never echoed
      "Commands/ProgressBar.swift",  // digits and the bar only
      "Terminal/TerminalGuard.swift",  // the terminal's own restore sequence
    ]
    let pattern = try NSRegularExpression(
      pattern:
        #"\bprint\(|\bdebugPrint\(|\bdump\(|FileHandle\.standard(Output|Error)|\bwrite\((1|2),|\bfputs\(|\bputs\("#
    )
    var offenders: [String] = []
    let files =
      FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
    for file in files where file.hasSuffix(".swift") && !allowed.contains(file) {
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      let matches = pattern.numberOfMatches(
        in: text, range: NSRange(text.startIndex..., in: text))
      if matches > 0 { offenders.append(file) }
    }
    #expect(offenders == [])
    #expect(files.count > 40)
  }
}
