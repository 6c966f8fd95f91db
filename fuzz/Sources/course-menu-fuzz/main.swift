import CatalogFuzzing

#if canImport(Glibc)
  import Glibc
#endif

// libFuzzer provides `main` (the package is built with -parse-as-library); this is the entry
// it calls with each input.

/// FUZZ_TARGET names the target; read once.
private let target: FuzzTarget = {
  let name = getenv("FUZZ_TARGET").map { String(cString: $0) } ?? ""
  guard let target = FuzzTarget(rawValue: name) else {
    fatalError("FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue))")
  }
  return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  target.run(Array(UnsafeRawBufferPointer(start: start, count: count)))
  return 0
}
