import Catalog
import Foundation
import Testing

@testable import tui

/// `report summary --format html`: text from data never becomes markup or a control
/// sequence, and the page is built from the same tables as the text and CSV formats.
@Suite struct SummaryPageTests {
  @Test func dataIsShownAsTheSanitiserShowsItThenEscaped() {
    #expect(
      HTML.text("\u{1B}[31m<script>a&b</script>\"'\u{202E}")
        == "␛[31m&lt;script&gt;a&amp;b&lt;/script&gt;&quot;&#39;&lt;U+202E&gt;")
    #expect(HTML.text("红旗村党支部") == "红旗村党支部")
  }

  /// A branch named with markup and an escape: the page holds it escaped in the table, the
  /// chart's label and its data attribute, and no byte of it raw.
  @Test func aHostileBranchStaysText() {
    let hostile = "<img src=x onerror=alert(1)>\u{1B}]0;PWNED\u{07}"
    let member = Member(
      id: "1001", name: "王建国", branch: hostile, domain: .rural, role: .member,
      joined: LocalDate(year: 2012, month: 7, day: 1))
    let catalog = MemberFixtures.catalog
    let summary = TrainingSummary(
      year: catalog.rules.trainingYear(2026), members: [MemberCredits(member: member, credits: [])],
      catalog: catalog)
    let report = SummaryReport(summary: summary, catalog: catalog, today: Fixtures.today)
    let html = SummaryPage(report: report).html
    #expect(!html.contains("<img") && !html.contains("\u{1B}") && !html.contains("\u{07}"))
    #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;␛]0;PWNED␇"))
    #expect(!html.contains("<script") && !html.contains(" src=\"") && !html.contains(" href=\""))
    // One section per table of the report, in its order, each titled as in the text report.
    let titles = report.report.tables.map(\.title)
    var position = html.startIndex
    for (index, title) in titles.enumerated() {
      guard
        let found = html.range(
          of: "id=\"table-\(index + 1)\">\n<h2>\(HTML.text(title))</h2>",
          range: position..<html.endIndex)
      else {
        Issue.record("table \(index + 1) (\(title)) missing or out of order")
        return
      }
      position = found.upperBound
    }
  }
}
