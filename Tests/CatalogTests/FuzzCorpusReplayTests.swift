import CatalogFuzzing
import Foundation
import Testing

/// Every input the fuzzers keep in the repository (fuzz/corpus, and for TOML the differential
/// test's corpus) runs through the same code a campaign runs (`FuzzTarget`), on every test
/// run: a crash, a broken invariant or an input slower than a second fails here in seconds,
/// without libFuzzer. `bash fuzz/run.sh TARGET MINUTES` runs a campaign.
@Suite struct FuzzCorpusReplayTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func inputs(_ target: FuzzTarget) -> [URL] {
    var directories = ["fuzz/corpus/\(target.rawValue)"]
    if target == .toml { directories += ["Tests/toml/corpus/valid", "Tests/toml/corpus/invalid"] }
    return directories.flatMap { directory -> [URL] in
      let url = root.appendingPathComponent(directory)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      return names.sorted().map { url.appendingPathComponent($0) }
    }
  }

  @Test(arguments: FuzzTarget.allCases)
  func replay(_ target: FuzzTarget) throws {
    let inputs = Self.inputs(target)
    #expect(inputs.count >= 5, "the seed corpus of \(target.rawValue) is missing")
    var slowest = (0.0, "")
    for input in inputs {
      let bytes = [UInt8](try Data(contentsOf: input))
      let started = Date()
      target.run(bytes)
      let seconds = Date().timeIntervalSince(started)
      if seconds > slowest.0 { slowest = (seconds, input.lastPathComponent) }
    }
    #expect(slowest.0 < 1, "\(slowest.1) took \(slowest.0) s")
  }
}
