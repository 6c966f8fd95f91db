import Foundation
import Testing

@testable import Catalog

/// Catalog files must be regular files of sane size: anything else is a diagnostic with its
/// path, and is never opened (a FIFO hung `check` and the UI; a link to /dev/zero read until
/// the memory ran out).
@Suite struct CatalogFilesTests {
  /// Loads the fixture with one more entry made by `make` at `courses/NAME`; the diagnostics
  /// about it as `NAME: message`.
  func problems(_ name: String, _ make: (String) throws -> Void) throws -> [String] {
    let (_, directory) = try CatalogFixture().load()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/courses/" + name
    try make(path)
    let result = CatalogLoader(directory: directory).load()
    #expect(result.catalog == nil)
    return result.diagnostics.filter { $0.location.path == path }.map {
      "\(name): \($0.severity.rawValue)[\($0.code)] \($0.problem.message)"
    }
  }

  @Test func aFIFOIsADiagnosticNotAHang() throws {
    let found = try problems("x.toml") { #expect(mkfifo($0, 0o600) == 0) }
    #expect(found == ["x.toml: error[F001] 无法读取：不是普通文件（是命名管道 FIFO），没有读取"])
  }

  @Test func aLinkToADeviceIsNeverRead() throws {
    let found = try problems("z.toml") {
      try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "/dev/zero")
    }
    #expect(found == ["z.toml: error[F001] 无法读取：不是普通文件（是字符设备），没有读取"])
  }

  @Test func aSocketAndADirectoryNamedToml() throws {
    let socketFound = try problems("s.toml") { path in
      let handle = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
      defer { close(handle) }
      var address = sockaddr_un()
      address.sun_family = sa_family_t(AF_UNIX)
      withUnsafeMutableBytes(of: &address.sun_path) { buffer in
        for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() {
          buffer[index] = byte
        }
      }
      let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(handle, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
        }
      }
      #expect(bound == 0)
    }
    #expect(socketFound == ["s.toml: error[F001] 无法读取：不是普通文件（是套接字），没有读取"])
    let directoryFound = try problems("d.toml") {
      try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false)
    }
    #expect(directoryFound == ["d.toml: error[F001] 无法读取：这是目录，不是文件"])
  }

  @Test func aSymlinkLoopIsSaidInChinese() throws {
    let found = try problems("loop.toml") {
      try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "loop.toml")
    }
    #expect(found == ["loop.toml: error[F001] 无法读取：符号链接太多层或构成循环"])
  }

  @Test func aFileOverTheLimitIsRefusedUnread() throws {
    let found = try problems("big.toml") { path in
      #expect(FileManager.default.createFile(atPath: path, contents: nil))
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
      try handle.truncate(atOffset: UInt64(FileSystem.maximumFileSize + 1))
      try handle.close()
    }
    #expect(found == ["big.toml: error[F001] 无法读取：文件太大（64.0 MB，最多 64 MB），没有读取"])
  }

  @Test func everySystemFailureHasChineseText() {
    for code in 1..<134 {
      let text = LoaderText.reason(.system(Int32(code)))
      #expect(!text.contains { $0.isASCII && $0.isLetter }, "\(code): \(text)")
    }
  }

  @Test func aCatalogWithNoCoursesIsWarnedAbout() throws {
    var fixture = CatalogFixture()
    fixture.files["courses/ideals.toml"] = "category = \"ideals\"\n"
    fixture.files["courses/farming.toml"] = "# 暂无课程\n"
    let (result, directory) = try fixture.load()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(!result.diagnostics.hasErrors)
    #expect(
      result.diagnostics.filter { $0.code == "W006" }.map(\.description) == [
        "\(directory)/courses: warning[W006]: 目录中一门课程也没有：课程文件里没有任何 [[course]]"
      ])
  }
}
