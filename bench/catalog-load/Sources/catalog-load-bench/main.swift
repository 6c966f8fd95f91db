// catalog-load-bench: throughput of the project's catalog loader and TOML reader against
// TOMLKit (toml++), in one process, over the same files.
//
//   catalog-load-bench [--runs N] [--min-bytes B] [--tsv FILE] DIR [DIR ...]
//
// For each catalog directory (catalog.toml, rules.toml, courses/*.toml) it times, in
// interleaved rounds so drift hits every implementation alike:
//   ours-full   CatalogLoader(directory:).load(): read + parse with positions + validate
//   ours-parse  TOMLDocument(bytes:) over every file, bytes already in memory
//   tomlkit     TOMLKit's TOMLTable(string:) over every file, strings already in memory
//   read-only   reading the files, the I/O part of ours-full, for reference
// A sample repeats the work until it has covered at least --min-bytes, so a small catalog
// still gives a measurable time. MB/s uses MB = 1,000,000 bytes.

import Foundation

struct InputFile {
  var path: String
  var bytes: [UInt8]
  var text: String
}

/// Keeps results observable so the optimizer cannot drop the work.
enum Sink {
  nonisolated(unsafe) static var value = 0
  static func add(_ number: Int) { value = value &+ number }
}

extension Duration {
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }
}

struct Options {
  var runs = 7
  var minBytes = 8_000_000
  var tsvPath: String?
  var verbose = false
  var directories: [String] = []

  static let usage =
    "usage: catalog-load-bench [--runs N] [--min-bytes B] [--tsv FILE] [--verbose] DIR [DIR ...]"

  init(arguments: [String]) {
    var rest = arguments[...]
    func value(_ flag: String) -> String {
      guard let next = rest.popFirst() else { fail("\(flag) needs a value") }
      return next
    }
    while let argument = rest.popFirst() {
      switch argument {
      case "--runs":
        guard let number = Int(value(argument)), number > 0 else { fail("bad --runs") }
        runs = number
      case "--min-bytes":
        guard let number = Int(value(argument)), number > 0 else { fail("bad --min-bytes") }
        minBytes = number
      case "--tsv": tsvPath = value(argument)
      case "--verbose": verbose = true
      case "-h", "--help":
        print(Self.usage)
        exit(0)
      default:
        if argument.hasPrefix("-") { fail("unknown option \(argument)") }
        directories.append(argument)
      }
    }
    if directories.isEmpty { fail("no catalog directory given") }
  }
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("catalog-load-bench: \(message)\n\(Options.usage)\n".utf8))
  exit(2)
}

/// The files the loader reads, in its order: catalog.toml, rules.toml, courses/*.toml.
func catalogFiles(in directory: String) -> [String] {
  let manager = FileManager.default
  var paths = ["catalog.toml", "rules.toml"].map { "\(directory)/\($0)" }
  let coursesDirectory = "\(directory)/courses"
  let names = (try? manager.contentsOfDirectory(atPath: coursesDirectory)) ?? []
  paths += names.filter { $0.hasSuffix(".toml") }.sorted().map { "\(coursesDirectory)/\($0)" }
  return paths.filter { manager.fileExists(atPath: $0) }
}

func readFiles(_ paths: [String]) -> [InputFile] {
  paths.map { path in
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    let bytes = [UInt8](data)
    return InputFile(path: path, bytes: bytes, text: String(decoding: bytes, as: UTF8.self))
  }
}

func timeRead(_ paths: [String], reps: Int) -> Double {
  var kept: [Data] = []
  kept.reserveCapacity(paths.count * reps)
  let start = ContinuousClock.now
  for _ in 0..<reps {
    for path in paths {
      if let data = FileManager.default.contents(atPath: path) { kept.append(data) }
    }
  }
  let elapsed = ContinuousClock.now - start
  Sink.add(kept.reduce(0) { $0 &+ $1.count })
  return elapsed.seconds
}

struct Measured {
  var name: String
  /// Bytes one repetition covers.
  var bytes: Int
  var reps: Int
  /// Seconds per sample (one sample = `reps` repetitions); empty when not timed.
  var samples: [Double] = []
  var status: String

  func rate(_ seconds: Double) -> Double { Double(bytes * reps) / seconds / 1e6 }
  var median: Double? {
    guard !samples.isEmpty else { return nil }
    let sorted = samples.sorted()
    let middle = sorted.count / 2
    let seconds =
      sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    return rate(seconds)
  }
  var best: Double? { samples.min().map(rate) }
}

func format(_ value: Double?, width: Int) -> String {
  let text = value.map { String(format: "%.1f", $0) } ?? "n/a"
  return String(repeating: " ", count: max(0, width - text.count)) + text
}

