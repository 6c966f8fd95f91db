import Foundation
import Testing

@testable import Catalog

@Suite struct SignUpTests {
  static let session = StationScene.broadcast.sessions[0]
  static let key = SessionKey(course: StationScene.broadcast, session: session)

  @Test(arguments: RecordsEngineKind.all)
  func aSeatIsTakenOnceAndGivenBack(_ engine: RecordsEngineKind) throws {
    let scene = try StationScene(engine)
    defer { scene.remove() }
    let store = scene.store
    let course = StationScene.broadcast
    #expect(
      try store.signUp(memberID: "1001", course: course, session: Self.session)
        == .signedUp(seatsLeft: 29))
    #expect(
      try store.signUp(memberID: "1001", course: course, session: Self.session) == .alreadySignedUp)
    #expect(
      try store.signUp(memberID: "1002", course: course, session: Self.session)
        == .signedUp(seatsLeft: 28))
    let seats = try store.seats(
      from: day("2026-12-01"), through: day("2026-12-31"), memberID: "1001")
    #expect(seats.taken == [Self.key: 2] && seats.mine == [Self.key])
    #expect(
      try store.signUps(courseID: course.id, date: day("2026-12-05")).map(\.member.id) == [
        "1001", "1002",
      ])
    #expect(try store.cancelSignUp(memberID: "1001", session: Self.key))
    #expect(try !store.cancelSignUp(memberID: "1001", session: Self.key))
    #expect(
      try store.seats(from: day("2026-12-01"), through: day("2026-12-31"), memberID: "1001").mine
        .isEmpty)
    #expect(throws: RecordsError.unknownMember("7777")) {
      _ = try store.signUp(memberID: "7777", course: course, session: Self.session)
    }
  }

  @Test(arguments: RecordsEngineKind.all)
  func aFullSessionTakesNobodyMoreAndACancelFreesASeat(_ engine: RecordsEngineKind) throws {
    let scene = try StationScene(engine)
    defer { scene.remove() }
    var session = Self.session
    session.capacity = 2
    let course = StationScene.broadcast
    #expect(
      try scene.store.signUp(memberID: "1001", course: course, session: session)
        == .signedUp(seatsLeft: 1))
    #expect(
      try scene.store.signUp(memberID: "1002", course: course, session: session)
        == .signedUp(seatsLeft: 0))
    #expect(try scene.store.signUp(memberID: "1003", course: course, session: session) == .full)
    try scene.store.cancelSignUp(memberID: "1001", session: Self.key)
    #expect(
      try scene.store.signUp(memberID: "1003", course: course, session: session)
        == .signedUp(seatsLeft: 0))
    // Without a capacity there is no limit.
    session.capacity = nil
    #expect(
      try scene.store.signUp(memberID: "1004", course: course, session: session)
        == .signedUp(seatsLeft: nil))
  }

  /// 40 members sign up at once for 30 seats, each through a store of their own (its own
  /// connections, as separate processes have): exactly 30 get one. Tests/records does the
  /// same with 40 processes.
  @Test(arguments: RecordsEngineKind.all)
  func fortyAtOnceForThirtySeatsGetExactlyThirty(_ engine: RecordsEngineKind) throws {
    let ids = (1...40).map { String(5000 + $0) }
    let scene = try StationScene(engine, members: ids)
    defer { scene.remove() }
    let temporary = scene.temporary
    let results = Outcomes<SignUpResult>()
    DispatchQueue.concurrentPerform(iterations: ids.count) { index in
      results.append(
        Result {
          let store = try temporary.another()
          defer { try? store.close() }
          return try store.signUp(
            memberID: ids[index], course: StationScene.broadcast, session: Self.session)
        })
    }
    let outcomes = try results.all.map { try $0.get() }
    #expect(outcomes.filter { if case .signedUp = $0 { true } else { false } }.count == 30)
    #expect(outcomes.filter { $0 == .full }.count == 10)
    #expect(
      try scene.store.signUps(courseID: StationScene.broadcast.id, date: day("2026-12-05")).count
        == 30)
  }
}
