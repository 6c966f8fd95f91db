import CFuzzerDriver
import CatalogFuzzing

#if canImport(Glibc)
  import Glibc
#endif

// One libFuzzer binary for every target: FUZZ_TARGET names it (toml, catalog, roster), and
// the command line is libFuzzer's (corpus directories, -max_total_time=…, -runs=…).

let target: FuzzTarget = {
  let name = getenv("FUZZ_TARGET").map { String(cString: $0) } ?? ""
  guard let target = FuzzTarget(rawValue: name) else {
    fatalError("FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue))")
  }
  return target
}()

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(
  LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    target.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  })
