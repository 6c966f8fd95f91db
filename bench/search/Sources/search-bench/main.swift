// search-bench: index build time and per-keystroke search latency of the Catalog search
// index, side by side in the same run with `fzf --filter` over the same titles and their
// pinyin.
//
//   search-bench [--rounds N] [--fzf-rounds N] [--builds N] [--tsv FILE] CATALOG_DIR
//
// Each query word is typed one letter at a time (1 to 6 letters). For every keystroke it
// times, in process:
//   ours       index.search(prefix, narrowing: previous), as the search screen calls it
//   ours-cold  index.search(prefix), from scratch (what a paste or a deletion costs)
// and, as a separate process per keystroke, as a shell pipeline would run it:
//   fzf        fzf --filter=PREFIX < lines, one line per course: "title pinyin initials"
// fzf's time is wall time from spawn to exit (start-up, reading 10,000 lines, matching,
// sorting, writing); ours is the call alone, which is what a keystroke costs the app.

import Catalog
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct Options {
  var rounds = 30
  var fzfRounds = 5
  var builds = 7
  var tsvPath: String?
  var fzf = "fzf"
  var directory = ""
  var words = [
    "lxxnjy", "wenshi", "shucai", "dangsh", "zhengc", "hezuos", "xczxzc", "jiaoyu", "yangzh",
    "falvzs",
  ]

  static let usage =
    "usage: search-bench [--rounds N] [--fzf-rounds N] [--builds N] [--tsv FILE] [--fzf PATH]\n"
    + "       [--words w1,w2,...] CATALOG_DIR"

  init(arguments: [String]) {
    var rest = arguments[...]
    func value(_ flag: String) -> String {
      guard let next = rest.popFirst() else { fail("\(flag) needs a value") }
      return next
    }
    func number(_ flag: String) -> Int {
      guard let number = Int(value(flag)), number > 0 else { fail("bad \(flag)") }
      return number
    }
    while let argument = rest.popFirst() {
      switch argument {
      case "--rounds": rounds = number(argument)
      case "--fzf-rounds": fzfRounds = number(argument)
      case "--builds": builds = number(argument)
      case "--tsv": tsvPath = value(argument)
      case "--fzf": fzf = value(argument)
      case "--words": words = value(argument).split(separator: ",").map(String.init)
      case "-h", "--help":
        print(Self.usage)
        exit(0)
      default:
        guard directory.isEmpty, !argument.hasPrefix("-") else { fail(Self.usage) }
        directory = argument
      }
    }
    guard !directory.isEmpty else { fail(Self.usage) }
  }
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("search-bench: \(message)\n".utf8))
  exit(2)
}

extension Duration {
  var milliseconds: Double {
    let parts = components
    return Double(parts.seconds) * 1e3 + Double(parts.attoseconds) * 1e-15
  }
}

/// Nearest-rank percentile of milliseconds.
func percentile(_ values: [Double], _ fraction: Double) -> Double {
  guard !values.isEmpty else { return .nan }
  let sorted = values.sorted()
  let rank = max(1, Int((fraction * Double(sorted.count)).rounded(.up)))
  return sorted[min(rank, sorted.count) - 1]
}

/// Keeps results observable so the optimizer cannot drop the work.
enum Sink {
  nonisolated(unsafe) static var value = 0
  static func add(_ number: Int) { value = value &+ number }
}

/// One line per course for fzf: the title, its pinyin run together, and its initials.
/// The curator's `pinyin` is used when it has one syllable per Chinese character.
func fzfLine(_ course: Course) -> String {
  var syllables = Pinyin.syllables(of: course.title)
  if let override = course.pinyin?.split(separator: " ").map(String.init),
    override.count == syllables.count
  {
    syllables = override
  }
  return course.title + " " + syllables.joined() + " "
    + syllables.map { String($0.prefix(1)) }
    .joined()
}

/// CPU time of the calling thread, in milliseconds.
func threadCPU() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) * 1e-6
}

/// Wall and CPU milliseconds of `body`.
func timed(_ body: () -> Void) -> (wall: Double, cpu: Double) {
  let clock = ContinuousClock()
  let cpuStart = threadCPU()
  let start = clock.now
  body()
  let wall = (clock.now - start).milliseconds
  return (wall, threadCPU() - cpuStart)
}

