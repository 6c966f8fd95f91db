import ArgumentParser
import Testing

@testable import tui

/// A plain command line starting the member UI is read without ArgumentParser, and must be
/// read exactly as ArgumentParser reads it; anything else is left to ArgumentParser.
@Suite struct BrowseStartTests {
  @Test(arguments: [
    [], ["--catalog", "data"], ["--catalog=data"], ["--db", "/var/lib/r.sqlite", "--catalog", "d"],
    ["--rules", "r.toml", "--catalog", "d", "--idle-timeout", "300"], ["--demo"],
    ["--demo", "--idle-timeout=0"], ["--idle-timeout", "15", "--rules=x.toml"],
    ["--catalog", "目录 中文"], ["--kiosk", "--station", "S01", "--db", "r.sqlite"],
    ["--station=S02", "--idle-timeout", "60"],
  ])
  func aPlainLineReadsAsArgumentParserReadsIt(_ arguments: [String]) throws {
    let plain = try #require(BrowseStart(plainArguments: arguments))
    let parsed = try BrowseCommand.parse(arguments)
    #expect(plain == parsed.start)
  }

  @Test(arguments: [
    ["--help"], ["-h"], ["help"], ["check", "data"], ["browse"], ["--catalog"],
    ["--catalog", "--db", "x"],
    ["--bogus"], ["--demo=yes"], ["--idle-timeout", "abc"], ["--idle-timeout", "-5"],
    ["--catalog", "a", "--catalog", "b"], ["--catalog="], ["-c", "data"], ["data"],
    ["--generate-completion-script", "bash"], ["--version"], ["--kiosk=1"], ["--station"],
  ])
  func anythingElseIsLeftToArgumentParser(_ arguments: [String]) {
    #expect(BrowseStart(plainArguments: arguments) == nil)
  }

  @Test func theSameMistakesAreRefused() throws {
    let both = try #require(BrowseStart(plainArguments: ["--demo", "--db", "x"]))
    #expect(throws: ValidationError.self) { try both.validate() }
    #expect(throws: (any Error).self) { try BrowseCommand.parse(["--demo", "--db", "x"]) }
    let negative = try #require(BrowseStart(plainArguments: ["--idle-timeout=-1"]))
    #expect(throws: ValidationError.self) { try negative.validate() }
    let badStation = try #require(BrowseStart(plainArguments: ["--station", "a b"]))
    #expect(throws: ValidationError.self) { try badStation.validate() }
    #expect(throws: (any Error).self) { try BrowseCommand.parse(["--station", "a b"]) }
  }

  @Test func theIdleTimeoutDefaultsToThePlaces() throws {
    #expect(try #require(BrowseStart(plainArguments: [])).idleSeconds == IdleTimer.defaultSeconds)
    let kiosk = try #require(BrowseStart(plainArguments: ["--kiosk", "--station", "S01"]))
    #expect(kiosk.idleSeconds == IdleTimer.kioskDefaultSeconds)
    #expect(try BrowseCommand.parse(["--kiosk", "--station", "S01"]).start.idleSeconds == 180)
  }
}
