import Catalog
import Foundation

/// `report summary --format html`: one self-contained page to print on A4 — no script, no
/// link, no font or image fetched: the styles inline, the charts inline SVG, Chinese fonts
/// named by family with fallbacks. The tables are the summary's tables, cell for cell; every
/// text from data passes through `HTML.text` (control characters shown as `ControlCharacters`
/// shows them, then escaped).
struct SummaryPage {
  let report: SummaryReport

  var document: Data { Data(html.utf8) }

  var html: String {
    let tabular = report.report
    var page = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTML.text(tabular.title))</title>
      <style>\(Self.style)</style>
      </head>
      <body>
      <header>
      <h1>\(HTML.text(tabular.title))</h1>

      """
    for line in tabular.subtitle { page += "<p class=\"subtitle\">\(HTML.text(line))</p>\n" }
    page += "</header>\n"
    page += charts
    for (index, table) in tabular.tables.enumerated() {
      page += Self.section(table, id: "table-\(index + 1)")
    }
    page += "<section class=\"notes\">\n<h2>\(HTML.text(ReportText.notes))</h2>\n<ol>\n"
    for note in tabular.notes { page += "<li>\(HTML.text(note))</li>\n" }
    page += "</ol>\n</section>\n</body>\n</html>\n"
    return page
  }

  // MARK: Tables

  static func section(_ table: ReportTable, id: String) -> String {
    var html = "<section class=\"table\" id=\"\(id)\">\n<h2>\(HTML.text(table.title))</h2>\n"
    if table.rows.isEmpty, let empty = table.empty {
      html += "<p class=\"empty\">\(HTML.text(empty))</p>\n"
    } else {
      let numeric = numericColumns(table)
      html += "<table>\n<thead><tr>"
      for (column, cell) in table.header.enumerated() {
        html += "<th\(numeric.contains(column) ? " class=\"n\"" : "")>\(HTML.text(cell))</th>"
      }
      html += "</tr></thead>\n<tbody>\n"
      for row in table.rows {
        let total = row.first == ReportText.total || row.first == ReportText.leaders
        html += total ? "<tr class=\"total\">" : "<tr>"
        for (column, cell) in row.enumerated() {
          html += "<td\(numeric.contains(column) ? " class=\"n\"" : "")>\(HTML.text(cell))</td>"
        }
        html += "</tr>\n"
      }
      html += "</tbody>\n</table>\n"
    }
    for note in table.notes { html += "<p class=\"note\">\(HTML.text(note))</p>\n" }
    return html + "</section>\n"
  }

  /// Columns whose every cell is a figure (a number, a percentage or —), set flush right;
  /// never the first, which names the row (a member number is no figure).
  static func numericColumns(_ table: ReportTable) -> Set<Int> {
    Set(
      table.header.indices.dropFirst().filter { column in
        table.rows.allSatisfy { row in
          guard column < row.count else { return true }
          let cell = row[column]
          return cell == ReportText.notApplicable
            || (!cell.isEmpty
              && cell.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "%") })
        }
      })
  }

  // MARK: Charts

  var charts: String {
    let summary = report.summary
    var html = "<section class=\"charts\">\n"
    html +=
      BarChart(
        title: ReportText.coverageChart, id: "chart-coverage",
        bars: summary.branches.map {
          BarChart.Bar(
            label: $0.branch, value: Double($0.figures.coveragePermille ?? 0),
            text: ReportText.percent(permille: $0.figures.coveragePermille))
        }, maximum: 1000
      ).horizontal
    html +=
      BarChart(
        title: ReportText.hoursChart, id: "chart-hours",
        bars: summary.forms.map {
          BarChart.Bar(
            label: ReportText.formLabel($0.form), value: $0.delivery.hours.value,
            text: $0.delivery.hours.description)
        }, maximum: nil
      ).horizontal
    html +=
      BarChart(
        title: ReportText.monthsChart, id: "chart-months",
        bars: summary.sessionsByMonth.map {
          BarChart.Bar(
            label: "\($0.month.month) 月", value: Double($0.sessions), text: String($0.sessions))
        }, maximum: nil
      ).vertical
    return html + "</section>\n"
  }

  static let fonts =
    "\"Noto Sans CJK SC\", \"Noto Sans SC\", \"Source Han Sans SC\", \"WenQuanYi Micro Hei\", \"Microsoft YaHei\", \"PingFang SC\", \"SimHei\", sans-serif"

  static let style = """

