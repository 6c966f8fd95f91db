import Catalog

/// Every word of self-study over SSH: the session screens, `ssh session`, `ssh authorized-keys`,
/// the key commands and `report sessions`.
enum SSHText {
  // MARK: ssh session
  static let sshAbstract = "通过 SSH 远程学习：供 OpenSSH 的 ForceCommand 和登记的钥匙使用。"
  static let sessionAbstract = "作为 SSH 服务器唯一的命令运行课程菜单（由 sshd 调用，不要手工运行）。"
  static let sessionDiscussion = """
    每次登录记入会话记录（report sessions）。没有终端（ssh 主机 命令、ssh -T、sftp、scp）时拒绝运行，
    客户端要求执行的命令（SSH_ORIGINAL_COMMAND）只记入会话记录，从不执行。
    """
  static let memberOptionHelp =
    "由钥匙登录的党员编号（ssh authorized-keys 写入钥匙的 command=）：免输 PIN。只能出现在 sshd 强制执行的命令里。"
  static let keyOptionHelp = "登录所用钥匙的指纹（SHA256:…），记入会话记录。"
  /// The one line a session without a terminal gets, before it ends with status 1.
  static let needsTerminal =
    "本服务只提供党员教育培训课程菜单，需要交互式终端：请直接 ssh 登录，不要加 -T 或命令（sftp、scp 也不可用）。"
  static func unknownTerminal(_ name: String, fallback: String) -> String {
    "不认识终端类型 \(name)，已按 \(fallback) 显示；如显示异常，请在 SSH 软件中把终端类型设为 xterm"
  }
  static let invalidMemberOption = "--member 应为 1 到 20 位数字的党员编号。"
  static let keyWithoutMember = "--key 只能和 --member 一起使用。"

  // MARK: Entering with a key
  static let enterHeading = "正在进入"
  static let enterReading = "正在读取您的学习记录……"
  static let keyLogInFailed = "无法用钥匙登录："
  static let retry = "再试"

  // MARK: One live session per member
  static let replaceHeading = "已在别处登录"
  static func replaceIntro(_ member: String) -> String {
    "\(member)，您的账号正在另一处使用："
  }
  static func otherSession(_ session: OtherSession, today: LocalDate) -> String {
    var parts: [String] = []
    parts.append("来自 " + (session.client ?? "本机"))
    parts.append(entryLabel(session.entry))
    let day = session.started.date == today ? "" : "\(session.started.date) "
    parts.append(day + session.started.clockText + " 开始")
    return parts.joined(separator: "，")
  }
  static let replaceRule = "同一时间只能在一处学习。结束那边的会话后，那边会看到原因并退出。"
  static let replaceConfirm = "结束那边的会话，在这里继续"
  static let replaceCancel = "返回，不登录"
  static let replaceCancelKey = "不结束，退出"
  static let replacing = "正在结束那边的会话……"
  static func replaceFailed(_ message: String) -> String { "没能结束那边的会话：\(message)。按 1 再试。" }

  // MARK: This session ended elsewhere
  static let endedHeading = "会话已结束"
  static let replacedHere = "您的账号已在另一处登录，这里的会话已由那边结束。"
  static let endedHere = "这里的会话已在别处结束。"
  static let selectionsKept = "已保存的选学和学时都不受影响。"
  static func endedCountdown(_ seconds: Int) -> String { "\(seconds) 秒后退出，按任意键立即退出" }
  static let keyLeave = "退出"
  static let keyNameAny = "任意键"

  // MARK: Lines printed after the terminal is restored
  static func farewellIdle(seconds: Int) -> String {
    let span = seconds % 60 == 0 ? "\(seconds / 60) 分钟" : "\(seconds) 秒"
    return "\(span)没有按键，已自动退出。欢迎再来学习。"
  }
  static func farewellReplaced(_ session: OtherSession?, today: LocalDate) -> String {
    guard let session else { return endedHere + selectionsKept }
    return "您的账号已在另一处登录（" + otherSession(session, today: today) + "），这里的会话已结束。"
  }

  // MARK: Idle over SSH
  static func idleEndsCountdown(_ seconds: Int) -> String {
    "\(seconds) 秒后自动退出：按任意键继续使用"
  }

  // MARK: Labels
  static func entryLabel(_ entry: SessionEntry) -> String {
    switch entry {
    case .guest: "访客"
    case .pin: "编号和 PIN 登录"
    case .key: "钥匙登录"
    }
  }

  static func endLabel(_ reason: String?) -> String {
    guard let reason else { return "" }
    switch SessionEnd(rawValue: reason) {
    case .quit: return "退出"
    case .logout: return "退出登录"
    case .idle: return "闲置超时"
    case .hangup: return "断线"
    case .replaced: return "被另一处登录结束"
    case .lost: return "进程已不在"
    case .noTerminal: return "拒绝：没有终端"
    case nil: return reason
    }
  }

