import Testing

@testable import Catalog

@Suite struct LocalDateTests {
  @Test func parsesRealDaysOnly() {
    #expect(LocalDate(iso: "2024-02-29") == LocalDate(year: 2024, month: 2, day: 29))
    #expect(LocalDate(iso: "2026-02-29") == nil)
    #expect(LocalDate(iso: "2026-13-01") == nil)
    #expect(LocalDate(iso: "2026-1-01") == nil)
  }

  @Test func epochDayRoundTrip() {
    for days in stride(from: -800_000, through: 800_000, by: 997) {
      #expect(LocalDate(daysSinceEpoch: days).daysSinceEpoch == days)
    }
    #expect(LocalDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
    #expect(LocalDate(year: 2026, month: 12, day: 31).adding(days: 1).description == "2027-01-01")
  }
}
