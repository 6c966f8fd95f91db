import Testing

@testable import tui

/// Importing 165,000 PINs took two CPU-hours with no output; now a bar shows rows done and
/// the time left (drawn by `ProgressBar` only when standard error is a terminal).
@Suite struct ProgressBarTests {
  @Test func theLineShowsRowsDoneAndTimeLeft() {
    #expect(
      ProgressBar.line(done: 0, total: 3600, secondsLeft: nil)
        == "[------------------------------] 0/3600 行  正在估算剩余时间")
    #expect(
      ProgressBar.line(done: 1200, total: 3600, secondsLeft: 95)
        == "[##########--------------------] 1200/3600 行  约剩 2 分钟")
    #expect(
      ProgressBar.line(done: 3599, total: 3600, secondsLeft: 1)
        == "[#############################-] 3599/3600 行  约剩 1 秒")
    #expect(
      ProgressBar.line(done: 3600, total: 3600, secondsLeft: 7)
        == "[##############################] 3600/3600 行  完成")
    #expect(
      ProgressBar.line(done: 10, total: 165_000, secondsLeft: 3600 + 61).hasSuffix(
        "10/165000 行  约剩 1 小时 2 分钟"))
  }
}