/// What a search screen does per keystroke besides searching: make the results it shows.
let screenful = 20
func show(_ results: SearchResults) -> Int {
  var total = 0
  for result in results.prefix(screenful) { total += result.titleRanges.count }
  return total
}

/// Runs `fzf --filter=QUERY < input > output`: wall time, CPU time (user + system, all of
/// fzf's threads) and output lines.
func runFzf(_ fzf: String, query: String, input: String, output: String) -> (
  wall: Double, cpu: Double, lines: Int
) {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let arguments = [fzf, "--filter=" + query]
  let argv = arguments.map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var pid: pid_t = 0
  let clock = ContinuousClock()
  let start = clock.now
  let spawned = posix_spawnp(&pid, fzf, &actions, nil, argv, environ)
  guard spawned == 0 else { fail("cannot run \(fzf): \(String(cString: strerror(spawned)))") }
  var status: Int32 = 0
  var usage = rusage()
  while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
  let elapsed = (clock.now - start).milliseconds
  func milliseconds(_ time: timeval) -> Double {
    Double(time.tv_sec) * 1e3 + Double(time.tv_usec) * 1e-3
  }
  let cpu = milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime)
  let lines = (try? String(contentsOfFile: output, encoding: .utf8))?.split(separator: "\n").count
  return (elapsed, cpu, lines ?? 0)
}

struct Samples {
  var byLength: [Int: [Double]] = [:]
  var cpuByLength: [Int: [Double]] = [:]
  var hits: [Int: [Int]] = [:]

  mutating func add(length: Int, _ time: (wall: Double, cpu: Double), hits count: Int) {
    byLength[length, default: []].append(time.wall)
    cpuByLength[length, default: []].append(time.cpu)
    hits[length, default: []].append(count)
  }

  func wall(_ length: Int?) -> [Double] {
    length.map { byLength[$0] ?? [] } ?? byLength.keys.sorted().flatMap { byLength[$0]! }
  }

  func cpu(_ length: Int?) -> [Double] {
    length.map { cpuByLength[$0] ?? [] } ?? cpuByLength.keys.sorted().flatMap { cpuByLength[$0]! }
  }

  func meanHits(_ length: Int?) -> Double {
    let values = length.map { hits[$0] ?? [] } ?? hits.values.flatMap { $0 }
    return values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count)
  }
}

let options = Options(arguments: Array(CommandLine.arguments.dropFirst()))
let clock = ContinuousClock()

// Load.
var loadResult: CatalogLoadResult?
let loadTime = clock.measure { loadResult = CatalogLoader(directory: options.directory).load() }
guard let catalog = loadResult?.catalog else {
  let first = loadResult?.diagnostics.first.map { "\($0)" } ?? ""
  fail("\(options.directory): catalog has errors \(first)")
}
print(
  "catalog: \(options.directory): \(catalog.courses.count) courses, "
    + "loaded in \(String(format: "%.0f", loadTime.milliseconds)) ms")

// Index build: the first includes decoding the pinyin table's syllable and alternate lists.
var buildTimes: [Double] = []
var buildCPU: [Double] = []
var index: SearchIndex?
for _ in 0..<options.builds {
  let time = timed { index = SearchIndex(catalog: catalog) }
  buildTimes.append(time.wall)
  buildCPU.append(time.cpu)
}
let searchIndex = index!

