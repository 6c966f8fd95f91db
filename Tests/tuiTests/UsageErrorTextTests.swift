import ArgumentParser
import Testing

@testable import tui

/// ArgumentParser's usage errors reach administrators in Chinese (review 1: `Error:`,
/// `Usage:` and `The value 'abc' is invalid for '--idle-timeout'` were printed in English).
/// The messages come from the real parser, so a new wording of the library fails here.
@Suite struct UsageErrorTextTests {
  /// The message the program prints for `arguments`, line by line.
  static func printed(_ arguments: [String]) -> [String] {
    do {
      _ = try CourseMenu.parseAsRoot(arguments)
      return []
    } catch {
      #expect(CourseMenu.exitCode(for: error) == .validationFailure)
      return CourseMenu.fullMessage(for: error).split(
        separator: "\n", omittingEmptySubsequences: false
      ).map { UsageErrorText.line(String($0)) }
    }
  }

  @Test func anInvalidValue() {
    let lines = Self.printed(["--idle-timeout", "abc"])
    #expect(lines.first == "错误：--idle-timeout <seconds> 的取值 'abc' 无效")
    #expect(lines.dropFirst().first?.hasPrefix("说明：--idle-timeout <seconds>  党员登录后") == true)
    #expect(lines.contains { $0.hasPrefix("用法：course-menu browse [--catalog <catalog>]") })
    #expect(lines.last == "  详见 course-menu browse --help。")
  }

  @Test func missingArgumentsUnknownOptionsAndExtraArguments() {
    #expect(Self.printed(["credit"]).first == "错误：缺少必填的 <course>")
    #expect(Self.printed(["credit", "x"]).first == "错误：缺少必填的 --date <date>")
    #expect(Self.printed(["credit", "x", "--date"]).first == "错误：--date <date> 后面缺少取值")
    let day = ["credit", "x", "--date", "2026-01-01", "--members", "1"]
    #expect(Self.printed(day + ["--bogus"]).first == "错误：未知的选项 --bogus")
    #expect(
      Self.printed(["report", "--format", "xml"]).first
        == "错误：--format <format> 的取值 'xml' 无效：可用的有 'text'、'csv'")
    #expect(Self.printed(["check", "data", "more"]).first == "错误：多余的参数 more")
  }

  /// `--help` and `help`: the library's headings and lines in Chinese, the columns kept.
  @Test func helpHeadingsInChinese() throws {
    for arguments in [["--help"], ["credit", "--help"], ["help", "credit"]] {
      do {
        // The library's help command says it by throwing, as the program's `main` sees it.
        var command = try CourseMenu.parseAsRoot(arguments)
        try command.run()
        Issue.record("\(arguments) should ask for help")
      } catch {
        #expect(CourseMenu.exitCode(for: error) == .success)
        let lines = CourseMenu.fullMessage(for: error).split(
          separator: "\n", omittingEmptySubsequences: false
        ).map { UsageErrorText.helpLine(String($0)) }
        let text = lines.joined(separator: "\n")
        for word in [
          "OVERVIEW", "USAGE", "OPTIONS", "SUBCOMMANDS", "Show help", "(default)", "See '",
        ] {
          #expect(!text.contains(word), "\(arguments): \(word)")
        }
        #expect(lines.contains("  -h, --help              显示帮助。"))
        if arguments == ["--help"] {
          #expect(lines.contains { $0.hasPrefix("  browse （默认）         打开课程目录界面") })
          #expect(lines.contains("  check                   检查课程目录文件，列出全部错误和警告。"))
          #expect(lines.last == "  详见 course-menu help <子命令>。")
        } else {
          #expect(lines.first?.hasPrefix("概述：登记考勤") == true)
          #expect(lines.contains { $0.hasPrefix("用法：course-menu credit <course>") })
          #expect(lines.contains("选项："))
        }
      }
    }
  }

  /// No English word of the library's is left in these messages.
  @Test func noEnglishIsLeft() {
    let arguments: [[String]] = [
      ["--idle-timeout", "abc"], ["credit"], ["report", "--format", "xml"],
      ["credit", "x", "--date", "2026-01-01", "--members", "1", "--bogus"],
    ]
    for arguments in arguments {
      let text = Self.printed(arguments).joined(separator: "\n")
      for word in ["Error", "Help", "Usage", "See '", "invalid", "Missing", "Unknown"] {
        #expect(!text.contains(word), "\(arguments): \(text)")
      }
    }
  }
}
