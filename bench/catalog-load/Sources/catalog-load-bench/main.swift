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

/// Wall-clock and process CPU seconds of one sample. The loader parses course files on both
/// cores, so its CPU time can exceed its wall time; the parsers run on one thread.
struct Sample {
  var wall: Double
  var cpu: Double
}

struct Stopwatch {
  private let wall = ContinuousClock.now
  private let cpu = Stopwatch.processCPUSeconds()

  func stop() -> Sample {
    let parts = (ContinuousClock.now - wall).components
    return Sample(
      wall: Double(parts.seconds) + Double(parts.attoseconds) * 1e-18,
      cpu: Stopwatch.processCPUSeconds() - cpu)
  }

  static func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }
}

struct Options {
  var runs = 7
  var minBytes = 8_000_000
  var tsvPath: String?
  var verbose = false
  /// Implementations to time; all when empty. `--only tomlkit --runs 1 --min-bytes 1` runs
  /// one parse of each file and nothing else, for a profiler.
  var only: Set<String> = []
  var warmUp = true
  var directories: [String] = []

  static let usage =
    "usage: catalog-load-bench [--runs N] [--min-bytes B] [--tsv FILE] [--verbose]\n"
    + "       [--only IMPL,...] [--no-warm-up] DIR [DIR ...]"

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
      case "--no-warm-up": warmUp = false
      case "--only":
        only = Set(value(argument).split(separator: ",").map(String.init))
        let known: Set = ["ours-full", "ours-parse", "tomlkit", "read-only"]
        if !only.isSubset(of: known) {
          fail("--only takes \(known.sorted().joined(separator: ","))")
        }
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

func timeRead(_ paths: [String], reps: Int) -> Sample {
  var kept: [Data] = []
  kept.reserveCapacity(paths.count * reps)
  let stopwatch = Stopwatch()
  for _ in 0..<reps {
    for path in paths {
      if let data = FileManager.default.contents(atPath: path) { kept.append(data) }
    }
  }
  let sample = stopwatch.stop()
  Sink.add(kept.reduce(0) { $0 &+ $1.count })
  return sample
}

struct Measured {
  var name: String
  /// Bytes one repetition covers.
  var bytes: Int
  var reps: Int
  /// One per run; each covers `reps` repetitions. Empty when not timed.
  var samples: [Sample] = []
  var status: String

  func rate(_ seconds: Double) -> Double { Double(bytes * reps) / seconds / 1e6 }
  /// MB/s from the median wall time.
  var median: Double? { medianOf(samples.map(\.wall)).map(rate) }
  /// MB/s from the shortest wall time.
  var best: Double? { samples.map(\.wall).min().map(rate) }
  /// MB per CPU second (all threads), from the median CPU time.
  var cpu: Double? { medianOf(samples.map(\.cpu)).map(rate) }
}

func medianOf(_ values: [Double]) -> Double? {
  guard !values.isEmpty else { return nil }
  let sorted = values.sorted()
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
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

  // Check each selected implementation once, untimed; one that fails is reported, not timed.
  func selected(_ name: String) -> Bool { options.only.isEmpty || options.only.contains(name) }
  var full = Measured(name: "ours-full", bytes: total, reps: reps, status: "not selected")
  var parse = Measured(name: "ours-parse", bytes: total, reps: reps, status: "not selected")
  var kit = Measured(name: "tomlkit", bytes: total, reps: reps, status: "not selected")
  var read = Measured(name: "read-only", bytes: total, reps: reps, status: "I/O of ours-full")
  var timeFull = false
  if selected(full.name) {
    let outcome = Ours.check(directory: directory)
    full.bytes = outcome.bytesRead
    timeFull = outcome.bytesRead > 0
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
  }
  if selected(parse.name) {
    parse.status = Ours.checkParse(files).map { "not timed: \($0)" } ?? "ok"
  }
  if selected(kit.name) {
    kit.status = TOMLKitParser.checkParse(files).map { "not timed: \($0)" } ?? "ok"
  }
  let timeParse = parse.status == "ok"
  let timeKit = kit.status == "ok"
  let timeIO = selected(read.name)

  // Warm up (page cache, allocator), then interleaved rounds.
  if options.warmUp {
    if timeFull { _ = Ours.timeLoad(directory: directory, reps: 1) }
    if timeParse { _ = Ours.timeParse(files, reps: 1) }
    if timeKit { _ = TOMLKitParser.timeParse(files, reps: 1) }
    if timeIO { _ = timeRead(paths, reps: 1) }
  }
  for _ in 0..<options.runs {
    if timeFull { full.samples.append(Ours.timeLoad(directory: directory, reps: reps)) }
    if timeParse { parse.samples.append(Ours.timeParse(files, reps: reps)) }
    if timeKit { kit.samples.append(TOMLKitParser.timeParse(files, reps: reps)) }
    if timeIO { read.samples.append(timeRead(paths, reps: reps)) }
  }

  let results = [full, parse, kit, read]
  print("  \(pad("implementation", 12))  MB/s median  MB/s best  MB/CPU-s  vs TOMLKit  status")
  for result in results {
    var ratio = "         "
    if let mine = result.median, let theirs = kit.median, result.name.hasPrefix("ours") {
      ratio = String(format: "%8.2fx", mine / theirs)
    }
    if options.verbose {
      let walls = result.samples.map { String(format: "%.3f", $0.wall) }
      let cpus = result.samples.map { String(format: "%.3f", $0.cpu) }
      print(
        "    wall s: \(walls.joined(separator: " "))\n    CPU s:  \(cpus.joined(separator: " "))")
    }
    print(
      "  \(pad(result.name, 12))  \(format(result.median, width: 11))  \(format(result.best, width: 9))"
        + "  \(format(result.cpu, width: 8))  \(ratio)  \(result.status)")
  }
  return results
}

let options = Options(arguments: Array(CommandLine.arguments.dropFirst()))
var tsv = "set\timplementation\tbytes\truns\treps\tmedian_mb_s\tbest_mb_s\tcpu_mb_s\tstatus\n"
for directory in options.directories {
  for result in benchmark(directory: directory, options: options) {
    let median = result.median.map { String(format: "%.2f", $0) } ?? ""
    let best = result.best.map { String(format: "%.2f", $0) } ?? ""
    let cpu = result.cpu.map { String(format: "%.2f", $0) } ?? ""
    tsv +=
      "\(directory)\t\(result.name)\t\(result.bytes)\t\(result.samples.count)\t\(result.reps)"
      + "\t\(median)\t\(best)\t\(cpu)\t\(result.status)\n"
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
