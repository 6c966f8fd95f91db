/// What a screen that waits on a write says under its items (a confirmation, 报名): 正在保存
/// once the write has taken long enough to notice (`RecordsTraffic.busyDelay`), else why the
/// last one failed.
enum PendingStatus {
  static func draw(
    saving: Bool, problem: String?, below table: NumberedTable, into grid: inout Grid,
    area: Rect, _ context: ScreenContext
  ) {
    var y = area.y + table.endRow + 2
    let status = saving && context.recordsBusy == .saving ? MemberText.saving : problem
    for line in TextWrap.lines(status ?? "", width: area.width) where y < area.maxY {
      grid.write(
        line, x: area.x, y: y, width: area.width, style: .notice,
        ellipsis: context.glyphs.ellipsis)
      y += 1
    }
  }
}
