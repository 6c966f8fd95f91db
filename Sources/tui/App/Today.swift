import Catalog

#if canImport(Glibc)
  import Glibc
#endif

extension LocalDate {
  /// Today in the local time zone, for the title bar.
  static func today() -> LocalDate {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return LocalDate(
      year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
  }
}
