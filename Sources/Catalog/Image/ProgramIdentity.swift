import CBuildID

/// Which program wrote an image: 32 bytes, a digest of the image format version and the
/// running program's GNU build id (the linker's hash of the binary; without one, the stamp of
/// the executable file). Any other build, however small the change, never trusts an image it
/// did not write: the layout of `Course` and its neighbours lives in code, not in the file.
enum ProgramIdentity {
  static let current: [UInt8] = {
    var text = Array("course-menu catalog image \(ImageFormat.version)\n".utf8)
    if let buildID = buildID() {
      text += Array("build-id ".utf8) + buildID
    } else if let stamp = FileSystem.stamp("/proc/self/exe") {
      text += Array("executable \(stamp)".utf8)
    }
    return KeyDigest.sha256(text)
  }()

  /// The main program's `NT_GNU_BUILD_ID` note, read from its loaded headers (no file read).
  static func buildID() -> [UInt8]? {
    var buffer = [UInt8](repeating: 0, count: 64)
    let length = buffer.withUnsafeMutableBufferPointer {
      course_menu_build_id($0.baseAddress, $0.count)
    }
    return length > 0 ? Array(buffer.prefix(length)) : nil
  }
}
