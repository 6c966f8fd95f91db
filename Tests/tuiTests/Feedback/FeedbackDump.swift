import Catalog
import Foundation
import Testing

@testable import tui

@Suite struct FeedbackDump {
  @Test func dump() throws {
    func save(_ state: AppState, _ name: String) throws {
      let grid = render(state)
      try (grid.trimmedLines.joined(separator: "\n") + "\n--styles--\n" + grid.styleLines.joined(separator: "\n")).write(toFile: "/tmp/fb-\(name).txt", atomically: true, encoding: .utf8)
    }
    try save(FeedbackFixtures.loggedIn(), "rating80")
    try save(FeedbackFixtures.loggedIn(width: 60, height: 16).pressing("4").state, "rating60")
    var s = FeedbackFixtures.loggedIn(FeedbackFixtures.asked(["farm-winter", "ideals-history"]))
    try save(s, "survey80")
    s = s.pressing("2").state
    try save(s, "survey80b")
    var t = FeedbackFixtures.loggedIn(FeedbackFixtures.asked(["farm-winter", "ideals-history"]), width: 60, height: 16)
    t = t.pressing("24").state
    try save(t, "survey60")
    try save(t.pressing("5").state, "survey60form")
  }
}