    @page { size: A4; margin: 14mm 12mm 16mm; }
    html { font-family: \(fonts); color: #111; background: #fff; }
    body { max-width: 186mm; margin: 0 auto; padding: 6mm 0; font-size: 10pt; line-height: 1.45; }
    h1 { font-size: 16pt; margin: 0 0 2mm; color: #a31515; }
    h2 { font-size: 11.5pt; margin: 6mm 0 2mm; padding-bottom: 0.8mm; border-bottom: 0.4mm solid #a31515; }
    .subtitle { margin: 0; color: #444; font-size: 9pt; }
    table { width: 100%; border-collapse: collapse; font-size: 9pt; }
    th, td { border: 0.2mm solid #999; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
    th { background: #f1e6e6; font-weight: bold; }
    .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.total td { font-weight: bold; background: #faf5f5; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    .note, .empty { margin: 1mm 0 0; color: #444; font-size: 8.5pt; }
    .charts { display: flex; flex-direction: column; gap: 2mm; }
    figure { margin: 0; break-inside: avoid; }
    figcaption { font-weight: bold; font-size: 10pt; margin: 2mm 0 1mm; }
    svg { width: 100%; height: auto; display: block; }
    svg text { font-family: \(fonts); font-size: 11px; fill: #222; }
    svg .bar { fill: #b83232; }
    svg .axis { stroke: #888; stroke-width: 1; }
    .notes ol { margin: 0; padding-left: 6mm; font-size: 8.5pt; color: #333; }
    @media print {
      body { max-width: none; padding: 0; }
      section.table, .notes { break-inside: auto; }
      h2 { break-after: avoid; }
    }

    """
}

/// A bar chart drawn as inline SVG: each bar with its label and its value written beside it
/// (never colour alone), `data-label` and `data-value` giving the figure as the tables write it.
struct BarChart {
  struct Bar {
    var label: String
    var value: Double
    var text: String
  }

  var title: String
  var id: String
  var bars: [Bar]
  /// The value of a full bar; nil: the largest bar's.
  var maximum: Double?

  /// The drawing's width in its own units: about the page's text width in CSS pixels (186 mm),
  /// so 11 units of type print at about 8 pt.
  static let width = 700

  private var scale: Double {
    let top = maximum ?? bars.map(\.value).max() ?? 0
    return top > 0 ? top : 1
  }

  private func figure(_ svg: String) -> String {
    "<figure id=\"\(id)\">\n<figcaption>\(HTML.text(title))</figcaption>\n\(svg)</figure>\n"
  }

  /// Bars across: the label on the left, the value after the bar.
  var horizontal: String {
    let row = 20
    let labelWidth = 170
    let barWidth = Double(Self.width - labelWidth - 70)
    let height = max(row, bars.count * row) + 6
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.width) \(height)\" role=\"img\" aria-label=\"\(HTML.text(title))\">\n"
    for (index, bar) in bars.enumerated() {
      let y = 3 + index * row
      let width = max(0, bar.value / scale * barWidth)
      svg +=
        "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">"
        + "\(HTML.text(Self.clipped(bar.label, characters: 12)))</text>"
      svg +=
        "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\""
        + "\(Self.number(width))\" height=\"14\" data-label=\"\(HTML.text(bar.label))\" "
        + "data-value=\"\(HTML.text(bar.text))\"/>"
      svg +=
        "<text x=\"\(Self.number(Double(labelWidth) + width + 5))\" y=\"\(y + 15)\">"
        + "\(HTML.text(bar.text))</text>\n"
    }
    svg +=
      "<line class=\"axis\" x1=\"\(labelWidth)\" y1=\"0\" x2=\"\(labelWidth)\" y2=\"\(height)\"/>\n"
    return figure(svg + "</svg>\n")
  }

  /// Bars up: the label under each bar, the value over it.
  var vertical: String {
    let left = 12.0
    let width = Self.width
    let column = (Double(width) - left * 2) / Double(max(1, bars.count))
    let chartHeight = 110.0
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) 170\" role=\"img\" aria-label=\"\(HTML.text(title))\">\n"
    let base = 20 + chartHeight
    for (index, bar) in bars.enumerated() {
      let x = left + Double(index) * column
      let height = max(0, bar.value / scale * chartHeight)
      svg +=
        "<rect class=\"bar\" x=\"\(Self.number(x + column * 0.2))\" y=\"\(Self.number(base - height))\" "
        + "width=\"\(Self.number(column * 0.6))\" height=\"\(Self.number(height))\" "
        + "data-label=\"\(HTML.text(bar.label))\" data-value=\"\(HTML.text(bar.text))\"/>"
      svg +=
        "<text x=\"\(Self.number(x + column / 2))\" y=\"\(Self.number(base - height - 4))\" "
        + "text-anchor=\"middle\">\(HTML.text(bar.text))</text>"
      svg +=
        "<text x=\"\(Self.number(x + column / 2))\" y=\"\(Self.number(base + 16))\" "
        + "text-anchor=\"middle\">\(HTML.text(bar.label))</text>\n"
    }
    svg +=
      "<line class=\"axis\" x1=\"\(Self.number(left))\" y1=\"\(Self.number(base))\" "
      + "x2=\"\(Self.number(Double(width) - left))\" y2=\"\(Self.number(base))\"/>\n"
    return figure(svg + "</svg>\n")
  }

  /// At most `characters` characters, the rest replaced by an ellipsis.
  static func clipped(_ text: String, characters: Int) -> String {
    text.count <= characters ? text : String(text.prefix(characters - 1)) + "…"
  }

  /// One decimal at most: `12`, `12.5`.
  static func number(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return tenths % 10 == 0 ? String(tenths / 10) : String(format: "%.1f", Double(tenths) / 10)
  }
}

/// Text from data made safe for HTML: control and bidirectional characters shown as the
/// sanitiser shows them (`␛`, `<U+202E>`), then `& < > " '` escaped, so no data can add markup,
/// a script or an attribute.
enum HTML {
  static func text(_ text: String) -> String {
    var escaped = ""
    for character in ControlCharacters.shown(text) {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
