import Testing

@testable import tui

@Suite struct GridTests {
  @Test func wideCharactersTakeACellAndAContinuation() {
    var grid = Grid(size: Size(width: 6, height: 1))
    #expect(grid.write("党a员", x: 0, y: 0) == 5)
    #expect(grid.line(0) == "党a员 ")
    #expect(grid[1, 0].isContinuation)
    #expect(grid[4, 0].isContinuation)
  }

  @Test func aWideCharacterThatDoesNotFitIsLeftOutWhole() {
    var grid = Grid(size: Size(width: 5, height: 1))
    #expect(grid.write("农业技术", x: 0, y: 0) == 4)
    #expect(grid.line(0) == "农业 ")
  }

  @Test func anEllipsisMarksCutText() {
    var grid = Grid(size: Size(width: 8, height: 2))
    grid.write("农业实用技术", x: 0, y: 0, width: 6, ellipsis: "…")
    grid.write("农业实用技术", x: 0, y: 1, width: 7, ellipsis: "…")
    #expect(grid.lines == ["农业…   ", "农业实… "])
  }

  @Test func textThatFitsGetsNoEllipsis() {
    var grid = Grid(size: Size(width: 8, height: 1))
    grid.write("农业", x: 0, y: 0, width: 4, ellipsis: "…")
    #expect(grid.line(0) == "农业    ")
  }

  @Test func writingStopsAtTheRightEdge() {
    var grid = Grid(size: Size(width: 5, height: 1))
    grid.write("abcdefg", x: 2, y: 0)
    grid.write("zzz", x: 9, y: 0)
    grid.write("zzz", x: 0, y: 3)
    #expect(grid.line(0) == "  abc")
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var grid = Grid(size: Size(width: 6, height: 1))
    grid.write("党员教", x: 0, y: 0)
    grid.write("x", x: 1, y: 0)  // right half of 党
    grid.write("y", x: 2, y: 0)  // left half of 员
    #expect(grid.line(0) == " xy 教")
    #expect(!grid[3, 0].isContinuation)
  }

  @Test func aWideCharacterOverANarrowPairAndAnotherWide() {
    var grid = Grid(size: Size(width: 6, height: 1))
    grid.write("ab党员", x: 0, y: 0)
    grid.write("学", x: 1, y: 0)  // over b and the left half of 党
    #expect(grid.line(0) == "a学 员")
  }

  @Test func fillAndRestyleKeepTheRowWidth() {
    var grid = Grid(size: Size(width: 4, height: 1))
    grid.write("党员", x: 0, y: 0)
    grid.fill(row: 0, x: 1, width: 2, with: "-")
    #expect(grid.line(0) == " -- ")
    grid.restyle(row: 0, columns: 0..<4, style: .selected)
    #expect((0..<4).allSatisfy { grid[$0, 0].style == .selected })
  }

  @Test func controlCharactersAreNotWritten() {
    var grid = Grid(size: Size(width: 4, height: 1))
    grid.write("a\u{1B}b", x: 0, y: 0)
    #expect(grid.line(0) == "ab  ")
  }

  @Test func paddedAlignsByDisplayWidth() {
    #expect(TextFit.padded("学时", width: 6, alignment: .trailing) == "  学时")
    #expect(TextFit.padded("16", width: 5, alignment: .trailing) == "   16")
    #expect(TextFit.padded("农业实用技术", width: 7, ellipsis: "…") == "农业实…")
    #expect(TextFit.padded("农业实用技术", width: 8, ellipsis: "…") == "农业实… ")
    #expect(TextFit.padded("终端", width: 7, alignment: .center) == " 终端  ")
  }

  @Test func markedAsCutAlwaysEndsInTheEllipsis() {
    #expect(TextFit.markedAsCut("农业技术", width: 10, ellipsis: "…") == "农业技术…")
    #expect(TextFit.markedAsCut("农业技术", width: 8, ellipsis: "…") == "农业技…")
  }
}