  // MARK: members add-key / keys / remove-key
  static let addKeyAbstract = "为党员登记 SSH 公钥：用这把钥匙登录时免输 PIN。"
  static let addKeyDiscussion = """
    FILE 为公钥文件（ssh-keygen 生成的 id_ed25519.pub，或 PuTTYgen 保存的公钥），- 表示从标准输入读取。
    一把钥匙只能登记给一名党员。例：course-menu members add-key 1001 王建国.pub
    """
  static let keyFileHelp = "公钥文件；- 表示标准输入。"
  static let keysAbstract = "列出党员登记的 SSH 公钥。"
  static let removeKeyAbstract = "撤销党员的一把 SSH 公钥（按指纹，见 members keys）。"
  static let fingerprintHelp = "钥匙指纹，形如 SHA256:…（members keys 列出）。"
  static let removeKeyReasonHelp = "撤销原因（可选，记入审计记录），如“手机丢失”。"
  static func keyAdded(_ member: Member, _ key: SSHPublicKey) -> String {
    "已为 \(member.id) \(member.name) 登记钥匙 \(key.fingerprint)（\(key.type)\(key.comment.isEmpty ? "" : "，" + key.comment)）"
  }
  static func keyAlreadyAdded(_ member: Member, _ key: SSHPublicKey) -> String {
    "\(member.id) \(member.name) 已登记过钥匙 \(key.fingerprint)，没有改动"
  }
  static func keyRemoved(_ member: Member, _ key: MemberKey) -> String {
    "已撤销 \(member.id) \(member.name) 的钥匙 \(key.key.fingerprint)（\(key.key.type)）"
  }
  static func noKeys(_ member: Member) -> String { "\(member.id) \(member.name) 没有登记钥匙" }
  static let keysHeader = ["指纹", "类型", "备注", "登记时间", "登记人"]
  static func keysTally(_ count: Int) -> String { "共 \(count) 把钥匙" }
  static func keyFileUnreadable(_ path: String) -> String { "无法读取公钥文件 \(path)" }
  static func keyRefused(_ path: String, _ problem: SSHPublicKey.Problem) -> String {
    "\(path)：\(keyProblem(problem))"
  }

  static func keyProblem(_ problem: SSHPublicKey.Problem) -> String {
    switch problem {
    case .empty:
      return "没有公钥（文件是空的？）"
    case .privateKey:
      return "这是私钥，不是公钥。私钥必须只留在党员自己的设备上：请改交 .pub 文件（PuTTYgen 中用“Save public key”保存的文件）"
    case .severalKeys(let count):
      return "文件中有 \(count) 把公钥，一次只能登记一把"
    case .unknownType(let type):
      return "不支持的钥匙类型“\(type)”：可用的有 " + SSHPublicKey.acceptedTypes.joined(separator: "、")
    case .notBase64:
      return "公钥内容不完整或被改动过（不是有效的 base64）"
    case .malformed(let type):
      return "公钥内容不完整或被改动过（不是有效的 \(type) 钥匙）"
    case .typeMismatch(let written, let inside):
      return "公钥前写的类型是 \(written)，内容却是 \(inside) 钥匙（被改动过？）"
    case .rsaTooShort(let bits):
      return
        "RSA 钥匙只有 \(bits) 位，至少要 \(SSHPublicKey.minimumRSABits) 位：请改用 ssh-keygen -t ed25519 生成新钥匙"
    case .unterminated:
      return "PuTTYgen 公钥缺少结尾的 “---- END SSH2 PUBLIC KEY ----” 一行"
    }
  }

  static func auditKey(fingerprint: String, type: String, comment: String) -> String {
    "钥匙 \(fingerprint)（\(type)\(comment.isEmpty ? "" : "，" + comment)）"
  }

  // MARK: ssh authorized-keys
  static let authorizedKeysAbstract =
    "供 sshd 的 AuthorizedKeysCommand 调用：登记过的钥匙输出一行 authorized_keys，其余什么也不输出。"
  static let authorizedKeysDiscussion = """
    sshd_config 中写：AuthorizedKeysCommand /usr/local/bin/course-menu ssh authorized-keys --db … --catalog … --account 账户名 %u %t %k
    输出 restrict,pty,command="… ssh session … --member 编号" 类型 公钥：只能用这把钥匙进入课程菜单，不能转发、不能传文件。
    """
  static let userArgumentHelp = "sshd 的 %u：要登录的系统账户。"
  static let typeArgumentHelp = "sshd 的 %t：钥匙类型。"
  static let keyArgumentHelp = "sshd 的 %k：base64 公钥。"
  static let accountOptionHelp = "用钥匙登录的系统账户：其他账户一律不输出（防止配置写错时让钥匙登录别的账户）。"
  static let programOptionHelp = "写入 command= 的课程菜单程序路径（默认为本程序）。"
  static func unsafePath(_ path: String) -> String {
    "路径 \(path) 含有不能放进 command= 的字符：只能用字母、数字和 / . _ - +"
  }
  static func keyLookupRefused(_ problem: SSHPublicKey.Problem) -> String {
    "course-menu ssh authorized-keys：拒绝：" + keyProblem(problem)
  }

  // MARK: report sessions
  static let sessionsAbstract = "会话记录：谁在什么时候、从哪里、怎样登录，会话怎样结束。"
  static let sessionsDiscussion = """
    例：course-menu report sessions --since 2026-11-01 --member 1001
    --format csv 输出带 BOM 的 UTF-8 CSV，可直接用 Excel 打开。
    """
  static let sessionsHeader = [
    "开始", "结束", "时长", "党员", "方式", "来源地址", "结束方式", "客户端命令",
  ]
  static let sessionsEmpty = "没有会话记录"
  static let stillOpen = "进行中"
  static let openButGone = "进行中？（进程已不在）"
  static func sessionsTally(_ count: Int, open: Int) -> String {
    "共 \(count) 次会话，进行中 \(open) 次"
  }
  static let guest = "访客"
  static func duration(seconds: Int) -> String {
    if seconds < 60 { return "\(seconds) 秒" }
    if seconds < 3600 { return "\(seconds / 60) 分 \(seconds % 60) 秒" }
    return "\(seconds / 3600) 小时 \(seconds % 3600 / 60) 分"
  }
}
