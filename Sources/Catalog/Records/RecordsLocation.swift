/// Where the records database lives.
public enum RecordsLocation {
  /// The environment variable that overrides the default location.
  public static let environmentKey = "COURSE_MENU_DB"

  /// `--db PATH`, else `$COURSE_MENU_DB`, else `$XDG_DATA_HOME/course-menu/records.sqlite`
  /// (only when `XDG_DATA_HOME` is an absolute path, as the XDG specification says), else
  /// `~/.local/share/course-menu/records.sqlite`.
  public static func path(explicit: String?, environment: [String: String]) -> String {
    path(explicit: explicit) { environment[$0] }
  }

  /// The same, reading each variable through `variable` (the program passes `getenv`: no
  /// dictionary of the whole environment at every start).
  public static func path(explicit: String?, variable: (String) -> String?) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let fromEnvironment = variable(environmentKey), !fromEnvironment.isEmpty {
      return fromEnvironment
    }
    if let dataHome = variable("XDG_DATA_HOME"), dataHome.hasPrefix("/") {
      return join(dataHome, "course-menu/records.sqlite")
    }
    let home = variable("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? "."
    return join(home, ".local/share/course-menu/records.sqlite")
  }

  private static func join(_ directory: String, _ rest: String) -> String {
    directory.hasSuffix("/") ? directory + rest : directory + "/" + rest
  }
}