func pad(_ text: String, _ width: Int) -> String {
  text + String(repeating: " ", count: max(0, width - text.count))
}

func benchmark(directory: String, options: Options) -> [Measured] {
  let paths = catalogFiles(in: directory)
  if paths.isEmpty { fail("no catalog files in \(directory)") }
  let files = readFiles(paths)
  let total = files.reduce(0) { $0 + $1.bytes.count }
  let reps = max(1, (options.minBytes + total - 1) / total)
  print(
    "\n== \(directory): \(files.count) files, \(total) bytes (\(String(format: "%.2f", Double(total) / 1e6)) MB); "
      + "\(options.runs) runs of \(reps) repetition\(reps == 1 ? "" : "s")")

  // Check every implementation once, untimed; one that fails is reported, not timed.
  let outcome = Ours.check(directory: directory)
  var full = Measured(name: "ours-full", bytes: outcome.bytesRead, reps: reps, status: "ok")
  if outcome.bytesRead == 0 {
    full.status = "not timed: loader read 0 bytes (stub?)"
  } else if !outcome.loaded || outcome.errors > 0 || outcome.warnings > 0 {
    full.status =
      "catalog \(outcome.loaded ? "loaded" : "not loaded"): \(outcome.errors) errors, \(outcome.warnings) warnings"
  } else {
    full.status = "ok: \(outcome.courses) courses, 0 diagnostics"
  }
  if outcome.bytesRead != 0, outcome.bytesRead != total {
    full.status += "; loader read \(outcome.bytesRead) bytes, file set has \(total)"
  }
  for line in outcome.firstDiagnostics { print("  ours-full: \(line)") }
  var parse = Measured(name: "ours-parse", bytes: total, reps: reps, status: "ok")
  if let problem = Ours.checkParse(files) { parse.status = "not timed: \(problem)" }
  var kit = Measured(name: "tomlkit", bytes: total, reps: reps, status: "ok")
  if let problem = TOMLKitParser.checkParse(files) { kit.status = "not timed: \(problem)" }
  var read = Measured(name: "read-only", bytes: total, reps: reps, status: "I/O of ours-full")

  // Warm up (page cache, allocator), then interleaved rounds.
  let timeFull = outcome.bytesRead > 0
  if timeFull { _ = Ours.timeLoad(directory: directory, reps: 1) }
  if parse.status == "ok" { _ = Ours.timeParse(files, reps: 1) }
  if kit.status == "ok" { _ = TOMLKitParser.timeParse(files, reps: 1) }
  _ = timeRead(paths, reps: 1)
  for _ in 0..<options.runs {
    if timeFull { full.samples.append(Ours.timeLoad(directory: directory, reps: reps)) }
    if parse.status == "ok" { parse.samples.append(Ours.timeParse(files, reps: reps)) }
    if kit.status == "ok" { kit.samples.append(TOMLKitParser.timeParse(files, reps: reps)) }
    read.samples.append(timeRead(paths, reps: reps))
  }

  let results = [full, parse, kit, read]
  print("  \(pad("implementation", 12))  MB/s median  MB/s best  vs TOMLKit  status")
  for result in results {
    var ratio = "         "
    if let mine = result.median, let theirs = kit.median, result.name.hasPrefix("ours") {
      ratio = String(format: "%8.2fx", mine / theirs)
    }
    if options.verbose {
      print(
        "    samples (s): "
          + result.samples.map { String(format: "%.3f", $0) }.joined(separator: " "))
    }
    print(
      "  \(pad(result.name, 12))  \(format(result.median, width: 11))  \(format(result.best, width: 9))  \(ratio)  \(result.status)"
    )
  }
  return results
}

let options = Options(arguments: Array(CommandLine.arguments.dropFirst()))
var tsv = "set\timplementation\tbytes\truns\treps\tmedian_mb_s\tbest_mb_s\tstatus\n"
for directory in options.directories {
  for result in benchmark(directory: directory, options: options) {
    let median = result.median.map { String(format: "%.2f", $0) } ?? ""
    let best = result.best.map { String(format: "%.2f", $0) } ?? ""
    tsv +=
      "\(directory)\t\(result.name)\t\(result.bytes)\t\(result.samples.count)\t\(result.reps)\t\(median)\t\(best)\t\(result.status)\n"
  }
}
if let path = options.tsvPath {
  do {
    try tsv.write(toFile: path, atomically: true, encoding: .utf8)
  } catch {
    fail("cannot write \(path): \(error)")
  }
}
if Sink.value == 42 { print("") }  // keeps the sink alive
