import Foundation

/// ArgumentParser's usage errors in Chinese: the library writes them in English (`Error:`,
/// `Usage:`, `The value 'abc' is invalid for '--idle-timeout <seconds>'`), and administrators
/// read Chinese. Each line of its message is recognised by the wording of the version we
/// build with (swift-argument-parser 1.8); a line it does not know is kept as written (our own
/// validation messages are Chinese already).
enum UsageErrorText {
  /// The whole message, line by line.
  static func translated(_ message: String) -> String {
    message.split(separator: "\n", omittingEmptySubsequences: false).map {
      line(String($0))
    }.joined(separator: "\n")
  }

  static func line(_ line: String) -> String {
    if let error = line.dropping(prefix: "Error: ") { return "错误：" + self.error(error) }
    if let help = line.dropping(prefix: "Help:  ") { return "说明：" + help }
    if let usage = line.dropping(prefix: "Usage: ") { return "用法：" + usage }
    if let see = line.dropping(prefix: "  See '"),
      let command = see.dropping(suffix: "' for more information.")
    {
      return "  详见 \(command)。"
    }
    return line
  }

  /// A line of `--help`: the section headings and the library's own lines in Chinese, the
  /// columns kept (a heading ends its line or is followed by its text).
  static func helpLine(_ line: String) -> String {
    let headings = [
      ("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("ARGUMENTS:", "参数："),
      ("OPTIONS:", "选项："), ("SUBCOMMANDS:", "子命令："),
    ]
    for (english, chinese) in headings {
      if let rest = line.dropping(prefix: english) { return chinese + rest }
    }
    if let see = line.dropping(prefix: "  See '"),
      let command = see.dropping(suffix: " <subcommand>' for detailed help.")
    {
      return "  详见 \(command) <子命令>。"
    }
    if let option = line.dropping(suffix: "Show help information.") { return option + "显示帮助。" }
    // `browse (default)`: the 11 columns of " (default) " kept, for the abstracts' column.
    if let (name, after) = line.split(at: " (default) ") { return name + " （默认）  " + after }
    return line
  }

  /// One error, as `ErrorMessageGenerator` words it.
  static func error(_ text: String) -> String {
    if let rest = text.dropping(prefix: "The value '"),
      let (value, after) = rest.split(at: "' is invalid"), !value.contains("'")
    {
      var what = "取值 '\(value)' 无效"
      var tail = after
      if let quoted = tail.dropping(prefix: " for '"), let (name, more) = quoted.split(at: "'") {
        what = "\(name) 的取值 '\(value)' 无效"
        tail = more
      }
      if let choices = tail.dropping(prefix: ". Please provide one of "),
        let list = choices.dropping(suffix: ".")
      {
        let separators = ["' and '", "' or '", "', '"]
        return what + "：可用的有 "
          + separators.reduce(list) { $0.replacingOccurrences(of: $1, with: "'、'") }
      }
      if tail.hasPrefix(". Please provide one of the following:") {
        return what + "：可用的有以下几种"
      }
      return what + (tail.isEmpty ? "" : "：" + tail.trimmingLeading(". :"))
    }
    if let name = text.quoted(after: "Missing expected argument ") {
      return "缺少必填的 \(name)"
    }
    if let names = text.dropping(prefix: "Missing one of: ") {
      return "缺少以下之一：\(names)"
    }
    if let name = text.quoted(after: "Missing value for ") {
      return "\(name) 后面缺少取值"
    }
    if let rest = text.dropping(prefix: "Unknown option '"),
      let (name, after) = rest.split(at: "'")
    {
      if let suggestion = after.dropping(prefix: ". Did you mean '")?.dropping(suffix: "'?") {
        return "未知的选项 \(name)，是不是要写 \(suggestion)？"
      }
      return "未知的选项 \(name)"
    }
    if let value = text.quoted(after: "Unexpected argument ") {
      return "多余的参数 \(value)"
    }
    if let (count, values) = text.split(at: " unexpected arguments: "), Int(count) != nil {
      return "多余的参数 \(count) 个：\(values)"
    }
    if text == "Missing required subcommand." { return "缺少子命令" }
    if let option = text.dropping(prefix: "Invalid option: ") { return "无效的选项 \(option)" }
    return text
  }
}

extension String {
  fileprivate func dropping(prefix: String) -> String? {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
  }

  fileprivate func dropping(suffix: String) -> String? {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : nil
  }

  /// The text before and after the first `separator`.
  fileprivate func split(at separator: String) -> (String, String)? {
    guard let range = range(of: separator) else { return nil }
    return (String(self[..<range.lowerBound]), String(self[range.upperBound...]))
  }

  /// `'x'` right after `prefix`, taking the whole rest of the line: `x`.
  fileprivate func quoted(after prefix: String) -> String? {
    guard let rest = dropping(prefix: prefix + "'"), let name = rest.dropping(suffix: "'") else {
      return nil
    }
    return name
  }

  fileprivate func trimmingLeading(_ characters: String) -> String {
    String(drop { characters.contains($0) })
  }
}
