import TOMLKit

/// TOMLKit 0.6 (toml++ 3.4 behind a C shim): `TOMLTable(string:)` from a Swift `String`
/// already in memory. In its own file for the reason given on `Ours`.
enum TOMLKitParser {
  /// Nil when every file parses; else the first file's error.
  static func checkParse(_ files: [InputFile]) -> String? {
    for file in files {
      do {
        _ = try TOMLTable(string: file.text)
      } catch {
        return "\(file.path): \(error)"
      }
    }
    return nil
  }

  /// `reps` passes over every file. TOMLKit 0.6 never frees a parsed table (no deinit), so
  /// freeing is not timed here; `Ours.timeParse` keeps its documents alive likewise.
  static func timeParse(_ files: [InputFile], reps: Int) -> Sample {
    var kept: [TOMLTable] = []
    kept.reserveCapacity(files.count * reps)
    let stopwatch = Stopwatch()
    for _ in 0..<reps {
      for file in files {
        if let table = try? TOMLTable(string: file.text) { kept.append(table) }
      }
    }
    let sample = stopwatch.stop()
    Sink.add(kept.reduce(0) { $0 &+ $1.count })
    return sample
  }
}