// fzf input, the same titles with their pinyin.
let work = FileManager.default.temporaryDirectory.appendingPathComponent(
  "search-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
let fzfInput = work.appendingPathComponent("lines.txt").path
let fzfOutput = work.appendingPathComponent("out.txt").path
try (catalog.courses.map(fzfLine).joined(separator: "\n") + "\n").write(
  toFile: fzfInput, atomically: true, encoding: .utf8)

// Warm up both, then time them.
for word in options.words {
  Sink.add(searchIndex.search(word).count)
}
_ = runFzf(options.fzf, query: "a", input: fzfInput, output: fzfOutput)

var ours = Samples()
var cold = Samples()
var fzf = Samples()
for _ in 0..<options.rounds {
  for word in options.words {
    var previous: SearchResults?
    for length in 1...word.count {
      let prefix = String(word.prefix(length))
      var results: SearchResults?
      let time = timed {
        results = searchIndex.search(prefix, narrowing: previous)
        Sink.add(show(results!))
      }
      previous = results
      ours.add(length: length, time, hits: results!.count)
    }
    for length in 1...word.count {
      let prefix = String(word.prefix(length))
      var count = 0
      let time = timed {
        let results = searchIndex.search(prefix, narrowing: nil)
        Sink.add(show(results))
        count = results.count
      }
      cold.add(length: length, time, hits: count)
    }
  }
}
for _ in 0..<options.fzfRounds {
  for word in options.words {
    for length in 1...word.count {
      let run = runFzf(
        options.fzf, query: String(word.prefix(length)), input: fzfInput, output: fzfOutput)
      fzf.add(length: length, (run.wall, run.cpu), hits: run.lines)
    }
  }
}

// Report.
func format(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.1f", value) }
for (clock, times) in [("wall", buildTimes), ("cpu", buildCPU)] {
  print(
    "index build (\(clock)): first \(format(times[0])) ms, median "
      + "\(format(percentile(times, 0.5))) ms, min \(format(times.min()!)) ms "
      + "over \(options.builds) builds")
}
print(
  "keystrokes: \(options.words.count) words (\(options.words.joined(separator: " "))), "
    + "typed a letter at a time; ours \(options.rounds) rounds, fzf \(options.fzfRounds) rounds")
print("")
let header = [
  "letters", "ours p50", "ours p99", "cold p50", "cold p99", "fzf p50", "fzf p99",
  "fzf/ours p50", "fzf/ours p99", "hits ours", "hits fzf",
]
var tsv = ["letters\timpl\tclock\tp50_ms\tp99_ms\tmean_hits\tsamples"]
func table(
  _ title: String, ours: Samples, cold: Samples, fzf: Samples, tsv: inout [String],
  _ values: (Samples, Int?) -> [Double]
) {
  var rows: [[String]] = []
  for length in (1...6).map(Optional.some) + [nil] {
    let label = length.map(String.init) ?? "all"
    let o = values(ours, length)
    let c = values(cold, length)
    let f = values(fzf, length)
    let (o50, o99) = (percentile(o, 0.5), percentile(o, 0.99))
    let (f50, f99) = (percentile(f, 0.5), percentile(f, 0.99))
    rows.append([
      label, format(o50), format(o99), format(percentile(c, 0.5)), format(percentile(c, 0.99)),
      format(f50), format(f99), String(format: "%.0fx", f50 / o50),
      String(format: "%.0fx", f99 / o99), String(format: "%.0f", ours.meanHits(length)),
      String(format: "%.0f", fzf.meanHits(length)),
    ])
    for (name, samples) in [("ours", ours), ("ours-cold", cold), ("fzf", fzf)] {
      let v = values(samples, length)
      tsv.append(
        "\(label)\t\(name)\t\(title)\t\(percentile(v, 0.5))\t\(percentile(v, 0.99))\t"
          + "\(samples.meanHits(length))\t\(v.count)")
    }
  }
  let widths = header.indices.map { column in
    max(header[column].count, rows.map { $0[column].count }.max() ?? 0)
  }
  func line(_ cells: [String]) -> String {
    cells.enumerated().map { column, cell in
      String(repeating: " ", count: widths[column] - cell.count) + cell
    }.joined(separator: "  ")
  }
  print("\(title) time per keystroke, ms")
  print(line(header))
  for row in rows { print(line(row)) }
  print("")
}
table("wall", ours: ours, cold: cold, fzf: fzf, tsv: &tsv) { samples, length in
  samples.wall(length)
}
table("cpu", ours: ours, cold: cold, fzf: fzf, tsv: &tsv) { samples, length in
  samples.cpu(length)
}
print("p99 is nearest-rank. ours = search(_:narrowing:) while typing, then the first")
print("\(screenful) results made with their highlight ranges; cold = the same without narrowing;")
print("fzf = fzf --filter, spawn to exit, per keystroke (cpu: all its threads, user + system).")
if let path = options.tsvPath {
  try (tsv.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
}
if Sink.value == 42 { print("") }
