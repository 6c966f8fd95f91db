import ArgumentParser
import Testing

@testable import tui

/// Which combinations of `credit`'s options are accepted before anything is read or written.
@Suite struct CreditCommandTests {
  func accepts(_ arguments: [String]) -> Bool {
    (try? CreditCommand.parse(arguments)) != nil
  }

  @Test func attendanceMakeUpsAndUndo() {
    let day = ["farm-greenhouse-veg", "--date", "2026-11-24"]
    #expect(accepts(day + ["--members", "1001"]))
    #expect(accepts(day + ["--sheet", "s.csv"]))
    #expect(accepts(day + ["--members", "1001", "--unscheduled", "--reason", "生病缺席"]))
    #expect(accepts(["--undo"] + day + ["--members", "1001", "--reason", "登记错了"]))
    // A sheet credited on the wrong day is undone by the same sheet (review 1).
    #expect(accepts(["--undo"] + day + ["--sheet", "s.csv", "--reason", "日期登记错了"]))
  }

  @Test func refusedCombinations() {
    let day = ["farm-greenhouse-veg", "--date", "2026-11-24"]
    // Members or a sheet, not both, not neither.
    #expect(!accepts(day))
    #expect(!accepts(day + ["--members", "1001", "--sheet", "s.csv"]))
    // A make-up needs a reason; a reason needs a make-up or an undo.
    #expect(!accepts(day + ["--members", "1001", "--unscheduled"]))
    #expect(!accepts(day + ["--members", "1001", "--reason", "无故"]))
    #expect(!accepts(day + ["--members", "1001", "--unscheduled", "--reason", "  "]))
    #expect(!accepts(day + ["--members", "1001", "--unscheduled", "--reason", "第一行\n第二行"]))
    #expect(
      !accepts(
        day + [
          "--members", "1001", "--unscheduled", "--reason", String(repeating: "长", count: 201),
        ]
      ))
    // An undo names members (or a sheet, not both), gives a reason, and is no make-up.
    #expect(!accepts(["--undo"] + day + ["--members", "1001"]))
    #expect(!accepts(["--undo"] + day + ["--sheet", "s.csv"]))
    #expect(!accepts(["--undo"] + day + ["--reason", "r"]))
    #expect(
      !accepts(["--undo"] + day + ["--members", "1001", "--sheet", "s.csv", "--reason", "r"]))
    #expect(!accepts(["--undo"] + day + ["--members", "1001", "--reason", "r", "--unscheduled"]))
    #expect(!accepts(["farm-greenhouse-veg", "--date", "2026-02-30", "--members", "1001"]))
  }
}
