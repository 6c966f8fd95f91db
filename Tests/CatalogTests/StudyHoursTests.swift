import Testing

@testable import Catalog

@Suite struct StudyHoursTests {
  @Test func exactHalvesOnly() {
    #expect(StudyHours(exactly: 1.5)?.halves == 3)
    #expect(StudyHours(exactly: 0.25) == nil)
    #expect(StudyHours(exactly: .nan) == nil)
  }

  @Test func writtenAsOnPaper() {
    #expect(StudyHours(halves: 8).description == "4")
    #expect(StudyHours(halves: 3).description == "1.5")
    #expect(StudyHours(halves: -1).description == "-0.5")
    #expect((StudyHours(2) + StudyHours(halves: 1)).description == "2.5")
  }
}
